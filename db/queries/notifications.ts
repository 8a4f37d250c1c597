import "server-only";
import { and, count, desc, eq, inArray, isNull, lte, ne, notExists, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Database } from "@/db/index";
import { books, clubMembers, clubs } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";
import { meetings } from "@/db/schema/meetings";
import { readingProgress } from "@/db/schema/reading";
import { notificationPreferences, notifications } from "@/db/schema/notifications";
import { users } from "@/db/schema/users";
import { shownName } from "./former-members";

/** The database or a transaction: notifications are written inside the act's own transaction. */
type Executor = Pick<Database, "select" | "insert" | "update" | "delete">;

/** One notification for each of several members, all about the same thing. */
export type MemberNotification = {
  /** Only those still members of this club are notified. */
  clubId: string;
  /** Who to notify, or every member of the club; the actor never is. */
  recipientIds: readonly string[] | "every-member";
  kind: string;
  actorId: string | null;
  roomId: string | null;
  replyId: string | null;
  meetingId: string | null;
  title: string;
  body: string;
  url: string;
  groupKey: string | null;
  /** Each row's dedupe key is this followed by the recipient's id. */
  dedupePrefix: string;
  /**
   * For a notification about text that may spoil a book: a recipient whose progress in `bookId`
   * (reading_progress.reached, 0 when never said) is below `level` gets `body` instead of the
   * excerpt, decided per recipient in the same INSERT … SELECT.
   */
  spoiler?: { bookId: string; level: number; body: string };
};

const uuidOrNull = (value: string | null) => (value === null ? sql`null::uuid` : sql`${value}::uuid`);

/**
 * Notifies the recipients who are still members of the club and have not turned this kind
 * 'off', in one INSERT … SELECT on `executor` (the act's transaction), skipping any already
 * notified (dedupe key). Returns the ids of the members notified now.
 */
export async function notifyClubMembers(input: MemberNotification, executor: Executor = getDb()): Promise<string[]> {
  return (await insertMemberNotifications(input, executor)).map((row) => row.userId);
}

/** As notifyClubMembers, returning each new notification's id with its member (email claims them by id). */
export async function insertMemberNotifications(input: MemberNotification, executor: Executor = getDb()): Promise<{ id: string; userId: string }[]> {
  if (input.recipientIds.length === 0) return [];
  const member = clubMembers.userId;
  const recipients = input.recipientIds === "every-member" ? undefined : inArray(member, [...new Set(input.recipientIds)]);
  const rows = await executor
    .insert(notifications)
    .select(
      executor
        .select({
          // Every column, in the table's order (drizzle's rule for INSERT … SELECT).
          id: sql<string>`gen_random_uuid()`.as("id"),
          userId: member,
          clubId: sql<string>`${input.clubId}::uuid`.as("club_id"),
          meetingId: sql<string | null>`${uuidOrNull(input.meetingId)}`.as("meeting_id"),
          roomId: sql<string | null>`${uuidOrNull(input.roomId)}`.as("room_id"),
          replyId: sql<string | null>`${uuidOrNull(input.replyId)}`.as("reply_id"),
          actorId: sql<string | null>`${uuidOrNull(input.actorId)}`.as("actor_id"),
          kind: sql<string>`${input.kind}::text`.as("kind"),
          title: sql<string>`${input.title}::text`.as("title"),
          body: (input.spoiler && input.spoiler.level > 0
            ? sql<string>`case when coalesce((select rp.reached from ${readingProgress} rp where rp.user_id = ${clubMembers}.user_id and rp.book_id = ${input.spoiler.bookId}::uuid), 0) >= ${input.spoiler.level}::integer then ${input.body}::text else ${input.spoiler.body}::text end`
            : sql<string>`${input.body}::text`
          ).as("body"),
          url: sql<string>`${input.url}::text`.as("url"),
          groupKey: sql<string | null>`${input.groupKey}::text`.as("group_key"),
          dedupeKey: sql<string>`${input.dedupePrefix}::text || ${member}::text`.as("dedupe_key"),
          createdAt: sql<Date>`now()`.as("created_at"),
          readAt: sql<Date | null>`null::timestamptz`.as("read_at"),
          emailedAt: sql<Date | null>`null::timestamptz`.as("emailed_at"),
        })
        .from(clubMembers)
        .where(
          and(
            eq(clubMembers.clubId, input.clubId),
            recipients,
            input.actorId ? ne(member, input.actorId) : undefined,
            notExists(
              executor
                .select({ one: sql`1` })
                .from(notificationPreferences)
                .where(
                  and(
                    eq(notificationPreferences.userId, member),
                    eq(notificationPreferences.kind, input.kind),
                    eq(notificationPreferences.delivery, "off"),
                  ),
                ),
            ),
          ),
        ),
    )
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id, userId: notifications.userId });
  return rows;
}

/**
 * Removes the notifications pointing at a deleted reply (its text is gone everywhere), except
 * the author's own "your reply was hidden", which carries only the moderator's reason. Returns
 * whose notifications went, for their badges.
 */
export async function deleteReplyNotifications(input: { replyId: string }, executor: Executor = getDb()): Promise<string[]> {
  const rows = await executor
    .delete(notifications)
    .where(and(eq(notifications.replyId, input.replyId), ne(notifications.kind, "reply_hidden")))
    .returning({ userId: notifications.userId });
  return [...new Set(rows.map((row) => row.userId))];
}

/**
 * When a reply's spoiler level rises after it was posted: its notifications (reply, mention) whose
 * recipient's progress in `spoiler.bookId` is below `spoiler.level` take `spoiler.body` instead of
 * the excerpt they were written with, so the page, a later email and the digest follow. Returns
 * whose rows changed, for their pages.
 */
export async function veilReplyNotifications(input: { replyId: string; spoiler: { bookId: string; level: number; body: string } }, executor: Executor = getDb()): Promise<string[]> {
  const rows = await executor
    .update(notifications)
    .set({ body: input.spoiler.body })
    .where(
      and(
        eq(notifications.replyId, input.replyId),
        inArray(notifications.kind, ["reply", "mention"]),
        ne(notifications.body, input.spoiler.body),
        sql`coalesce((select rp.reached from ${readingProgress} rp where rp.user_id = ${notifications.userId} and rp.book_id = ${input.spoiler.bookId}::uuid), 0) < ${input.spoiler.level}::integer`,
      ),
    )
    .returning({ userId: notifications.userId });
  return [...new Set(rows.map((row) => row.userId))];
}

/** Who has a notification about this reply (other than the hidden-reply one): their badges change when it is hidden or shown again. */
export async function listReplyNotificationRecipients(input: { replyId: string }): Promise<string[]> {
  const rows = await getDb()
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.replyId, input.replyId), ne(notifications.kind, "reply_hidden")));
  return rows.map((row) => row.userId);
}

const actor = alias(users, "actor");

/**
 * What a notification's sentence is made from in its reader's language, read beside its stored
 * English words (lib/notifications/sentence.ts): the club's and the meeting's current names and
 * time, how many later meetings its series has, how far the reply it is about reaches, and the
 * dedupe key (a reminder's names which). Correlated subqueries, so any query on `notifications`
 * can add them without joins.
 */
export function notificationFacts() {
  return {
    dedupeKey: notifications.dedupeKey,
    clubName: sql<string | null>`(select ${clubs.name} from ${clubs} where ${clubs.id} = ${notifications.clubId})`,
    meetingTitle: sql<string | null>`(select ${meetings.title} from ${meetings} where ${meetings.id} = ${notifications.meetingId})`,
    meetingStartsAt: sql<Date | null>`(select ${meetings.startsAt} from ${meetings} where ${meetings.id} = ${notifications.meetingId})`.mapWith(
      (value: string | Date | null) => (value === null ? null : new Date(value)),
    ),
    meetingTimeZone: sql<string | null>`(select ${meetings.timeZone} from ${meetings} where ${meetings.id} = ${notifications.meetingId})`,
    meetingReading: sql<string | null>`(select ${meetings.readingAssignment} from ${meetings} where ${meetings.id} = ${notifications.meetingId})`,
    seriesMore: sql<number | null>`(select count(*)::int from meetings later_meeting, meetings this_meeting
      where this_meeting.id = ${notifications.meetingId} and this_meeting.series_id is not null
        and later_meeting.series_id = this_meeting.series_id and later_meeting.starts_at > this_meeting.starts_at
        and later_meeting.cancelled_at is null)`.mapWith(Number),
    spoilerReach: sql<number | null>`(select greatest(spoiled_reply.spoiler_level, coalesce(spoiled_room.reach, 0)) from ${replies} spoiled_reply
      join ${rooms} spoiled_room on spoiled_room.id = spoiled_reply.room_id where spoiled_reply.id = ${notifications.replyId})`,
    bookShape: sql<(typeof books.$inferSelect)["shape"] | null>`(select spoiled_book.shape from ${replies} spoiled_reply
      join ${rooms} spoiled_room on spoiled_room.id = spoiled_reply.room_id
      join ${books} spoiled_book on spoiled_book.id = spoiled_room.book_id where spoiled_reply.id = ${notifications.replyId})`.mapWith(books.shape),
  };
}

/**
 * What a member may still see: a club's notifications only while they are a member of it, and
 * one about a reply only while that reply is visible (deleting removes the row; hiding only hides
 * it here, so unhiding brings it back). "Your reply was hidden" always stays.
 */
function stillShown(): SQL {
  const member = sql`exists (select 1 from ${clubMembers} where ${clubMembers.clubId} = ${notifications.clubId} and ${clubMembers.userId} = ${notifications.userId})`;
  const replyVisible = sql`exists (select 1 from ${replies} where ${replies.id} = ${notifications.replyId} and ${replies.deletedAt} is null and ${replies.hiddenAt} is null)`;
  return and(
    or(isNull(notifications.clubId), member),
    or(isNull(notifications.replyId), eq(notifications.kind, "reply_hidden"), replyVisible),
  ) as SQL;
}

/** Newest first, only those still shown (see stillShown), with the actor's and the room's current names. */
export async function listUserNotifications(input: { userId: string; limit: number }) {
  return getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      url: notifications.url,
      groupKey: notifications.groupKey,
      clubId: notifications.clubId,
      roomId: notifications.roomId,
      replyId: notifications.replyId,
      actorId: notifications.actorId,
      // Null for a deleted account (./former-members.ts): with actorId, "A former member".
      actorName: shownName(actor),
      roomPosition: rooms.position,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      ...notificationFacts(),
    })
    .from(notifications)
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(rooms, eq(rooms.id, notifications.roomId))
    .where(and(eq(notifications.userId, input.userId), stillShown()))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit);
}

export async function countUnreadNotifications(input: { userId: string }): Promise<number> {
  const [row] = await getDb()
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, input.userId), isNull(notifications.readAt), stillShown()));
  return row?.unread ?? 0;
}

/** Unread counts of several members at once (zero for those with none), for their badges after a change. */
export async function countUnreadNotificationsOf(input: { userIds: readonly string[] }): Promise<Map<string, number>> {
  const counts = new Map<string, number>(input.userIds.map((userId) => [userId, 0]));
  if (input.userIds.length === 0) return counts;
  const rows = await getDb()
    .select({ userId: notifications.userId, unread: count() })
    .from(notifications)
    .where(and(inArray(notifications.userId, [...counts.keys()]), isNull(notifications.readAt), stillShown()))
    .groupBy(notifications.userId);
  for (const row of rows) counts.set(row.userId, row.unread);
  return counts;
}

/**
 * Marks the user's unread notifications read: those in `ids` when given (others' ids are simply
 * not theirs and stay as they are), else all of them up to `upTo` when given: one that arrived
 * after the page was shown has not been seen, so it stays unread.
 */
export async function markNotificationsRead(input: { userId: string; upTo?: Date; ids?: readonly string[] }): Promise<number> {
  const rows = await getDb()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, input.userId),
        isNull(notifications.readAt),
        input.upTo ? lte(notifications.createdAt, input.upTo) : undefined,
        input.ids ? inArray(notifications.id, [...input.ids]) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
