import type { NotificationDelivery } from "@/db/schema/notifications";

/**
 * Every kind of notification, the `kind` column's values, and how each is delivered when the
 * member has not chosen (notification_preferences has no row). Calm by default: only what is
 * addressed to the member by name, or is about to happen, reaches their inbox as it happens;
 * replies and new meetings wait for the daily digest. Issue 9 lists the kinds.
 */
export const NOTIFICATION_KINDS = {
  /** Someone replied to the member's reply. */
  reply: { defaultDelivery: "digest" },
  /** Someone @mentioned the member. */
  mention: { defaultDelivery: "email" },
  /** A moderator hid the member's reply (the notification carries the reason). */
  reply_hidden: { defaultDelivery: "email" },
  /** A meeting was scheduled in one of the member's clubs. */
  meeting_scheduled: { defaultDelivery: "digest" },
  /** A meeting the member is going to starts soon (lib/reminders). */
  meeting_reminder: { defaultDelivery: "email" },
} as const satisfies Record<string, { defaultDelivery: NotificationDelivery }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
