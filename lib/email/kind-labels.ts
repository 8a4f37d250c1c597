import type { NotificationDelivery } from "@/db/schema/notifications";
import english from "@/lib/i18n/messages/en/email.json";
import type { NotificationKind } from "@/lib/notifications/kinds";

/**
 * The four choices, in the order the profile offers them (the notification_delivery enum's
 * values). Here rather than beside the zod schema: building a zod object in the browser probes
 * `new Function`, which the Content-Security-Policy reports.
 */
export const DELIVERY_CHOICES = ["app", "email", "digest", "off"] as const satisfies readonly NotificationDelivery[];

/**
 * What each kind of notification is called where a member chooses how to hear about it (the
 * profile) and where an email says what it stops (unsubscribe), in English. The words live in
 * the `email` messages (`kinds.<kind>.label` / `.hint`): a page in the reader's language reads
 * them there with its translator; this English copy is for what has none yet.
 */
export const KIND_LABELS: Record<NotificationKind, { label: string; hint: string }> = english.kinds;
