import { formatInZone, zoneLabel } from "@/lib/sessions/time";
import { reminderLeadPhrase, type ReminderKind } from "./plan";

export type ReminderSession = {
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
  /** The start as people read it, in the session's own zone. */
  when: string;
};

export type ReminderEmail = { subject: string; text: string };

export function sessionPath(session: { clubId: string; id: string }): string {
  return `/clubs/${session.clubId}/sessions/${session.id}`;
}

/**
 * We do not know each member's zone here, so the time is given in the zone the meeting was
 * planned in, and always with that zone's name beside it.
 */
export function reminderMessage(session: ReminderSession, kind: ReminderKind): ReminderMessage {
  const when = formatInZone(session.startsAt, session.timeZone);
  const reading = session.readingAssignment?.trim();
  // Two lines: the time, then what to read. The page shows the line break as it is.
  const body = reading ? `${when}\nBefore then, read: ${reading}` : when;
  return {
    title: `${session.clubName}: ${session.title} starts in ${reminderLeadPhrase(kind)}`,
    body,
    path: sessionPath(session),
    when,
  };
}

export function reminderEmail(input: {
  session: ReminderSession;
  kind: ReminderKind;
  recipientName: string;
  baseUrl: string;
}): ReminderEmail {
  const { session, kind } = input;
  const message = reminderMessage(session, kind);
  const url = `${input.baseUrl.replace(/\/+$/, "")}${message.path}`;
  const details = [
    session.title,
    message.when,
    session.location?.trim() ? `Where: ${session.location.trim()}` : null,
    session.readingAssignment?.trim() ? `Before then, read: ${session.readingAssignment.trim()}` : null,
  ].filter((line): line is string => line !== null);
  const text = [
    `Hello ${input.recipientName},`,
    "",
    `${session.clubName} meets in ${reminderLeadPhrase(kind)}.`,
    "",
    ...details.map((line) => `  ${line}`),
    "",
    "The session, its agenda and your RSVP:",
    url,
    "",
    `Times are in the club's time zone for this meeting: ${zoneLabel(session.timeZone, session.startsAt)}.`,
    "You get this reminder because you said you're going or might go.",
    "",
  ].join("\n");
  return { subject: message.title, text };
}
