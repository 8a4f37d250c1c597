import { z } from "zod";
import { END_RANK } from "@/lib/books/points";
import { locales } from "@/lib/i18n/locales";
import { isValidTimeZone, REPEAT_LIMITS } from "@/lib/meetings/time";
import { uuidParam } from "@/lib/validation/ids";
import { text } from "@/lib/validation/text";

/** Shared with the form, so the limits it shows are the ones the server holds it to. */
export const meetingLimits = {
  title: 200,
  location: 500,
  readingAssignment: 300,
  notes: 4000,
  agenda: 50,
  duration: { min: 15, max: 600, default: 90 },
  repeat: { everyWeeks: { min: REPEAT_LIMITS.everyWeeks.min, max: REPEAT_LIMITS.everyWeeks.max }, count: { min: 2, max: REPEAT_LIMITS.count.max } },
} as const;

/** Form fields arrive as strings; an empty optional field means "not set". */
const optionalText = (label: string, max: number, message: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? null : value),
    text({ label, multiline: true })
      .max(max, message)
      .nullable()
      .transform((value) => (value ? value : null)),
  );

const title = text({ label: "The title", error: "Give the meeting a title." })
  .min(1, "Give the meeting a title.")
  .max(meetingLimits.title, `Keep the title under ${meetingLimits.title} characters.`);

const date = text({ label: "The day", error: "Choose the day of the meeting." }).min(1, "Choose the day of the meeting.");
const time = text({ label: "The start time", error: "Choose when the meeting starts." }).min(1, "Choose when the meeting starts.");

const timeZone = text({ label: "The time zone", error: "Choose the time zone the meeting is planned in." })
  .min(1, "Choose the time zone the meeting is planned in.")
  .refine(isValidTimeZone, "That isn't a time zone we know. Choose one from the list.");

const { min: minDuration, max: maxDuration } = meetingLimits.duration;
const durationMessage = `A meeting lasts from ${minDuration} minutes to ${maxDuration / 60} hours (${maxDuration} minutes).`;

const durationMinutes = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? meetingLimits.duration.default : value),
  z.coerce
    .number({ error: "Enter the length in minutes, like 90." })
    .int("Enter the length as a whole number of minutes.")
    // Said separately because "ends before it starts" is the mistake people actually make.
    .refine((minutes) => minutes > 0, "The meeting would end before it starts: give it a length of at least 15 minutes.")
    .refine((minutes) => minutes >= minDuration && minutes <= maxDuration, durationMessage),
);

// Anything shaped like "scheme:something" is treated as a link, so "javascript:..." or
// "ftp://..." is refused rather than stored as a place name; "Library: room 2" is a place.
const LINK_SHAPE = /^[a-z][a-z0-9+.-]*:\S/i;

/**
 * Where the meeting happens: an http(s) link to a video call, or the name of a place in words.
 * Returned with its kind so the page knows whether to make it a link.
 */
const location = z.preprocess(
  (value) => (value === undefined || value === null ? null : value),
  text({ label: "The place or link" })
    .max(meetingLimits.location, `Keep the place or link under ${meetingLimits.location} characters.`)
    .nullable()
    .transform((value, context) => {
      if (!value) return null;
      if (/^www\./i.test(value)) {
        context.addIssue({ code: "custom", message: "Start the video link with https:// so it opens for everyone." });
        return z.NEVER;
      }
      if (!LINK_SHAPE.test(value)) return value;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        context.addIssue({ code: "custom", message: "That link isn't complete. Paste the whole video link, starting with https://." });
        return z.NEVER;
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") {
        context.addIssue({ code: "custom", message: "Use a video link that starts with https:// (or http://), or write the place in words." });
        return z.NEVER;
      }
      return url.href;
    }),
);

const agenda = z
  .array(z.uuid("One of the agenda questions could not be found. Reload the page and choose again."), {
    error: "Choose the agenda questions from the list.",
  })
  .max(meetingLimits.agenda, `An agenda can have at most ${meetingLimits.agenda} questions.`)
  .optional()
  .default([])
  .refine((ids) => new Set(ids).size === ids.length, "A question can be on the agenda only once.");

const choice = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.enum(["earlier", "later"], { error: "Choose the earlier or the later time." }).nullable(),
);

const { everyWeeks: everyWeeksLimits, count: countLimits } = meetingLimits.repeat;

const repeat = z.preprocess(
  (value) => (value === undefined ? null : value),
  z
    .object({
      everyWeeks: z.coerce
        .number({ error: `Repeat every ${everyWeeksLimits.min} to ${everyWeeksLimits.max} weeks.` })
        .int(`Repeat every ${everyWeeksLimits.min} to ${everyWeeksLimits.max} weeks.`)
        .min(everyWeeksLimits.min, `Repeat every ${everyWeeksLimits.min} to ${everyWeeksLimits.max} weeks.`)
        .max(everyWeeksLimits.max, `Repeat every ${everyWeeksLimits.min} to ${everyWeeksLimits.max} weeks.`),
      count: z.coerce
        .number({ error: `A series has ${countLimits.min} to ${countLimits.max} meetings.` })
        .int(`A series has ${countLimits.min} to ${countLimits.max} meetings.`)
        .min(countLimits.min, `A series has ${countLimits.min} to ${countLimits.max} meetings.`)
        .max(countLimits.max, `A series has ${countLimits.min} to ${countLimits.max} meetings.`),
    })
    .nullable(),
);

export const meetingInput = z.object({
  title,
  date,
  time,
  timeZone,
  /** Which of the two readings of a time that happens twice (a fall-back hour). */
  choice,
  durationMinutes,
  location,
  readingAssignment: optionalText("The reading assignment", meetingLimits.readingAssignment, `Keep the reading assignment under ${meetingLimits.readingAssignment} characters.`),
  // The same assignment as a point in the book (lib/books/points.ts rank); checked against the book's chapters by the door.
  readingTarget: z
    .number({ error: "Choose how far to read." })
    .int("Choose how far to read.")
    .min(0, "Choose how far to read.")
    .max(END_RANK, "Choose how far to read.")
    .nullish()
    .transform((value) => value ?? null),
  notes: optionalText("The notes", meetingLimits.notes, `Keep the notes under ${meetingLimits.notes.toLocaleString("en")} characters.`),
  agenda,
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const scheduleMeetingInput = meetingInput.extend({ repeat });

export const rsvpInput = z.enum(["going", "maybe", "not_going"], { error: "Choose going, maybe or not going." });

/**
 * A calendar feed token as it appears in a URL: base64url, so anything else cannot name a feed
 * and is answered exactly like a token that does not exist.
 */
export const calendarFeedToken = z
  .string()
  .min(16)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A door naming a club's meetings: /clubs/:clubId/meetings. */
export const clubMeetingsParams = z.object({ clubId: uuidParam });

/** A door naming one meeting under its club: /clubs/:clubId/meetings/:meetingId. */
export const clubMeetingParams = z.object({ clubId: uuidParam, meetingId: uuidParam });

/** A door naming a meeting by its id alone: /api/meetings/:meetingId/... */
export const meetingParams = z.object({ meetingId: uuidParam });

/** The scheduling form's club, and the meeting being changed when there is one (no `meetingId`: a new meeting). */
export const meetingFormParams = z.object({ clubId: uuidParam, meetingId: uuidParam.optional() });

/** How many of its most recent past meetings the club page lists: `{ limit }`, 1 to 50. */
export const recentPastMeetingsQuery = z.object({ limit: z.number().int().min(1).max(50) });

/**
 * What the .ics download needs besides the meeting: the site's origin as the request reached it
 * (lib/meetings/feeds.ts siteOrigin), for the link back to the meeting's page; "" for no link.
 */
export const meetingIcsRequest = z.object({ origin: z.string(), locale: z.enum(locales).optional() });

/**
 * What the meeting form sends, before parsing (`z.input`): the form and its server actions are
 * typed by the schema, so a field renamed here is a type error there. Preprocessed fields
 * (duration, location, notes, choice, repeat) take anything: the schema decides.
 */
export type MeetingValues = z.input<typeof meetingInput>;
/** The same, when scheduling: a series may be asked for (`repeat`). */
export type ScheduleMeetingValues = z.input<typeof scheduleMeetingInput>;
/** One of going / maybe / not going, as a form sends it. */
export type RsvpValue = z.input<typeof rsvpInput>;
