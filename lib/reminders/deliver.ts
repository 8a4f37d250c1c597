import "server-only";
import { z } from "zod";
import { insertMemberNotifications } from "@/db/queries/notifications";
import { findMeetingForReminders, listReminderRecipients } from "@/db/queries/reminder-jobs";
import { runJob } from "@/lib/doors/door";
import { done, type Done } from "@/lib/doors/live";
import { publicBaseUrl } from "@/lib/env";
import { recipientLocale } from "@/lib/i18n/locales";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { claimImmediateEmail, returnToEmail, unsubscribeLinks } from "@/lib/email/send";
import { getMailer } from "@/lib/mailer";
import { reminderEmail, reminderMessage } from "./message";
import { REMINDER_KINDS, reminderDedupeKey, reminderStillUseful, type ReminderPayload } from "./plan";

const NOTIFICATION_KIND_MEETING_REMINDER: NotificationKind = "meeting_reminder";

export type DeliveryResult =
  | { status: "delivered"; notified: number }
  | { status: "skipped"; reason: "missing" | "cancelled" | "moved" | "too_late" };

const payloadSchema = z.preprocess(
  // Jobs queued before meetings were called meetings name the meeting `sessionId`.
  (data) => (data && typeof data === "object" && "sessionId" in data && !("meetingId" in data) ? { ...data, meetingId: data.sessionId } : data),
  z.object({
    meetingId: z.uuid(),
    kind: z.enum(REMINDER_KINDS),
    startsAt: z.iso.datetime(),
  }),
);

/** A job's data comes back from the database as plain JSON; it is checked like any input. */
export function parseReminderPayload(data: unknown): ReminderPayload | null {
  const parsed = payloadSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * Runs one reminder job. Safe to run any number of times: each member's notification has a
 * dedupe key, only newly inserted ones are emailed, and a job for a meeting that has since
 * moved or been cancelled does nothing. The bells of the members notified change live, after
 * the notifications are written (runJob). An error (the database is down) throws, and the queue
 * retries the job later.
 */
export function deliverMeetingReminder(payload: ReminderPayload, now = new Date()): Promise<DeliveryResult> {
  return runJob(() => remind(payload, now));
}

async function remind(payload: ReminderPayload, now: Date): Promise<Done<DeliveryResult>> {
  const meeting = await findMeetingForReminders({ meetingId: payload.meetingId });
  if (!meeting) return done<DeliveryResult>({ status: "skipped", reason: "missing" });
  if (meeting.cancelledAt) return done<DeliveryResult>({ status: "skipped", reason: "cancelled" });
  if (meeting.startsAt.toISOString() !== new Date(payload.startsAt).toISOString()) return done<DeliveryResult>({ status: "skipped", reason: "moved" });
  if (!reminderStillUseful(payload.kind, meeting.startsAt, now)) return done<DeliveryResult>({ status: "skipped", reason: "too_late" });

  const recipients = await listReminderRecipients({ meetingId: meeting.id, clubId: meeting.clubId });
  const message = reminderMessage(meeting, payload.kind);
  // One INSERT … SELECT: only members still in the club who have not turned reminders off.
  const inserted = await insertMemberNotifications({
    clubId: meeting.clubId,
    recipientIds: recipients.map((recipient) => recipient.userId),
    kind: NOTIFICATION_KIND_MEETING_REMINDER,
    actorId: null,
    roomId: null,
    replyId: null,
    meetingId: meeting.id,
    title: message.title,
    body: message.body,
    url: message.path,
    groupKey: null,
    // The key ends with the member's id: the prefix is the key for an empty id.
    dedupePrefix: reminderDedupeKey({ meetingId: meeting.id, kind: payload.kind, startsAt: meeting.startsAt, userId: "" }),
  });

  // Reminders are time-critical, so they skip the 15-minute batching, but each member's choice
  // for meeting reminders holds: only those who chose email get one now (lib/email).
  const emailNow = await claimImmediateEmail({ kind: NOTIFICATION_KIND_MEETING_REMINDER, notifications: inserted });
  const mailer = getMailer();
  const baseUrl = publicBaseUrl();
  for (const row of inserted) {
    const recipient = recipients.find((candidate) => candidate.userId === row.userId);
    if (!recipient || !emailNow.has(row.id)) continue;
    if (!mailer) {
      console.log(`reminder for ${recipient.email}: ${meeting.title} at ${message.when}`);
      continue;
    }
    const unsubscribe = unsubscribeLinks({ userId: recipient.userId, kinds: [NOTIFICATION_KIND_MEETING_REMINDER] });
    // Each member reads it in their own language, at their own clock when they have said it.
    const email = reminderEmail({
      meeting,
      kind: payload.kind,
      recipientName: recipient.name,
      baseUrl,
      reader: { locale: recipientLocale(recipient), timeZone: recipient.timeZone },
      stopUrl: unsubscribe.page,
    });
    try {
      await mailer.send({
        to: recipient.email,
        subject: email.subject,
        text: email.text,
        html: email.html,
        unsubscribeUrl: unsubscribe.oneClick,
      });
    } catch (error) {
      // The in-app notification is already there and a retry of this job would not resend (its
      // row exists), so the email goes back to the batched email, and the rest carry on.
      console.error(`> Reminders: email to ${recipient.email} failed; the next batched email carries it.`, error);
      await returnToEmail(row.id);
    }
  }
  // The bell of each member notified now changes live, as for notifications written by a door.
  const notified = [...new Set(inserted.map((row) => row.userId))];
  return done<DeliveryResult>({ status: "delivered", notified: inserted.length }, { type: "notifications:changed", userIds: notified });
}
