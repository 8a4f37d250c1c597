import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
import { formatInZone, isValidTimeZone, zoneLabel } from "@/lib/meetings/time";
import { notificationSentence } from "@/lib/notifications/sentence";
import { REMINDER_HOURS, type ReminderKind } from "./plan";

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
  /** The start as people read it, with its zone named. */
  when: string;
};

export type ReminderEmail = { subject: string; text: string; html: string };

/** Whose words and clock a reminder follows: the recipient's language and, when known, their zone. */
export type ReminderReader = { locale: Locale; timeZone?: string | null };

function meetingPath(meeting: { clubId: string; id: string }): string {
  return `/clubs/${meeting.clubId}/meetings/${meeting.id}`;
}

/** The zone a reader's times are written in: theirs when known and valid, else the meeting's own. */
function readerZone(meeting: ReminderMeeting, reader: ReminderReader): string {
  return reader.timeZone && isValidTimeZone(reader.timeZone) ? reader.timeZone : meeting.timeZone;
}

/**
 * The reminder's sentence and second line (the time, then what to read), in the reader's
 * language and zone. The notification row stores the English one with the meeting's own zone
 * (the default reader); the page and emails say it again in their reader's words
 * (lib/notifications/sentence.ts), from the same keys.
 */
export function reminderMessage(meeting: ReminderMeeting, kind: ReminderKind, reader: ReminderReader = { locale: "en" }): ReminderMessage {
  const zone = readerZone(meeting, reader);
  const reading = meeting.readingAssignment?.trim() || null;
  const said = notificationSentence(
    {
      sentence: { key: "meetingReminder", club: meeting.clubName, title: meeting.title, hours: REMINDER_HOURS[kind] },
      body: { key: "meetingReminder", startsAt: meeting.startsAt.toISOString(), timeZone: meeting.timeZone, reading },
    },
    translatorFor(reader.locale, "email"),
    { locale: reader.locale, timeZone: zone },
  );
  return { title: said.text, body: said.body, path: meetingPath(meeting), when: formatInZone(meeting.startsAt, zone, reader.locale) };
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * The reminder email for one member, in their language, with the time in their zone (named), or
 * in the meeting's when theirs is unknown. `stopUrl`: the page that stops reminders by email.
 */
export function reminderEmail(input: {
  meeting: ReminderMeeting;
  kind: ReminderKind;
  recipientName: string;
  baseUrl: string;
  reader?: ReminderReader;
  stopUrl?: string;
}): ReminderEmail {
  const { meeting, kind } = input;
  const reader = input.reader ?? { locale: "en" };
  const t = translatorFor(reader.locale, "email");
  const message = reminderMessage(meeting, kind, reader);
  const zone = readerZone(meeting, reader);
  const url = `${input.baseUrl.replace(/\/+$/, "")}${message.path}`;
  const location = meeting.location?.trim();
  const reading = meeting.readingAssignment?.trim();
  const details = [
    meeting.title,
    message.when,
    location ? t("reminder.where", { location }) : null,
    reading ? t("notification.readFirst", { reading }) : null,
  ].filter((line): line is string => line !== null);
  const greeting = t("greeting", { name: input.recipientName });
  const meetsIn = t("reminder.meetsIn", { club: meeting.clubName, hours: REMINDER_HOURS[kind] });
  const zoneLine =
    zone === meeting.timeZone
      ? t("reminder.meetingZone", { zone: zoneLabel(zone, meeting.startsAt, reader.locale) })
      : t("reminder.zone", { zone: zoneLabel(zone, meeting.startsAt, reader.locale) });
  const stop = input.stopUrl ? t("reminder.stop", { url: input.stopUrl }) : null;
  const text = [
    greeting,
    "",
    meetsIn,
    "",
    ...details.map((line) => `  ${line}`),
    "",
    t("reminder.linkIntro"),
    url,
    "",
    zoneLine,
    t("reminder.why"),
    ...(stop ? [stop] : []),
    "",
  ].join("\n");
  const html = [
    `<!doctype html><html lang="${reader.locale}"><body style="font-family: Georgia, serif; color: #1f2933; line-height: 1.5; max-width: 40rem;">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(meetsIn)}</p>`,
    `<ul>${details.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`,
    `<p>${escapeHtml(t("reminder.linkIntro"))} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    '<hr style="border: none; border-top: 1px solid #d9d4c7; margin-top: 2rem;">',
    `<p style="font-size: 0.875rem; color: #52606d;">${escapeHtml(zoneLine)} ${escapeHtml(t("reminder.why"))}` +
      (input.stopUrl ? ` <a href="${escapeHtml(input.stopUrl)}">${escapeHtml(t("reminder.stopLink"))}</a>` : "") +
      "</p>",
    "</body></html>",
  ].join("\n");
  return { subject: message.title, text, html };
}
