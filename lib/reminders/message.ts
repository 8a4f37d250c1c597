import { formatInZone, zoneLabel } from "@/lib/meetings/time";
import { reminderLeadPhrase, type ReminderKind } from "./plan";

export type ReminderMeeting = {
  id: string;
  clubId: string;
  clubName: string;
  title: string;
  startsAt: Date;
  timeZone: string;
  location: string | null;
  readingAssignment: string | null;
};

export type ReminderMessage = {
  /** Shown in the list and used as the email subject. */
  title: string;
  body: string;
  /** The app path; emails prefix it with the public URL. */
  path: string;
  /** The start as people read it, in the meeting's own zone. */
  when: string;
};

export type ReminderEmail = { subject: string; text: string };

function meetingPath(meeting: { clubId: string; id: string }): string {
  return `/clubs/${meeting.clubId}/meetings/${meeting.id}`;
}

/**
 * We do not know each member's zone here, so the time is given in the zone the meeting was
 * planned in, and always with that zone's name beside it.
 */
export function reminderMessage(meeting: ReminderMeeting, kind: ReminderKind): ReminderMessage {
  const when = formatInZone(meeting.startsAt, meeting.timeZone);
  const reading = meeting.readingAssignment?.trim();
  // Two lines: the time, then what to read. The page shows the line break as it is.
  const body = reading ? `${when}\nBefore then, read: ${reading}` : when;
  return {
    title: `${meeting.clubName}: ${meeting.title} starts in ${reminderLeadPhrase(kind)}`,
    body,
    path: meetingPath(meeting),
    when,
  };
}

export function reminderEmail(input: {
  meeting: ReminderMeeting;
  kind: ReminderKind;
  recipientName: string;
  baseUrl: string;
}): ReminderEmail {
  const { meeting, kind } = input;
  const message = reminderMessage(meeting, kind);
  const url = `${input.baseUrl.replace(/\/+$/, "")}${message.path}`;
  const details = [
    meeting.title,
    message.when,
    meeting.location?.trim() ? `Where: ${meeting.location.trim()}` : null,
    meeting.readingAssignment?.trim() ? `Before then, read: ${meeting.readingAssignment.trim()}` : null,
  ].filter((line): line is string => line !== null);
  const text = [
    `Hello ${input.recipientName},`,
    "",
    `${meeting.clubName} meets in ${reminderLeadPhrase(kind)}.`,
    "",
    ...details.map((line) => `  ${line}`),
    "",
    "The meeting, its agenda and your RSVP:",
    url,
    "",
    `Times are in the club's time zone for this meeting: ${zoneLabel(meeting.timeZone, meeting.startsAt)}.`,
    "You get this reminder because you said you're going or might go.",
    "",
  ].join("\n");
  return { subject: message.title, text };
}
