import "server-only";
import { and, eq, is, sql, TransactionRollbackError } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { replies, rooms } from "@/db/schema/discussion";
import { selectReplyRows, type ReplyRow } from "./replies";
import { shownNameOf } from "./former-members";
import type { Transaction } from "./reply-writes";

// Posting a reply: its room's sequence number taken in the last statement
// (docs/decisions/0019-reply-write-path.md). Changes to a reply are in ./reply-writes.ts.

export type CreateReplyResult =
  | { status: "created"; reply: ReplyRow }
  | { status: "duplicate"; reply: ReplyRow }
  | { status: "room_not_found" }
  | { status: "room_locked" }
  | { status: "parent_not_found" }
  | { status: "key_reused" };

/**
 * A reply about to be written: its id (chosen here, so the writes that commit with it can name
 * it before it exists), its place in the room and the author of the reply it answers (null for
 * one that answers the question).
 */
export type NewReply = {
  id: string;
  roomId: string;
  authorId: string;
  parentId: string | null;
  replyToId: string | null;
  threadId: string;
  depth: number;
  spoilerLevel: number;
  answeredAuthorId: string | null;
};

/** Writes that commit with a new reply, before it (its mentions and notifications). */
export type AlongsideNewReply = (tx: Transaction) => Promise<void>;

/**
 * Writes a reply, taking the room's next sequence number inside Postgres in the write's last
 * statement (docs/decisions/0019-reply-write-path.md): the room's row lock is held from that
 * statement to the commit, not across the app's round-trips, and sequence order is still commit
 * order. Its place (parent, depth, thread) is read first, without a lock: a reply never moves.
 * A reply to one at depth maxDepth - 1 is stored beside it (under its parent) with `replyToId`
 * naming the reply it answers, so no depth reaches maxDepth.
 *
 * `alongside` is asked, given the new reply, for the writes that must commit with it; when it
 * returns some, they run first in one transaction with the reply's foreign keys deferred to the
 * commit, and the reply's statement ends it; when it returns none, that statement runs alone.
 *
 * A retried post (same author and idempotency key) finds the first reply through the unique
 * index instead of writing a second: `duplicate` with the same room, parent and text, else
 * `key_reused`. Both are answered even in a room locked since the first post. A closed room
 * (archived, or locked for this author) is `room_locked`, a missing one `room_not_found`.
 */
export async function createReply(input: {
  roomId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  bodyHtml: string;
  /** How far the reply may spoil (a point's rank), already clamped to the author's progress. */
  spoilerLevel: number;
  idempotencyKey: string;
  /** Moderators may still post in a locked room. */
  mayPostWhenLocked: boolean;
  /** Levels a thread may nest (lib/discussion/depth.ts), 2 or more. */
  maxDepth: number;
  alongside?: (reply: NewReply) => Promise<AlongsideNewReply | null>;
}): Promise<CreateReplyResult> {
  const db = getDb();
  const id = crypto.randomUUID();
  let reply: NewReply = { id, roomId: input.roomId, authorId: input.authorId, parentId: null, replyToId: null, threadId: id, depth: 0, spoilerLevel: input.spoilerLevel, answeredAuthorId: null };
  if (input.parentId) {
    const [parent] = await db
      .select({ id: replies.id, parentId: replies.parentId, depth: replies.depth, threadId: replies.threadId, authorId: replies.authorId })
      .from(replies)
      .where(and(eq(replies.id, input.parentId), eq(replies.roomId, input.roomId)));
    if (!parent) return (await settleExisting(input)) ?? { status: "parent_not_found" };
    const beside = parent.depth + 1 >= input.maxDepth && parent.parentId !== null;
    reply = {
      ...reply,
      parentId: beside ? parent.parentId : parent.id,
      replyToId: beside ? parent.id : null,
      depth: beside ? parent.depth : parent.depth + 1,
      threadId: parent.threadId,
      answeredAuthorId: parent.authorId,
    };
  }
  const writeAlongside = (await input.alongside?.(reply)) ?? null;

  let written: WrittenReply | undefined;
  try {
    written = writeAlongside
      ? await db.transaction(async (tx) => {
          // The reply is written last, so the rows naming it are checked against it at the commit.
          await tx.execute(sql`set constraints reply_mentions_reply_id_replies_id_fk, notifications_reply_id_replies_id_fk deferred`);
          await writeAlongside(tx);
          const row = await insertReply(tx, reply, input);
          // Nothing was written: the room is closed or gone. Roll the alongside writes back.
          if (!row) tx.rollback();
          return row;
        })
      : await insertReply(db, reply, input);
  } catch (error) {
    if (isRollback(error)) written = undefined;
    else if (violated(error, "23505", "replies_author_idempotency_key")) return (await settleExisting(input)) ?? { status: "key_reused" };
    // A row it names went while it was written: the room (a question deleted) or the reply it
    // answers (removed with its author's account). Anything else is a fault.
    else if (violated(error, "23503")) return (await vanished(input)) ?? Promise.reject(error);
    else throw error;
  }
  if (!written) return (await settleExisting(input)) ?? (await closedRoom(input.roomId));
  return {
    status: "created",
    reply: {
      id: reply.id,
      roomId: reply.roomId,
      parentId: reply.parentId,
      threadId: reply.threadId,
      replyToId: reply.replyToId,
      replyToAuthorName: written.replyToAuthorName,
      seq: written.seq,
      authorId: reply.authorId,
      authorName: written.authorName,
      bodyHtml: input.bodyHtml,
      createdAt: written.createdAt,
      editedAt: null,
      deletedAt: null,
      hiddenAt: null,
      hiddenReason: null,
      pinnedAt: null,
      reactionCount: 0,
      spoilerLevel: reply.spoilerLevel,
      reactions: [],
    },
  };
}

type WrittenReply = { seq: number; createdAt: Date; authorName: string | null; replyToAuthorName: string | null };
type Executor = Pick<Database, "execute">;

/**
 * The one statement that takes the room's next sequence number and writes the reply. Its UPDATE
 * locks the room's row until the commit, so a concurrent post waits there and then reads the
 * number this one took (READ COMMITTED re-reads the updated row, and re-checks that the room is
 * still open). Returns undefined when the room is closed to this author or gone.
 */
async function insertReply(
  executor: Executor,
  reply: NewReply,
  input: { body: string; bodyHtml: string; idempotencyKey: string; mayPostWhenLocked: boolean },
): Promise<WrittenReply | undefined> {
  const result = await executor.execute(sql`
    with room as (
      update rooms
      set reply_seq = reply_seq + 1, reply_count = reply_count + 1, last_reply_at = now()
      where id = ${reply.roomId}::uuid and archived_at is null and (locked_at is null or ${input.mayPostWhenLocked}::boolean)
      returning reply_seq
    )
    insert into replies (id, room_id, parent_id, reply_to_id, depth, thread_id, author_id, seq, body, body_html, spoiler_level, idempotency_key)
    select ${reply.id}::uuid, ${reply.roomId}::uuid, ${reply.parentId}::uuid, ${reply.replyToId}::uuid, ${reply.depth}::integer, ${reply.threadId}::uuid,
      ${reply.authorId}::uuid, room.reply_seq, ${input.body}::text, ${input.bodyHtml}::text, ${reply.spoilerLevel}::integer, ${input.idempotencyKey}::uuid
    from room
    returning replies.seq, replies.created_at,
      (select ${shownNameOf("u")} from users u where u.id = replies.author_id) as author_name,
      (select ${shownNameOf("u")} from replies answered join users u on u.id = answered.author_id where answered.id = replies.reply_to_id) as reply_to_author_name
  `);
  // postgres.js answers with the rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { seq: number; created_at: unknown; author_name: string | null; reply_to_author_name: string | null }[];
  const [row] = rows;
  if (!row) return undefined;
  return {
    seq: Number(row.seq),
    createdAt: row.created_at instanceof Date ? row.created_at : new Date(String(row.created_at)),
    authorName: row.author_name,
    replyToAuthorName: row.reply_to_author_name,
  };
}

/**
 * The reply this author already posted with this key, as a retry's answer: `duplicate` when it
 * is the same post (room, reply answered, text), `key_reused` when it is not; null when there is none.
 */
async function settleExisting(input: { roomId: string; authorId: string; parentId: string | null; body: string; idempotencyKey: string }): Promise<CreateReplyResult | null> {
  const db = getDb();
  const [existing] = await db
    .select({ id: replies.id, roomId: replies.roomId, parentId: replies.parentId, replyToId: replies.replyToId, body: replies.body })
    .from(replies)
    .where(and(eq(replies.authorId, input.authorId), eq(replies.idempotencyKey, input.idempotencyKey)));
  if (!existing) return null;
  const answered = existing.replyToId ?? existing.parentId;
  const same = existing.roomId === input.roomId && answered === input.parentId && existing.body === input.body;
  if (!same) return { status: "key_reused" };
  const [first] = await selectReplyRows(db).where(eq(replies.id, existing.id));
  if (!first) throw new Error("Reply not found");
  return { status: "duplicate", reply: first };
}

/** Why a room took no reply: it is gone, or closed (archived, or locked to this author). */
async function closedRoom(roomId: string): Promise<CreateReplyResult> {
  const [room] = await getDb().select({ id: rooms.id }).from(rooms).where(eq(rooms.id, roomId));
  return room ? { status: "room_locked" } : { status: "room_not_found" };
}

/** After a foreign-key violation: which of the rows the reply names is gone, if either is. */
async function vanished(input: { roomId: string; parentId: string | null }): Promise<CreateReplyResult | null> {
  const db = getDb();
  const [room] = await db.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, input.roomId));
  if (!room) return { status: "room_not_found" };
  if (!input.parentId) return null;
  const [parent] = await db.select({ id: replies.id }).from(replies).where(eq(replies.id, input.parentId));
  return parent ? null : { status: "parent_not_found" };
}

/**
 * Whether `tx.rollback()` threw this. Checked by drizzle's entity kind, not `instanceof`: in
 * production the client (made by server.ts's bundle) throws its own copy of the class.
 */
function isRollback(error: unknown): boolean {
  return is(error, TransactionRollbackError);
}

/**
 * Whether a database error (as postgres.js or PGlite reports it, possibly wrapped by drizzle) is
 * this SQLSTATE, and when `constraint` is given, on that constraint.
 */
function violated(error: unknown, code: string, constraint?: string): boolean {
  type DriverError = { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };
  for (let current = error as DriverError | undefined, depth = 0; current && depth < 3; current = current.cause as DriverError | undefined, depth += 1) {
    if (current.code === code) return constraint === undefined || (current.constraint_name ?? current.constraint) === constraint;
  }
  return false;
}

