import "server-only";
import { z } from "zod";
import { countUnreadNotifications, listUserNotifications, markNotificationsRead } from "@/db/queries/notifications";
import { parseInput } from "@/lib/validation/parse";

// A person's own notifications: the only permission is being that person, which the caller
// settles by passing the signed-in user's id.

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

export async function loadNotificationsPage(input: { userId: string }) {
  const [rows, unread] = await Promise.all([
    listUserNotifications({ userId: input.userId, limit: NOTIFICATIONS_SHOWN }),
    countUnreadNotifications({ userId: input.userId }),
  ]);
  const notifications: NotificationView[] = rows.map((row) => ({
    id: row.id,
    title: row.title,
    body: row.body,
    href: row.url && row.url.startsWith("/") && !row.url.startsWith("//") ? row.url : null,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  }));
  return {
    notifications,
    unread,
    // "Mark all as read" covers what the page showed: one that arrives meanwhile stays unread.
    newestAt: notifications[0]?.createdAt ?? null,
    hasMore: rows.length === NOTIFICATIONS_SHOWN,
  };
}

/** How many of the person's notifications are unread (0 or more), for the badge in the header. */
export function countUnread(input: { userId: string }): Promise<number> {
  return countUnreadNotifications(input);
}

const markAllReadInput = z.object({
  upTo: z.iso.datetime({ message: "Reload the page and try again." }).nullable(),
});

export async function markAllNotificationsRead(input: { userId: string; body: unknown }): Promise<{ marked: number }> {
  const { upTo } = parseInput(markAllReadInput, input.body);
  // The database keeps microseconds and the page's timestamp only milliseconds; the extra
  // millisecond makes sure the newest one shown is included.
  const limit = upTo ? new Date(new Date(upTo).getTime() + 1) : undefined;
  return { marked: await markNotificationsRead({ userId: input.userId, upTo: limit }) };
}
