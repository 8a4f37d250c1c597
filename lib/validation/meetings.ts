import { z } from "zod";
import { END_RANK } from "@/lib/books/points";
import { locales } from "@/lib/i18n/locales";
import { isValidTimeZone, REPEAT_LIMITS } from "@/lib/meetings/time";
import { uuidParam } from "@/lib/validation/ids";
import { text, type FieldLabel } from "@/lib/validation/text";
import { errorKey } from "@/lib/i18n/error-text";

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
const optionalText = (label: FieldLabel, max: number, message: string) =>
  z.preprocess(
    (value) => (value === undefined || value === null ? null : value),
    text({ label, multiline: true })
      .max(max, message)
      .nullable()
      .transform((value) => (value ? value : null)),
  );

const title = text({ label: "title", error: "meeting.titleMissing" })
  .min(1, errorKey("meeting.titleMissing"))
  .max(meetingLimits.title, errorKey("meeting.titleTooLong"));

const date = text({ label: "day", error: "meeting.dayMissing" }).min(1, errorKey("meeting.dayMissing"));
const time = text({ label: "startTime", error: "meeting.startMissing" }).min(1, errorKey("meeting.startMissing"));

const timeZone = text({ label: "timeZone", error: "meeting.timeZoneMissing" })
  .min(1, errorKey("meeting.timeZoneMissing"))
  .refine(isValidTimeZone, errorKey("timeZone.unknown"));

const { min: minDuration, max: maxDuration } = meetingLimits.duration;
const durationMessage = errorKey("meeting.duration", { min: minDuration, hours: maxDuration / 60, max: maxDuration });

const durationMinutes = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? meetingLimits.duration.default : value),
  z.coerce
    .number({ error: errorKey("meeting.durationNumber") })
    .int(errorKey("meeting.durationWhole"))
    // Said separately because "ends before it starts" is the mistake people actually make.
    .refine((minutes) => minutes > 0, errorKey("meeting.durationNegative", { min: minDuration }))
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
  text({ label: "place" })
    .max(meetingLimits.location, errorKey("meeting.placeTooLong"))
    .nullable()
    .transform((value, context) => {
      if (!value) return null;
      if (/^www\./i.test(value)) {
        context.addIssue({ code: "custom", message: errorKey("meeting.linkWww") });
        return z.NEVER;
      }
      if (!LINK_SHAPE.test(value)) return value;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        context.addIssue({ code: "custom", message: errorKey("meeting.linkIncomplete") });
        return z.NEVER;
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") {
        context.addIssue({ code: "custom", message: errorKey("meeting.linkScheme") });
        return z.NEVER;
      }
      return url.href;
    }),
);

const agenda = z
  .array(z.uuid(errorKey("meeting.agendaMissing")), {
    error: errorKey("meeting.agendaChoose"),
  })
  .max(meetingLimits.agenda, errorKey("meeting.agendaTooLong"))
  .optional()
  .default([])
  .refine((ids) => new Set(ids).size === ids.length, errorKey("meeting.agendaTwice"));

const choice = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.enum(["earlier", "later"], { error: errorKey("meeting.choice") }).nullable(),
);

const { everyWeeks: everyWeeksLimits, count: countLimits } = meetingLimits.repeat;
const everyWeeksMessage = errorKey("meeting.repeatEvery", { min: everyWeeksLimits.min, max: everyWeeksLimits.max });
const countMessage = errorKey("meeting.repeatCount", { min: countLimits.min, max: countLimits.max });

const repeat = z.preprocess(
  (value) => (value === undefined ? null : value),
  z
    .object({
      everyWeeks: z.coerce
        .number({ error: everyWeeksMessage })
        .int(everyWeeksMessage)
        .min(everyWeeksLimits.min, everyWeeksMessage)
        .max(everyWeeksLimits.max, everyWeeksMessage),
      count: z.coerce
        .number({ error: countMessage })
        .int(countMessage)
        .min(countLimits.min, countMessage)
        .max(countLimits.max, countMessage),
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
  readingAssignment: optionalText("readingAssignment", meetingLimits.readingAssignment, errorKey("meeting.readingAssignmentTooLong")),
  // The same assignment as a point in the book (lib/books/points.ts rank); checked against the book's chapters by the door.
  readingTarget: z
    .number({ error: errorKey("meeting.readingTarget") })
    .int(errorKey("meeting.readingTarget"))
    .min(0, errorKey("meeting.readingTarget"))
    .max(END_RANK, errorKey("meeting.readingTarget"))
    .nullish()
    .transform((value) => value ?? null),
  notes: optionalText("notes", meetingLimits.notes, errorKey("meeting.notesTooLong")),
  agenda,
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const scheduleMeetingInput = meetingInput.extend({ repeat });

export const rsvpInput = z.enum(["going", "maybe", "not_going"], { error: errorKey("meeting.rsvpChoice") });

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
