import { z } from "zod";
import { createNotifications } from "@/db/queries/notifications";
import { findSessionForReminders, listReminderRecipients } from "@/db/queries/reminder-jobs";
import { getMailer } from "@/lib/mailer";
import { reminderEmail, reminderMessage } from "./message";
import { REMINDER_KINDS, reminderDedupeKey, reminderStillUseful, type ReminderPayload } from "./plan";

export const NOTIFICATION_KIND_SESSION_REMINDER = "session_reminder";

export type DeliveryResult =
  | { status: "delivered"; notified: number }
  | { status: "skipped"; reason: "missing" | "cancelled" | "moved" | "too_late" };

const payloadSchema = z.object({
  sessionId: z.uuid(),
  kind: z.enum(REMINDER_KINDS),
  startsAt: z.iso.datetime(),
});

/** A job's data comes back from the database as plain JSON; it is checked like any input. */
export function parseReminderPayload(data: unknown): ReminderPayload | null {
  const parsed = payloadSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * Runs one reminder job. Safe to run any number of times: each member's notification has a
 * dedupe key, only newly inserted ones are emailed, and a job for a session that has since
 * moved or been cancelled does nothing. An error (the database is down) throws, and the queue
 * retries the job later.
 */
export async function deliverSessionReminder(payload: ReminderPayload, now = new Date()): Promise<DeliveryResult> {
  const session = await findSessionForReminders({ sessionId: payload.sessionId });
  if (!session) return { status: "skipped", reason: "missing" };
  if (session.cancelledAt) return { status: "skipped", reason: "cancelled" };
  if (session.startsAt.toISOString() !== new Date(payload.startsAt).toISOString()) return { status: "skipped", reason: "moved" };
  if (!reminderStillUseful(payload.kind, session.startsAt, now)) return { status: "skipped", reason: "too_late" };

  const recipients = await listReminderRecipients({ sessionId: session.id, clubId: session.clubId });
  const message = reminderMessage(session, payload.kind);
  const inserted = await createNotifications({
    notifications: recipients.map((recipient) => ({
      userId: recipient.userId,
      clubId: session.clubId,
      sessionId: session.id,
      kind: NOTIFICATION_KIND_SESSION_REMINDER,
      title: message.title,
      body: message.body,
      url: message.path,
      dedupeKey: reminderDedupeKey({ sessionId: session.id, kind: payload.kind, startsAt: session.startsAt, userId: recipient.userId }),
    })),
  });

  const newlyNotified = new Set(inserted.map((row) => row.userId));
  const mailer = getMailer();
  const baseUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  for (const recipient of recipients) {
    if (!newlyNotified.has(recipient.userId)) continue;
    if (!mailer) {
      console.log(`reminder for ${recipient.email}: ${session.title} at ${message.when}`);
      continue;
    }
    const email = reminderEmail({ session, kind: payload.kind, recipientName: recipient.name, baseUrl });
    try {
      await mailer.send({ to: recipient.email, subject: email.subject, text: email.text });
    } catch (error) {
      // The in-app notification is already there and a retry would not resend (its row exists),
      // so one member's bad address or a brief SMTP outage is logged, not allowed to stop the rest.
      console.error(`> Reminders: email to ${recipient.email} failed; the in-app reminder stands.`, error);
    }
  }
  return { status: "delivered", notified: inserted.length };
}
