import { Temporal } from "@js-temporal/polyfill";
import type { NotificationDelivery } from "@/db/schema/notifications";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";

// The pure rules of notification email (issue 9, item 5): how a kind reaches a member, when a
// batched email may go, and when the daily digest is due. No I/O here, so it unit-tests.

/** At most one batched email per member per this many minutes; it collects everything new since the last. */
const BATCH_MINUTES = 15;

/** The digest goes out at this hour of the member's own day (local wall-clock time, 0–23). */
const DIGEST_HOUR = 9;

/** The zone a member's digest follows when they have not said theirs. */
const FALLBACK_TIME_ZONE = "UTC";

/**
 * Kinds whose notification still goes out when the reply it is about is hidden or deleted:
 * the notice to the author that a moderator hid it carries the reason, never the reply's text.
 */
export const KINDS_SHOWN_WHEN_REPLY_GONE: NotificationKind[] = ["reply_hidden"];

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

/**
 * How `kind` reaches a member whose stored choices are `chosen` (kind → delivery): their choice,
 * else the kind's default. A kind this version does not know stays in the app.
 */
export function deliveryOf(kind: string, chosen: ReadonlyMap<string, NotificationDelivery>): NotificationDelivery {
  const stored = chosen.get(kind);
  if (stored) return stored;
  return isNotificationKind(kind) ? NOTIFICATION_KINDS[kind].defaultDelivery : "app";
}

/** Every kind's delivery for a member: their stored choice or the default. */
export function allDeliveries(chosen: ReadonlyMap<string, NotificationDelivery>): Record<NotificationKind, NotificationDelivery> {
  const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
  return Object.fromEntries(kinds.map((kind) => [kind, deliveryOf(kind, chosen)])) as Record<NotificationKind, NotificationDelivery>;
}

/** The latest moment the previous batched email may have gone out for another to go at `now`. */
export function batchNotAfter(now: Date): Date {
  return new Date(now.getTime() - BATCH_MINUTES * 60_000);
}

/** A member's day at some instant: its date (YYYY-MM-DD) and when its digest hour began. */
export type DigestDay = { localDate: string; digestAt: Date };

/**
 * The member's calendar day at `now` in their zone (an unknown or missing zone counts as UTC),
 * with the instant its 9:00 came or will come.
 */
export function digestDay(now: Date, timeZone: string | null): DigestDay {
  let zoned: Temporal.ZonedDateTime;
  try {
    zoned = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone ?? FALLBACK_TIME_ZONE);
  } catch {
    zoned = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(FALLBACK_TIME_ZONE);
  }
  const nine = zoned.with({ hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0, microsecond: 0, nanosecond: 0 });
  return { localDate: zoned.toPlainDate().toString(), digestAt: new Date(nine.epochMilliseconds) };
}

/**
 * Whether the member's digest goes now: their 9:00 has come today, today's digest has not been
 * sent, and something waiting for it arrived before that 9:00 (what arrives later waits for
 * tomorrow's). A worker that was down at 9:00 sends it late, once.
 */
export function digestDue(input: { now: Date; day: DigestDay; lastDigestOn: string | null; oldestWaiting: Date }): boolean {
  if (input.now.getTime() < input.day.digestAt.getTime()) return false;
  if (input.lastDigestOn !== null && input.lastDigestOn >= input.day.localDate) return false;
  return input.oldestWaiting.getTime() < input.day.digestAt.getTime();
}
