import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, not, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/index";
import { replies, rooms } from "@/db/schema/discussion";
import { selectReplyRows, type ReplyRow } from "./replies";

// A room read a page at a time (docs/decisions/0020-rooms-read-by-the-page.md). Threads are a
// room's top-level replies; a thread's replies are the rows with its id in replies.thread_id.
// Every page is keyset-paged on an index: (room_id, seq) WHERE parent_id IS NULL for threads by
// age, (room_id, -reaction_count, seq) WHERE parent_id IS NULL for "Most reacted",
// (room_id, thread_id, seq) inside a thread and the unique (room_id, seq) for catch-up.

export type ThreadOrder = "oldest" | "newest" | "most_reacted";

/** Where a page of threads starts: after the thread whose opening reply has this seq and reaction count. */
export type ThreadsAfter = { seq: number; reactions: number };

/** A pinned opening reply: pinned, neither deleted nor hidden (only a visible reply shows as pinned). */
const pinnedRoot = sql`(${replies.pinnedAt} IS NOT NULL AND ${replies.deletedAt} IS NULL AND ${replies.hiddenAt} IS NULL)`;

/** At most this many pinned threads lead the first page; a room has a handful at most. */
const pinnedThreadsLimit = 20;

/**
 * Whether a row is one of the room's pinned threads that lead the first screen (the first
 * `pinnedThreadsLimit` pinned): only those are left out of the pages of threads. Pinning has no
 * cap, so a pinned thread past the limit keeps its place in the sort instead of vanishing.
 */
function leadingPinnedRoot(roomId: string): SQL {
  return sql`(${pinnedRoot} AND ${replies.id} IN (
    select p.id from ${replies} p
    where p.room_id = ${roomId} and p.parent_id is null and p.pinned_at is not null and p.deleted_at is null and p.hidden_at is null
    order by p.pinned_at, p.seq limit ${pinnedThreadsLimit}
  ))`;
}

/**
 * A room's pinned threads (their opening replies), first pinned first. They lead the first
 * screen and are left out of the pages of threads, so a pinned thread never shows twice.
 */
export async function listPinnedThreadRoots(input: { roomId: string }): Promise<ReplyRow[]> {
  return selectReplyRows(getDb())
    .where(and(eq(replies.roomId, input.roomId), isNull(replies.parentId), pinnedRoot))
    .orderBy(asc(replies.pinnedAt), asc(replies.seq))
    .limit(pinnedThreadsLimit);
}

/** The pinned replies inside threads (not opening ones), first pinned first: the pinned strip names them too. */
export async function listPinnedReplyIds(input: { roomId: string }): Promise<string[]> {
  const rows = await getDb()
    .select({ id: replies.id })
    .from(replies)
    .where(and(eq(replies.roomId, input.roomId), isNotNull(replies.parentId), pinnedRoot))
    .orderBy(asc(replies.pinnedAt), asc(replies.seq))
    .limit(pinnedThreadsLimit);
  return rows.map((row) => row.id);
}

/**
 * One page of a room's threads (their opening replies) in `order`, after `after` (null: from
 * the start), the pinned ones that lead the first screen left out. Oldest and newest order by seq; most reacted by the opening
 * reply's reaction count, more first, ties oldest first. Returns up to `limit` rows and whether
 * more follow (one extra row is read to know).
 */
export async function listThreadRoots(input: { roomId: string; order: ThreadOrder; after: ThreadsAfter | null; limit: number }): Promise<{ rows: ReplyRow[]; more: boolean }> {
  const { order, after } = input;
  // The expression must read exactly as the index's for the planner to walk it.
  const negReactions = sql`(- ${replies.reactionCount})`;
  const keyset: SQL | undefined = !after
    ? undefined
    : order === "oldest"
      ? gt(replies.seq, after.seq)
      : order === "newest"
        ? lt(replies.seq, after.seq)
        : sql`(${negReactions}, ${replies.seq}) > (${-after.reactions}, ${after.seq})`;
  const orderBy = order === "oldest" ? [asc(replies.seq)] : order === "newest" ? [desc(replies.seq)] : [asc(negReactions), asc(replies.seq)];
  const rows = await selectReplyRows(getDb())
    .where(and(eq(replies.roomId, input.roomId), isNull(replies.parentId), not(leadingPinnedRoot(input.roomId)), keyset))
    .orderBy(...orderBy)
    .limit(input.limit + 1);
  return { rows: rows.slice(0, input.limit), more: rows.length > input.limit };
}

const root = alias(replies, "root");

/** A thread's size and its first replies' ids, as read for each thread on a page. */
export type ThreadHead = { threadId: string; total: number; firstIds: string[] };

/**
 * For each thread (by its opening reply's id): how many replies it holds under its opening
 * reply, and the ids of the first `perThread` of them in posting order. One statement; each
 * thread is an index range on (room_id, thread_id, seq), counted from the index alone.
 */
export async function listThreadHeads(input: { roomId: string; threadIds: readonly string[]; perThread: number }): Promise<ThreadHead[]> {
  if (input.threadIds.length === 0) return [];
  const rows = await getDb()
    .select({
      threadId: root.id,
      // Qualified by hand: Drizzle leaves a one-table select's columns unqualified, and inside
      // the subquery a bare "id" would name the subquery's own row.
      total: sql<number>`(select count(*)::int - 1 from ${replies} r where r.room_id = "root"."room_id" and r.thread_id = "root"."id")`,
      firstIds: sql<string[] | string>`(select coalesce(json_agg(f.id order by f.seq), '[]'::json) from (
        select r.id, r.seq from ${replies} r
        where r.room_id = "root"."room_id" and r.thread_id = "root"."id" and r.seq > "root"."seq"
        order by r.seq limit ${input.perThread}
      ) f)`,
    })
    .from(root)
    .where(and(eq(root.roomId, input.roomId), inArray(root.id, [...input.threadIds]), isNull(root.parentId)));
  return rows.map((row) => ({ threadId: row.threadId, total: Number(row.total), firstIds: typeof row.firstIds === "string" ? (JSON.parse(row.firstIds) as string[]) : row.firstIds }));
}

/** Replies by id, in posting order, limited to one room (an id from elsewhere is simply absent). */
export async function listRepliesByIds(input: { roomId: string; ids: readonly string[] }): Promise<ReplyRow[]> {
  if (input.ids.length === 0) return [];
  return selectReplyRows(getDb())
    .where(and(eq(replies.roomId, input.roomId), inArray(replies.id, [...input.ids])))
    .orderBy(asc(replies.seq));
}

/**
 * One page of a thread's replies (not its opening reply) in posting order, after seq `afterSeq`.
 * Parents are always posted before their answers, so pages read in order always find the
 * parent of each reply already read.
 */
export async function listThreadReplies(input: { roomId: string; threadId: string; afterSeq: number; limit: number }): Promise<{ rows: ReplyRow[]; more: boolean }> {
  const rows = await selectReplyRows(getDb())
    .where(and(eq(replies.roomId, input.roomId), eq(replies.threadId, input.threadId), gt(replies.seq, input.afterSeq), isNotNull(replies.parentId)))
    .orderBy(asc(replies.seq))
    .limit(input.limit + 1);
  return { rows: rows.slice(0, input.limit), more: rows.length > input.limit };
}

/** Where a reply sits: its room, thread and seq; null when it is not in this room. */
export async function getReplyPlace(input: { roomId: string; replyId: string }): Promise<{ threadId: string; seq: number } | null> {
  const [row] = await getDb()
    .select({ threadId: replies.threadId, seq: replies.seq })
    .from(replies)
    .where(and(eq(replies.roomId, input.roomId), eq(replies.id, input.replyId)))
    .limit(1);
  return row ?? null;
}

/**
 * The ids of the given replies and of all their ancestors up to the opening reply, so a reply
 * read out of order (a deep link, the first unread) has its thread around it. Depth is capped
 * (lib/discussion/depth.ts), so the walk is a few index lookups per reply.
 */
export async function listWithAncestors(input: { roomId: string; ids: readonly string[] }): Promise<string[]> {
  if (input.ids.length === 0) return [];
  const start = sql.join(
    input.ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await getDb()
    .select({ ids: sql<string[] | string>`(
      with recursive up(id, parent_id) as (
        select r.id, r.parent_id from ${replies} r where r.room_id = ${input.roomId} and r.id in (${start})
        union
        select r.id, r.parent_id from ${replies} r join up on r.id = up.parent_id
      )
      select coalesce(json_agg(up.id), '[]'::json) from up
    )` })
    .from(rooms)
    .where(eq(rooms.id, input.roomId));
  const value = rows[0]?.ids ?? [];
  return typeof value === "string" ? (JSON.parse(value) as string[]) : value;
}

/**
 * The seq of the first reply after `afterSeq` that the viewer would count as new (someone
 * else's, visible), or null: where the "new since your last visit" divider goes. One index
 * lookup on the visible-replies index.
 */
export async function findFirstUnread(input: { roomId: string; afterSeq: number; viewerId: string }): Promise<{ id: string; seq: number } | null> {
  const [row] = await getDb()
    .select({ id: replies.id, seq: replies.seq })
    .from(replies)
    .where(
      and(
        eq(replies.roomId, input.roomId),
        gt(replies.seq, input.afterSeq),
        isNull(replies.deletedAt),
        isNull(replies.hiddenAt),
        sql`${replies.authorId} <> ${input.viewerId}`,
      ),
    )
    .orderBy(asc(replies.seq))
    .limit(1);
  return row ?? null;
}

/** A page of a room's replies posted after seq `afterSeq`, in posting order: the catch-up after a drop. */
export async function listRepliesAfterSeq(input: { roomId: string; afterSeq: number; limit: number }): Promise<{ rows: ReplyRow[]; more: boolean }> {
  const rows = await selectReplyRows(getDb())
    .where(and(eq(replies.roomId, input.roomId), gt(replies.seq, input.afterSeq)))
    .orderBy(asc(replies.seq))
    .limit(input.limit + 1);
  return { rows: rows.slice(0, input.limit), more: rows.length > input.limit };
}

/** How many threads the room has (its top-level replies, whatever their state: each keeps its place). */
export async function countRoomThreads(input: { roomId: string }): Promise<number> {
  const [row] = await getDb()
    .select({ count: sql<number>`count(*)::int` })
    .from(replies)
    .where(and(eq(replies.roomId, input.roomId), isNull(replies.parentId)));
  return Number(row?.count ?? 0);
}

/** The room's last handed-out seq: a page read after it plus the live replies after it miss nothing. */
export async function getRoomSeq(input: { roomId: string }): Promise<number | null> {
  const [row] = await getDb().select({ seq: rooms.replySeq }).from(rooms).where(eq(rooms.id, input.roomId)).limit(1);
  return row?.seq ?? null;
}
