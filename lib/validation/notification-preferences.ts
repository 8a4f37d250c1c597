import { z } from "zod";
import { DELIVERY_CHOICES } from "@/lib/email/kind-labels";
import { isValidTimeZone } from "@/lib/meetings/time";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { text } from "./text";

const delivery = z.enum(DELIVERY_CHOICES, {
  error: "Choose one: in the app only, email as it happens, daily digest, or nothing.",
});

const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** One delivery per kind, every kind required; an unknown kind is refused, not ignored. */
const deliveries = z.strictObject(
  Object.fromEntries(kinds.map((kind) => [kind, delivery])) as Record<NotificationKind, typeof delivery>,
  { error: "Choose how you hear about each kind of notification." },
);

/** The profile's notification form: how each kind reaches the member, and their time zone (IANA). */
export const notificationSettingsInput = z.object({
  deliveries,
  timeZone: text({ label: "Your time zone", error: "Choose your time zone." })
    .min(1, "Choose your time zone.")
    .max(64, "That isn't a time zone we know. Choose one from the list.")
    .refine(isValidTimeZone, "That isn't a time zone we know. Choose one from the list."),
});

/** What the notification form sends, before parsing. */
export type NotificationSettingsValues = z.input<typeof notificationSettingsInput>;
