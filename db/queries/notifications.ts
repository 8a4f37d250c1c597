import "server-only";
import { and, count, desc, eq, isNull, lte } from "drizzle-orm";
import { getDb } from "@/db/index";
import { notifications } from "@/db/schema/notifications";

export type NewNotification = {
  userId: string;
  clubId: string | null;
  meetingId: string | null;
  kind: string;
  title: string;
  body: string;
  url: string | null;
  dedupeKey: string;
};

/**
 * Inserts the notifications whose dedupe key is new and returns only those: the caller sends
 * email for exactly these, so a job that runs twice notifies nobody twice.
 */
export async function createNotifications(input: { notifications: NewNotification[] }): Promise<{ id: string; userId: string }[]> {
  if (input.notifications.length === 0) return [];
  return getDb()
    .insert(notifications)
    .values(input.notifications)
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id, userId: notifications.userId });
}

/** Newest first. */
export async function listUserNotifications(input: { userId: string; limit: number }) {
  return getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      url: notifications.url,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, input.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit);
}

export async function countUnreadNotifications(input: { userId: string }): Promise<number> {
  const [row] = await getDb()
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, input.userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/**
 * Marks the user's unread notifications read, up to `upTo` when given: one that arrived after
 * the page was shown has not been seen, so it stays unread.
 */
export async function markNotificationsRead(input: { userId: string; upTo?: Date }): Promise<number> {
  const rows = await getDb()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, input.userId),
        isNull(notifications.readAt),
        input.upTo ? lte(notifications.createdAt, input.upTo) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
