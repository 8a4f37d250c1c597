import "server-only";
import { z } from "zod";
import { countUnreadNotifications, listUserNotifications, markNotificationsRead } from "@/db/queries/notifications";
import { resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";

// A person's own notifications, read and marked through doors that name no object: the only
// permission is being that person (lib/access.ts resolveSelf). Delivering reminders is
// lib/reminders/deliver.ts's job, not a door.

export const NOTIFICATIONS_SHOWN = 50;

type NotificationView = {
  id: string;
  title: string;
  body: string;
  /** Always an in-app path; anything else stored there is not offered as a link. */
  href: string | null;
  createdAt: string;
  read: boolean;
};

/** The latest NOTIFICATIONS_SHOWN notifications, newest first, and how many are unread. */
export const loadNotificationsPage = door({
  params: noParams,
  what: "Your notifications",
  resolve: resolveSelf,
  act: async ({ userId }) => {
    const [rows, unread] = await Promise.all([
      listUserNotifications({ userId, limit: NOTIFICATIONS_SHOWN }),
      countUnreadNotifications({ userId }),
    ]);
    const notifications: NotificationView[] = rows.map((row) => ({
      id: row.id,
      title: row.title,
      body: row.body,
      href: row.url && row.url.startsWith("/") && !row.url.startsWith("//") ? row.url : null,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    }));
    return done({
      notifications,
      unread,
      // "Mark all as read" covers what the page showed: one that arrives meanwhile stays unread.
      newestAt: notifications[0]?.createdAt ?? null,
      hasMore: rows.length === NOTIFICATIONS_SHOWN,
    });
  },
});

/** What "Mark all as read" sends: the newest notification the page showed, or null for all of them. */
export type MarkAllReadValues = z.input<typeof markAllReadInput>;

const markAllReadInput = z.object({
  upTo: z.iso.datetime({ message: "Reload the page and try again." }).nullable(),
});

/** Marks the caller's notifications read up to `body.upTo` (an ISO instant; null: all of them); `marked` counts them. */
export const markAllNotificationsRead = door({
  params: noParams,
  what: "Your notifications",
  resolve: resolveSelf,
  body: markAllReadInput,
  act: async ({ body, userId }) => {
    // The database keeps microseconds and the page's timestamp only milliseconds; the extra
    // millisecond makes sure the newest one shown is included.
    const limit = body.upTo ? new Date(new Date(body.upTo).getTime() + 1) : undefined;
    return done({ marked: await markNotificationsRead({ userId, upTo: limit }) });
  },
});

/** How many of the caller's notifications are unread, for the header's badge. */
export const countMyUnreadNotifications = door({
  params: noParams,
  what: "Your notifications",
  resolve: resolveSelf,
  act: async ({ userId }) => done(await countUnreadNotifications({ userId })),
});
