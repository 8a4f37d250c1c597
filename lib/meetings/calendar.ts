// A meeting as an iCalendar (RFC 5545) file, for "add to calendar".
import { getMeetingWithClub, type MeetingRow } from "@/db/queries/meetings";
import { icsFilename, meetingDescription, meetingsToIcs } from "@/lib/meetings/ics";
import { AppError, notFound } from "@/lib/errors";
import { uuidParam } from "@/lib/validation/ids";
import { meetingHref } from "./views";
import { requireMeetingViewer } from "./access";


type ExportableMeeting = MeetingRow & { clubName: string };

/** A meeting as a calendar event, linking back to its page on this site. */
export function toCalendarEvent(meeting: ExportableMeeting, origin: string) {
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    timeZone: meeting.timeZone,
    location: meeting.location,
    description: meetingDescription({ readingAssignment: meeting.readingAssignment, notes: meeting.notes }),
    url: origin ? `${origin}${meetingHref(meeting.clubId, meeting.id)}` : null,
    sequence: meeting.sequence,
    cancelled: meeting.cancelledAt !== null,
    updatedAt: meeting.updatedAt,
    clubName: meeting.clubName,
  };
}

/** One meeting as an .ics file, for members of its club only (everyone else: not found). */
export async function loadMeetingIcs(input: { meetingId: unknown; userId: string; origin: string }): Promise<{ filename: string; body: string }> {
  const parsed = uuidParam.safeParse(input.meetingId);
  if (!parsed.success) throw notFound("This meeting");
  const meeting = await getMeetingWithClub({ meetingId: parsed.data });
  if (!meeting) throw notFound("This meeting");
  await requireMeetingViewer({ clubId: meeting.clubId, userId: input.userId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") throw notFound("This meeting");
    throw error;
  });
  const body = meetingsToIcs({ calendarName: meeting.clubName, events: [toCalendarEvent(meeting, input.origin)], method: "PUBLISH" });
  return { filename: icsFilename(meeting.title), body };
}
