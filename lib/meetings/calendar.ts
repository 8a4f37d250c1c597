import "server-only";
// A meeting as an iCalendar (RFC 5545) file, for "add to calendar".
import type { MeetingRow } from "@/db/queries/meetings";
import { resolveMeeting } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { icsFilename, meetingDescription, meetingsToIcs } from "@/lib/meetings/ics";
import { meetingIcsRequest, meetingParams } from "@/lib/validation/meetings";
import { meetingHref } from "./views";

type ExportableMeeting = MeetingRow & { clubName: string };

/** A meeting as a calendar event, linking back to its page on this site; its fixed words in `locale`. */
export function toCalendarEvent(meeting: ExportableMeeting, origin: string, locale: Locale) {
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    timeZone: meeting.timeZone,
    location: meeting.location,
    description: meetingDescription({ readingAssignment: meeting.readingAssignment, notes: meeting.notes }, locale),
    url: origin ? `${origin}${meetingHref(meeting.clubId, meeting.id)}` : null,
    sequence: meeting.sequence,
    cancelled: meeting.cancelledAt !== null,
    updatedAt: meeting.updatedAt,
    clubName: meeting.clubName,
  };
}

/**
 * One meeting as an .ics file (`body.origin`: where its link points; `body.locale`: the language
 * of the request that downloads it, English when unsaid), for members of its club only (everyone
 * else: not found).
 */
export const loadMeetingIcs = door({
  params: meetingParams,
  what: "meeting",
  resolve: ({ params, userId }) => resolveMeeting({ meetingId: params.meetingId, userId }),
  body: meetingIcsRequest,
  act: async ({ body, target }) => {
    const { meeting } = target;
    const locale = body.locale ?? defaultLocale;
    const ics = meetingsToIcs({ calendarName: meeting.clubName, events: [toCalendarEvent(meeting, body.origin, locale)], method: "PUBLISH", locale });
    return done({ filename: icsFilename(meeting.title), body: ics });
  },
});
