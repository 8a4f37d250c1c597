import "server-only";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/index";
import { shownName } from "@/db/queries/former-members";
import { books, clubs } from "@/db/schema/clubs";
import { reactions, replies, rooms } from "@/db/schema/discussion";
import { users } from "@/db/schema/users";

// What an export reads (docs/decisions/0029-export.md). A club's books and rooms are few and read
// whole; its replies are read a bounded batch at a time, in the order the page shows them
// (threads in posting order, each thread depth first), by keyset: the room, then a group of
// threads, then the position in the tree (the path of seqs from the thread's opening reply).

/** postgres.js answers `execute` with the rows themselves, PGlite with an object holding them. */
function rowsOf<Row>(result: unknown): Row[] {
  return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
}

/** A timestamp as an ISO 8601 UTC instant with milliseconds, read as text so both drivers answer alike. */
const isoInstant = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** The club an export is of, with the name of the person exporting (for the file's heading). */
export async function getExportClub(input: { clubId: string }) {
  const [row] = await getDb()
    .select({ id: clubs.id, name: clubs.name, description: clubs.description, language: clubs.language, currentBookId: clubs.currentBookId })
    .from(clubs)
    .where(eq(clubs.id, input.clubId))
    .limit(1);
  return row ?? null;
}

/** The exporter's own name and time zone (IANA, null when unknown), for the file's heading and its dates. */
export async function getExporter(input: { userId: string }) {
  const [row] = await getDb().select({ name: users.name, timeZone: users.timeZone }).from(users).where(eq(users.id, input.userId)).limit(1);
  return row ?? null;
}

/**
 * Everyone who wrote in the club, members or not, with the name to show (null: a deleted account,
 * db/queries/former-members.ts): one pass over the club's replies, and as many rows as there are authors.
 */
export async function listExportAuthors(input: { clubId: string }) {
  return getDb()
    .select({ id: users.id, name: shownName(users) })
    .from(users)
    .where(sql`${users.id} in (select distinct r.author_id from ${replies} r join ${rooms} ro on ro.id = r.room_id where ro.club_id = ${input.clubId}::uuid)`);
}

/** A club's books, oldest first (a club has a handful): each with its shape, to word spoiler levels. */
export async function listExportBooks(input: { clubId: string }) {
  return getDb()
    .select({ id: books.id, title: books.title, author: books.author, year: books.year, shape: books.shape, createdAt: books.createdAt })
    .from(books)
    .where(eq(books.clubId, input.clubId))
    .orderBy(asc(books.createdAt), asc(books.id));
}

/**
 * A club's rooms (its discussion questions, archived ones too: their replies are part of the
 * discussion), by book then position. A club has tens of rooms, so they are read whole; each
 * with how many replies it holds in any state, for the table of contents.
 */
export async function listExportRooms(input: { clubId: string }) {
  return getDb()
    .select({
      id: rooms.id,
      bookId: rooms.bookId,
      position: rooms.position,
      question: rooms.question,
      section: rooms.section,
      reach: rooms.reach,
      locked: sql<boolean>`${rooms.lockedAt} is not null`,
      archived: sql<boolean>`${rooms.archivedAt} is not null`,
      replyCount: rooms.replyCount,
    })
    .from(rooms)
    .where(eq(rooms.clubId, input.clubId))
    .orderBy(asc(rooms.bookId), asc(rooms.position), asc(rooms.id));
}

/** A thread as the export plans its reads: its opening reply's id and seq, and how many replies it holds in all. */
export type ExportThread = { id: string; seq: number; size: number };

/**
 * A page of a room's threads in posting order after seq `afterSeq`, each with its size (an index
 * range count on (room_id, thread_id, seq)). Returns up to `limit` threads.
 */
export async function listExportThreads(input: { roomId: string; afterSeq: number; limit: number }): Promise<ExportThread[]> {
  const rows = await getDb()
    .select({
      id: replies.id,
      seq: replies.seq,
      size: sql<number>`(select count(*)::int from ${replies} t where t.room_id = ${input.roomId}::uuid and t.thread_id = "replies"."id")`,
    })
    .from(replies)
    .where(and(eq(replies.roomId, input.roomId), isNull(replies.parentId), gt(replies.seq, input.afterSeq)))
    .orderBy(asc(replies.seq))
    .limit(input.limit);
  return rows.map((row) => ({ id: row.id, seq: Number(row.seq), size: Number(row.size) }));
}

/** A reply's place in its thread, as an export plans its reads: about 100 bytes a reply. */
export type ExportSkeletonRow = { id: string; parentId: string | null; threadId: string; seq: number; visible: boolean };

/**
 * The places of every reply of these threads (all in `roomId`), in posting order: one index
 * range per thread on (room_id, thread_id, seq). The export orders a thread from these (depth
 * first) and then reads the replies themselves by id, a batch at a time.
 */
export async function listThreadSkeletons(input: { roomId: string; threadIds: readonly string[] }): Promise<ExportSkeletonRow[]> {
  if (input.threadIds.length === 0) return [];
  return getDb()
    .select({
      id: replies.id,
      parentId: replies.parentId,
      threadId: replies.threadId,
      seq: replies.seq,
      visible: sql<boolean>`(${replies.deletedAt} is null and ${replies.hiddenAt} is null)`,
    })
    .from(replies)
    .where(and(eq(replies.roomId, input.roomId), inArray(replies.threadId, [...input.threadIds])))
    .orderBy(asc(replies.threadId), asc(replies.seq));
}

/** A reply as an export reads it: everything stored about it that any format writes. */
export type ExportReplyRow = {
  id: string;
  parentId: string | null;
  threadId: string;
  /** The reply it answers when nesting was capped (it sits under parentId); null otherwise. */
  replyToId: string | null;
  /** Who wrote the reply it answers, when that one is visible (its author is then named). */
  replyToAuthorId: string | null;
  seq: number;
  authorId: string;
  body: string;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  state: "visible" | "hidden" | "deleted";
  pinned: boolean;
  spoilerLevel: number;
  /** Reactions by kind, only the kinds someone gave. */
  reactions: Record<string, number>;
};

/** Replies of one room by id (primary-key lookups), in no particular order; an id from elsewhere is absent. */
export async function listExportRepliesByIds(input: { roomId: string; ids: readonly string[] }): Promise<ExportReplyRow[]> {
  if (input.ids.length === 0) return [];
  const replyTo = alias(replies, "reply_to");
  const rows = await getDb()
    .select({
      id: replies.id,
      parentId: replies.parentId,
      threadId: replies.threadId,
      replyToId: replies.replyToId,
      replyToAuthorId: sql<string | null>`case when ${replyTo.deletedAt} is null and ${replyTo.hiddenAt} is null then ${replyTo.authorId} end`,
      seq: replies.seq,
      authorId: replies.authorId,
      body: replies.body,
      bodyHtml: replies.bodyHtml,
      createdAt: sql<string>`${isoInstant('"replies"."created_at"')}`,
      editedAt: sql<string | null>`${isoInstant('"replies"."edited_at"')}`,
      deleted: sql<boolean>`${replies.deletedAt} is not null`,
      hidden: sql<boolean>`${replies.hiddenAt} is not null`,
      pinned: sql<boolean>`${replies.pinnedAt} is not null`,
      spoilerLevel: replies.spoilerLevel,
      reactions: sql<Record<string, number> | string | null>`case when ${replies.reactionCount} = 0 then null else (
        select json_object_agg(k.kind, k.n) from (select x.kind, count(*)::int as n from ${reactions} x where x.reply_id = "replies"."id" group by x.kind) k
      ) end`,
    })
    .from(replies)
    .leftJoin(replyTo, eq(replyTo.id, replies.replyToId))
    .where(and(eq(replies.roomId, input.roomId), inArray(replies.id, [...input.ids])));
  return rows.map(({ deleted, hidden, reactions: given, ...row }) => ({
    ...row,
    state: deleted ? "deleted" : hidden ? "hidden" : "visible",
    reactions: typeof given === "string" ? (JSON.parse(given) as Record<string, number>) : (given ?? {}),
  }));
}

/** Where a page of a member's own replies starts: after this room position and seq. */
export type OwnRepliesAfter = { clubId: string; bookId: string; position: number; roomId: string; seq: number };

/** One of a member's own replies, with the club, book and question it was written in. */
export type OwnReplyRow = {
  id: string;
  parentId: string | null;
  threadId: string;
  seq: number;
  clubId: string;
  clubName: string;
  /** Whether the member still belongs to the club. */
  stillMember: boolean;
  bookId: string;
  bookTitle: string;
  bookAuthor: string;
  bookShape: { chapters: number; parts: { title: string; first: number; last: number }[] } | null;
  roomId: string;
  position: number;
  question: string;
  body: string;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
  pinned: boolean;
  spoilerLevel: number;
  reactions: Record<string, number>;
};

type RawOwnReply = Omit<OwnReplyRow, "seq" | "position" | "spoilerLevel" | "reactions" | "bookShape"> & {
  seq: number | string;
  position: number | string;
  spoilerLevel: number | string;
  reactions: Record<string, number> | string | null;
  bookShape: OwnReplyRow["bookShape"] | string | null;
};

/**
 * A page of one member's own replies that were not deleted, in every club they wrote in (those
 * they have left too: their words are theirs), grouped by club, book and room and in posting
 * order within a room, after `after` (null: from the first). Keyed by the author, so nobody
 * else's reply can be reached. Up to `limit` rows.
 */
export async function listOwnReplies(input: { userId: string; after: OwnRepliesAfter | null; limit: number }): Promise<OwnReplyRow[]> {
  const a = input.after;
  const keyset = a
    ? sql`and (ro.club_id, ro.book_id, ro.position, ro.id, r.seq) > (${a.clubId}::uuid, ${a.bookId}::uuid, ${a.position}::int, ${a.roomId}::uuid, ${a.seq}::int)`
    : sql``;
  const result = await getDb().execute(sql`
    select r.id, r.parent_id as "parentId", r.thread_id as "threadId", r.seq,
      ro.club_id as "clubId", c.name as "clubName",
      exists (select 1 from club_members m where m.club_id = ro.club_id and m.user_id = r.author_id) as "stillMember",
      ro.book_id as "bookId", b.title as "bookTitle", b.author as "bookAuthor", b.shape as "bookShape",
      ro.id as "roomId", ro.position, ro.question,
      r.body, r.body_html as "bodyHtml",
      ${isoInstant("r.created_at")} as "createdAt",
      ${isoInstant("r.edited_at")} as "editedAt",
      r.hidden_at is not null as hidden, r.pinned_at is not null as pinned, r.spoiler_level as "spoilerLevel",
      case when r.reaction_count = 0 then null else (
        select json_object_agg(k.kind, k.n) from (select x.kind, count(*)::int as n from ${reactions} x where x.reply_id = r.id group by x.kind) k
      ) end as reactions
    from ${replies} r
    join ${rooms} ro on ro.id = r.room_id
    join ${books} b on b.id = ro.book_id
    join ${clubs} c on c.id = ro.club_id
    where r.author_id = ${input.userId}::uuid and r.deleted_at is null ${keyset}
    order by ro.club_id, ro.book_id, ro.position, ro.id, r.seq
    limit ${input.limit}
  `);
  return rowsOf<RawOwnReply>(result).map((row) => ({
    ...row,
    seq: Number(row.seq),
    position: Number(row.position),
    spoilerLevel: Number(row.spoilerLevel),
    reactions: typeof row.reactions === "string" ? (JSON.parse(row.reactions) as Record<string, number>) : (row.reactions ?? {}),
    bookShape: typeof row.bookShape === "string" ? (JSON.parse(row.bookShape) as OwnReplyRow["bookShape"]) : row.bookShape,
  }));
}
