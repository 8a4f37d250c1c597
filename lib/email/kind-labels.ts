import type { NotificationDelivery } from "@/db/schema/notifications";
import type { NotificationKind } from "@/lib/notifications/kinds";

/**
 * The four choices, in the order the profile offers them (the notification_delivery enum's
 * values). Here rather than beside the zod schema: building a zod object in the browser probes
 * `new Function`, which the Content-Security-Policy reports.
 */
export const DELIVERY_CHOICES = ["app", "email", "digest", "off"] as const satisfies readonly NotificationDelivery[];

/**
 * What each kind of notification is called where a member chooses how to hear about it (the
 * profile) and where an email says what it stops (unsubscribe). Pure, so the profile's form
 * can use it in the browser.
 */
export const KIND_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  reply: { label: "Replies to you", hint: "Someone answers one of your replies." },
  mention: { label: "Mentions", hint: "Someone @mentions you in a reply." },
  reply_hidden: { label: "Your reply hidden", hint: "A moderator hides one of your replies, with their reason." },
  meeting_scheduled: { label: "New meetings", hint: "A meeting is scheduled in one of your clubs." },
  meeting_reminder: { label: "Meeting reminders", hint: "A day and an hour before a meeting you said you'd go to." },
};

/** The label of a kind, or the kind itself for one this version does not know. */
export function kindLabel(kind: string): string {
  return kind in KIND_LABELS ? KIND_LABELS[kind as NotificationKind].label : kind;
}
