import { Temporal } from "@js-temporal/polyfill";
import type { NotificationDelivery } from "@/db/schema/notifications";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";

// The pure rules of notification email (issue 9, item 5): how a kind reaches a member, when a
// batched email may go, and when the daily digest is due. No I/O here, so it unit-tests.

/** At most one batched email per member per this many minutes; it collects everything new since the last. */
export const BATCH_MINUTES = 15;

/** The digest goes out at this hour of the member's own day (local wall-clock time, 0–23). */
export const DIGEST_HOUR = 9;

/** The zone a member's digest follows when they have not said theirs. */
export const FALLBACK_TIME_ZONE = "UTC";

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

/**
 * The member's calendar day (YYYY-MM-DD) at `now` in their zone, and whether their digest hour
 * has come that day. An unknown or missing zone counts as UTC. A digest is due when the hour has
 * come and the day's digest has not been sent: a worker that was down at 9:00 sends it late, once.
 */
export function digestDay(now: Date, timeZone: string | null): { localDate: string; hourReached: boolean } {
  let zoned: Temporal.ZonedDateTime;
  try {
    zoned = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone ?? FALLBACK_TIME_ZONE);
  } catch {
    zoned = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(FALLBACK_TIME_ZONE);
  }
  return { localDate: zoned.toPlainDate().toString(), hourReached: zoned.hour >= DIGEST_HOUR };
}

/** Whether the digest of `localDate` is still to be sent, given the last day one was sent for. */
export function digestDue(day: { localDate: string; hourReached: boolean }, lastDigestOn: string | null): boolean {
  return day.hourReached && (lastDigestOn === null || lastDigestOn < day.localDate);
}
