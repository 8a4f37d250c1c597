import { z } from "zod";
import { DELIVERY_CHOICES } from "@/lib/email/kind-labels";
import { isValidTimeZone } from "@/lib/meetings/time";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { text } from "./text";
import { errorKey } from "@/lib/i18n/error-text";

const delivery = z.enum(DELIVERY_CHOICES, {
  error: errorKey("profile.deliveryChoice"),
});

const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** One delivery per kind, every kind required; an unknown kind is refused, not ignored. */
const deliveries = z.strictObject(
  Object.fromEntries(kinds.map((kind) => [kind, delivery])) as Record<NotificationKind, typeof delivery>,
  { error: errorKey("profile.deliveries") },
);

/** The profile's notification form: how each kind reaches the member, and their time zone (IANA). */
export const notificationSettingsInput = z.object({
  deliveries,
  timeZone: text({ label: "yourTimeZone", error: "profile.timeZoneMissing" })
    .min(1, errorKey("profile.timeZoneMissing"))
    .max(64, errorKey("timeZone.unknown"))
    .refine(isValidTimeZone, errorKey("timeZone.unknown")),
});

/** What the notification form sends, before parsing. */
export type NotificationSettingsValues = z.input<typeof notificationSettingsInput>;
