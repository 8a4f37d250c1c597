import "server-only";
import type { NotificationDelivery } from "@/db/schema/notifications";
import {
  claimNotificationsById,
  claimNotificationsForEmail,
  listChosenDeliveries,
  listEmailCandidates,
  markNotificationsNeedNoEmail,
  releaseEmailClaim,
  unclaimNotifications,
  type EmailCandidate,
  type EmailGate,
} from "@/db/queries/email";
import { publicBaseUrl } from "@/lib/env";
import { recipientLocale } from "@/lib/i18n/locales";
import { getMailer } from "@/lib/mailer";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notificationEmail } from "./message";
import { KINDS_SHOWN_WHEN_REPLY_GONE, batchNotAfter, deliveryOf, digestDay, digestDue, isNotificationKind } from "./rules";
import { signUnsubscribeToken } from "./unsubscribe-token";

// Notification email, worked from notification rows whatever their kind: each round looks at
// every notification email has not seen yet (emailed_at null) and, per member and kind, sends it
// in the batched email, keeps it for the digest, or marks it as needing none. Run every minute by
// the queue (lib/email/queue.ts); docs/decisions/0015-notification-email.md says why this way.

/** What a round did: emails sent, notifications settled without email, emails that failed (retried next round). */
export type EmailRoundResult = { batches: number; digests: number; settledWithoutEmail: number; failed: number };

/** Members handled at once; each needs a few queries and one SMTP conversation (the mailer pools 5 connections). */
const CONCURRENCY = 5;

/** The signed unsubscribe page (for people) and one-click address (for mail programs) of these kinds for a member. */
export function unsubscribeLinks(input: { userId: string; kinds: NotificationKind[] }): { page: string; oneClick: string } {
  const base = publicBaseUrl().replace(/\/+$/, "");
  const token = signUnsubscribeToken(input);
  return { page: `${base}/unsubscribe/${token}`, oneClick: `${base}/api/unsubscribe/${token}` };
}

/**
 * Sends one email, or, with no SMTP configured, writes one line about it to the log (as
 * reminders do). Throws when the SMTP server refuses it.
 */
async function sendOrLog(message: { to: string; subject: string; text: string; html?: string; unsubscribeUrl?: string }): Promise<void> {
  const mailer = getMailer();
  if (!mailer) {
    console.log(`email for ${message.to}: ${message.subject}`);
    return;
  }
  await mailer.send(message);
}

function knownKinds(kinds: string[]): NotificationKind[] {
  return kinds.filter(isNotificationKind);
}

async function sendClaimed(candidate: EmailCandidate, kinds: string[], gate: EmailGate, now: Date): Promise<"sent" | "none" | "failed"> {
  const claim = await claimNotificationsForEmail({ userId: candidate.userId, kinds, gate, now, keepWhenReplyGone: KINDS_SHOWN_WHEN_REPLY_GONE });
  if (claim.status !== "claimed") return "none";
  const shownKinds = knownKinds([...new Set(claim.notifications.map((item) => item.kind))]);
  const links = unsubscribeLinks({ userId: candidate.userId, kinds: shownKinds.length > 0 ? shownKinds : knownKinds(kinds) });
  const email = notificationEmail({
    type: gate.kind,
    recipientName: candidate.name,
    locale: recipientLocale(candidate),
    timeZone: candidate.timeZone,
    items: claim.notifications,
    baseUrl: publicBaseUrl(),
    unsubscribeUrl: links.page,
    kinds: shownKinds,
  });
  try {
    await sendOrLog({ to: candidate.email, ...email, unsubscribeUrl: links.oneClick });
    return "sent";
  } catch (error) {
    console.error(`> Email: the ${gate.kind} email to ${candidate.email} failed; it will be tried again.`, error);
    await releaseEmailClaim({
      userId: candidate.userId,
      notificationIds: claim.notifications.map((item) => item.id),
      gate: gate.kind,
      before: claim.before,
    });
    return "failed";
  }
}

async function handleMember(
  candidate: EmailCandidate,
  chosen: ReadonlyMap<string, NotificationDelivery>,
  now: Date,
  result: EmailRoundResult,
): Promise<void> {
  const byDelivery: Record<NotificationDelivery, string[]> = { app: [], email: [], digest: [], off: [] };
  let oldestForDigest: Date | null = null;
  for (const { kind, oldest } of candidate.waiting) {
    const delivery = deliveryOf(kind, chosen);
    byDelivery[delivery].push(kind);
    if (delivery === "digest" && (oldestForDigest === null || oldest < oldestForDigest)) oldestForDigest = oldest;
  }

  result.settledWithoutEmail += await markNotificationsNeedNoEmail({ userId: candidate.userId, kinds: [...byDelivery.app, ...byDelivery.off], now });

  if (byDelivery.email.length > 0) {
    const sent = await sendClaimed(candidate, byDelivery.email, { kind: "batch", notAfter: batchNotAfter(now) }, now);
    if (sent === "sent") result.batches += 1;
    if (sent === "failed") result.failed += 1;
  }

  const day = digestDay(now, candidate.timeZone);
  if (oldestForDigest && digestDue({ now, day, lastDigestOn: candidate.lastDigestOn, oldestWaiting: oldestForDigest })) {
    const sent = await sendClaimed(candidate, byDelivery.digest, { kind: "digest", localDate: day.localDate }, now);
    if (sent === "sent") result.digests += 1;
    if (sent === "failed") result.failed += 1;
  }
}

/**
 * One round of notification email at `now`: for every member with notifications email has not
 * looked at, the batched email (if 15 minutes have passed since their last), the digest (if it
 * is 9:00 or later in their zone and today's has not gone), and nothing for kinds they keep in
 * the app. Safe to run twice or on two nodes at once: each notification is claimed in a
 * transaction before its email is sent, so none is mailed twice. `userIds` limits the round to
 * those members (tests, benchmarks).
 */
export async function runEmailRound(options: { now?: Date; userIds?: string[] } = {}): Promise<EmailRoundResult> {
  const now = options.now ?? new Date();
  const candidates = await listEmailCandidates({ userIds: options.userIds });
  const chosenRows = await listChosenDeliveries({ userIds: candidates.map((candidate) => candidate.userId) });
  const chosen = new Map<string, Map<string, NotificationDelivery>>();
  for (const row of chosenRows) {
    const forUser = chosen.get(row.userId) ?? new Map<string, NotificationDelivery>();
    forUser.set(row.kind, row.delivery);
    chosen.set(row.userId, forUser);
  }

  const result: EmailRoundResult = { batches: 0, digests: 0, settledWithoutEmail: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const candidate = candidates[next++];
      if (!candidate) break;
      try {
        await handleMember(candidate, chosen.get(candidate.userId) ?? new Map(), now, result);
      } catch (error) {
        // One member's failure (a database hiccup) must not hold up everyone else's email.
        result.failed += 1;
        console.error(`> Email: could not handle the email of member ${candidate.userId}; the next round tries again.`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, candidates.length) }, worker));
  return result;
}

/**
 * For notifications that must not wait for a batch (meeting reminders): given the new rows of
 * one kind, returns those whose member chose email, each claimed for this send (so the batched
 * email leaves them alone). Rows whose member keeps the kind in the app are settled; digest rows
 * are left for the digest.
 */
export async function claimImmediateEmail(input: {
  kind: NotificationKind;
  notifications: { id: string; userId: string }[];
  now?: Date;
}): Promise<Set<string>> {
  const now = input.now ?? new Date();
  if (input.notifications.length === 0) return new Set();
  const userIds = [...new Set(input.notifications.map((row) => row.userId))];
  const chosen = new Map<string, Map<string, NotificationDelivery>>();
  for (const row of await listChosenDeliveries({ userIds, kinds: [input.kind] })) chosen.set(row.userId, new Map([[row.kind, row.delivery]]));
  const emailNow: string[] = [];
  const settled: string[] = [];
  for (const row of input.notifications) {
    const delivery = deliveryOf(input.kind, chosen.get(row.userId) ?? new Map());
    if (delivery === "email") emailNow.push(row.id);
    else if (delivery === "app" || delivery === "off") settled.push(row.id);
  }
  await claimNotificationsById({ ids: settled, now });
  return new Set(await claimNotificationsById({ ids: emailNow, now }));
}

/** Gives back a notification whose immediate email failed: the next batched email takes it. */
export async function returnToEmail(notificationId: string): Promise<void> {
  await unclaimNotifications({ ids: [notificationId] });
}
