import "server-only";
import type { NotificationDelivery } from "@/db/schema/notifications";
import { getNotificationSettings, saveNotificationSettings as storeNotificationSettings, stopEmailForKinds } from "@/db/queries/email";
import { resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { notFound } from "@/lib/errors";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notificationSettingsInput } from "@/lib/validation/notification-preferences";
import { allDeliveries, deliveryOf } from "./rules";
import { readUnsubscribeToken } from "./unsubscribe-token";

// How a member hears about each kind of notification, and their time zone (the digest's 9:00):
// set on the profile through the doors below, or one kind at a time by an unsubscribe link.

export type NotificationSettingsView = {
  deliveries: Record<NotificationKind, NotificationDelivery>;
  /** The member's IANA zone; null until they (or their browser, through the form) set one. */
  timeZone: string | null;
};

/** The caller's delivery for every kind (their choice or the default) and time zone. */
export const loadNotificationSettings = door({
  params: noParams,
  what: "account",
  resolve: resolveSelf,
  act: async ({ userId }) => {
    const settings = await getNotificationSettings({ userId });
    if (!settings) throw notFound("account");
    const chosen = new Map(settings.chosen.map((row) => [row.kind, row.delivery]));
    return done<NotificationSettingsView>({ deliveries: allDeliveries(chosen), timeZone: settings.timeZone });
  },
});

/** Saves how each kind reaches the caller and their time zone, all or nothing; answers with what is now stored. */
export const saveNotificationSettings = door({
  params: noParams,
  what: "account",
  resolve: resolveSelf,
  body: notificationSettingsInput,
  act: async ({ userId, body }) => {
    const deliveries = Object.entries(body.deliveries).map(([kind, delivery]) => ({ kind, delivery }));
    const saved = await storeNotificationSettings({ userId, deliveries, timeZone: body.timeZone });
    if (!saved) throw notFound("account");
    return done<NotificationSettingsView>({ deliveries: body.deliveries, timeZone: body.timeZone });
  },
});

/** What an unsubscribe link names, as its page shows it. */
export type UnsubscribeView =
  | { status: "invalid" }
  /** `stopped`: none of these kinds reaches the member's inbox any more. */
  | { status: "valid"; kinds: NotificationKind[]; stopped: boolean };

/**
 * Reads an unsubscribe link for its page (a GET: changes nothing, since mail scanners open
 * links). Not a door: nobody need be signed in; the signature is the credential.
 */
export async function viewUnsubscribe(input: { token: unknown }): Promise<UnsubscribeView> {
  const scope = readUnsubscribeToken(input.token);
  if (!scope) return { status: "invalid" };
  const settings = await getNotificationSettings({ userId: scope.userId });
  if (!settings) return { status: "invalid" };
  const chosen = new Map(settings.chosen.map((row) => [row.kind, row.delivery]));
  const stopped = scope.kinds.every((kind) => {
    const delivery = deliveryOf(kind, chosen);
    return delivery === "app" || delivery === "off";
  });
  return { status: "valid", kinds: scope.kinds, stopped };
}

/**
 * The one-click unsubscribe (RFC 8058, a POST): the kinds the link names stop reaching the
 * member's inbox (they stay in the app; a kind turned off stays off). Changes nothing else and
 * nobody else's settings. Returns false for a link that is not valid (tampered, cut short, or
 * its member is gone), having changed nothing.
 */
export async function unsubscribe(input: { token: unknown }): Promise<boolean> {
  const scope = readUnsubscribeToken(input.token);
  if (!scope) return false;
  return stopEmailForKinds({ userId: scope.userId, kinds: scope.kinds });
}
