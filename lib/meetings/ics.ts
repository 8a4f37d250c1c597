import "server-only";
import ical, { escape, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
import { meetingWindow } from "@/lib/meetings/time";

export type MeetingEvent = {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  /**
   * The moderator's zone. Times are written as UTC instants: a TZID is only valid with a
   * matching VTIMEZONE block, and ical-generator needs an outside generator to write one.
   * Every calendar app converts UTC to the reader's zone, so nothing is lost meanwhile.
   */
  timeZone: string;
  location?: string | null;
  description?: string | null;
  url?: string | null;
  sequence: number;
  cancelled: boolean;
  updatedAt: Date;
  clubName: string;
};

export type MeetingsToIcsInput = {
  calendarName: string;
  events: MeetingEvent[];
  method?: "PUBLISH";
  /** The language of the file's fixed words (the subscriber's; lib/i18n/locales.ts recipientLocale). */
  locale: Locale;
};

// RFC 5545 §3.3.11 TEXT: besides printable characters only tab (WSP) is allowed raw, and line
// breaks only as the "\n" escape ical-generator writes for CR, LF and CRLF. Every other control
// character (C0, DEL, C1) and any lone UTF-16 surrogate (which has no UTF-8 form) is replaced by
// a space. Input refuses these characters already (lib/validation/text.ts); this is defence in
// depth for rows stored before that rule.
const NOT_TEXT = /(?!\r|\n|\t)[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `value` with only what an iCalendar TEXT value may hold (before ical-generator escapes it). */
function icsText(value: string): string {
  return value.replace(NOT_TEXT, " ");
}

const optionalText = (value: string | null | undefined): string | null => (value ? icsText(value) : null);

// The PRODID's language names the language of the file's own words (RFC 5545 §3.7.3).
const productId = (locale: Locale) => ({ company: "Chapterhouse", product: "Chapterhouse", language: locale.toUpperCase() });

// A UID is written unescaped, so it must never carry text that could end the line.
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

/**
 * The UID calendar apps match updates on: the same meeting always gets the same one. It keeps
 * the "session-" prefix meetings had before their rename, so calendars that already hold them
 * update those events rather than adding a second copy.
 */
function meetingUid(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`Meeting id is not a plain identifier: ${JSON.stringify(id)}`);
  return `session-${id}@chapterhouse`;
}

/** The DESCRIPTION body for a meeting row, in `locale`: what to read first, then the moderator's notes (as written). */
export function meetingDescription(input: { readingAssignment: string | null; notes: string | null }, locale: Locale): string | null {
  const t = translatorFor(locale, "calendar");
  const reading = input.readingAssignment?.trim();
  const parts = [reading && t("reading", { reading }), input.notes].filter(
    (part): part is string => Boolean(part && part.trim()),
  );
  return parts.length > 0 ? parts.join("\n\n") : null;
}

/**
 * A calendar of meetings as iCalendar text. The club's and members' words stay as written; the
 * file's own words (a cancelled meeting's prefix, the link's label) are in `input.locale`.
 */
export function meetingsToIcs(input: MeetingsToIcsInput): string {
  const t = translatorFor(input.locale, "calendar");
  const calendar = ical({
    prodId: productId(input.locale),
    // ical-generator writes NAME and X-WR-CALNAME verbatim (unlike event text), so a club name
    // with a newline could otherwise inject lines into the feed.
    name: escape(icsText(input.calendarName), false),
    method: input.method === "PUBLISH" ? ICalCalendarMethod.PUBLISH : null,
  });
  for (const event of input.events) {
    const { endsAt } = meetingWindow(event.startsAt, event.durationMinutes);
    calendar.createEvent({
      id: meetingUid(event.id),
      sequence: event.sequence,
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      start: event.startsAt,
      end: endsAt,
      // STATUS:CANCELLED alone is shown by some calendar apps as an ordinary event; the summary says it too.
      summary: icsText(t(event.cancelled ? "cancelledSummary" : "summary", { club: event.clubName, title: event.title })),
      location: optionalText(event.location),
      description: optionalText(eventDescription(event, t)),
      // A URL property is not TEXT: a link with anything a URL may not hold is left out.
      url: event.url && URL.canParse(event.url) ? new URL(event.url).href : null,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 §3.4 ends every object with CRLF, "END:VCALENDAR" included; ical-generator leaves the last one off.
  const stream = calendar.toString();
  return stream.endsWith("\r\n") ? stream : `${stream}\r\n`;
}

/** "the-remains-of-the-day.ics": ASCII only, so it survives any Content-Disposition header. */
export function icsFilename(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 60)
    .replace(/^-+|-+$/g, "");
  return `${slug || "meeting"}.ics`;
}

// Many calendar apps hide the URL property, so the link back also ends the description.
function eventDescription(event: MeetingEvent, t: ReturnType<typeof translatorFor<"calendar">>): string | null {
  const link = event.url?.trim() ? t("link", { url: event.url.trim() }) : null;
  const parts = [event.description, link].filter((part): part is string => Boolean(part && part.trim()));
  return parts.length > 0 ? parts.join("\n\n") : null;
}
