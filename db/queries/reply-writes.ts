import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { replies, replyRevisions, rooms } from "@/db/schema/discussion";
import { selectReplyRows, type ReplyRow } from "./replies";

// Every write to a reply: posting one, an author's edit and deletion, and a moderator's pin and
// hide. Reads of replies are in ./replies.ts.

export type CreateReplyResult =
  | { status: "created"; reply: ReplyRow }
  | { status: "duplicate"; reply: ReplyRow }
  | { status: "room_not_found" }
  | { status: "room_locked" }
  | { status: "parent_not_found" }
  | { status: "key_reused" };

/**
 * Writes a reply and the room's counters in one transaction. The room row is locked first, so
 * replies in one room get sequence numbers in commit order, and a retried post (same author and
 * idempotency key) finds the first one instead of writing a second; the same key with another
 * room, parent or text is `key_reused`. A reply to one at depth maxDepth - 1 is stored beside it
 * (under its parent) with `replyToId` naming the reply it answers, so no depth reaches maxDepth.
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
  /** More writes that commit with the reply (its mentions and notifications), given the new reply and its room. */
  alongside?: (tx: Transaction, reply: ReplyRow, room: { clubId: string; position: number }) => Promise<void>;
}): Promise<CreateReplyResult> {
  return getDb().transaction(async (tx) => {
    const [room] = await tx
      .select({ id: rooms.id, clubId: rooms.clubId, position: rooms.position, replySeq: rooms.replySeq, lockedAt: rooms.lockedAt, archivedAt: rooms.archivedAt })
      .from(rooms)
      .where(eq(rooms.id, input.roomId))
      .for("update");
    if (!room) return { status: "room_not_found" };

    const [existing] = await tx
      .select({ id: replies.id, roomId: replies.roomId, parentId: replies.parentId, replyToId: replies.replyToId, body: replies.body })
      .from(replies)
      .where(and(eq(replies.authorId, input.authorId), eq(replies.idempotencyKey, input.idempotencyKey)));
    if (existing) {
      const answered = existing.replyToId ?? existing.parentId;
      const same = existing.roomId === input.roomId && answered === input.parentId && existing.body === input.body;
      if (!same) return { status: "key_reused" };
      const [first] = await selectReplyRows(tx).where(eq(replies.id, existing.id));
      if (!first) throw new Error("Reply not found");
      return { status: "duplicate", reply: first };
    }

    // Checked under the row lock, after the retry check: a retry of a reply that was posted
    // before the room was locked still gets its reply back.
    if (room.archivedAt || (room.lockedAt && !input.mayPostWhenLocked)) return { status: "room_locked" };

    const id = crypto.randomUUID();
    let placement: { parentId: string | null; replyToId: string | null; depth: number; threadId: string } = { parentId: null, replyToId: null, depth: 0, threadId: id };
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: replies.id, parentId: replies.parentId, depth: replies.depth, threadId: replies.threadId })
        .from(replies)
        .where(and(eq(replies.id, input.parentId), eq(replies.roomId, input.roomId)));
      if (!parent) return { status: "parent_not_found" };
      placement =
        parent.depth + 1 < input.maxDepth || parent.parentId === null
          ? { parentId: parent.id, replyToId: null, depth: parent.depth + 1, threadId: parent.threadId }
          : { parentId: parent.parentId, replyToId: parent.id, depth: parent.depth, threadId: parent.threadId };
    }

    const seq = room.replySeq + 1;
    const [inserted] = await tx
      .insert(replies)
      .values({
        id,
        roomId: input.roomId,
        ...placement,
        authorId: input.authorId,
        seq,
        body: input.body,
        bodyHtml: input.bodyHtml,
        spoilerLevel: input.spoilerLevel,
        idempotencyKey: input.idempotencyKey,
      })
      .returning({ id: replies.id });
    if (!inserted) throw new Error("Insert returned no row");

    await tx
      .update(rooms)
      .set({ replySeq: seq, replyCount: sql`${rooms.replyCount} + 1`, lastReplyAt: sql`now()` })
      .where(eq(rooms.id, input.roomId));

    const [created] = await selectReplyRows(tx).where(eq(replies.id, inserted.id));
    if (!created) throw new Error("Inserted reply not found");
    await input.alongside?.(tx, created, room);
    return { status: "created", reply: created };
  });
}

export type ReplyChangeResult =
  | { status: "changed"; reply: ReplyRow }
  | { status: "unchanged"; reply: ReplyRow }
  | { status: "not_found" }
  | { status: "deleted" }
  | { status: "hidden" };

/** A transaction on the database, for writes that must commit with a reply's (lib/notifications). */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Writes that commit with a change to a reply, given the reply as it now is; run only when something changed. */
type Alongside = (tx: Transaction, reply: ReplyRow) => Promise<void>;
type LockedReply = {
  id: string;
  roomId: string;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  pinnedAt: Date | null;
  spoilerLevel: number;
};

/**
 * Runs one change to a reply under its row lock, so a check on its state (not deleted, not
 * hidden) and the write that depends on it cannot be split by a concurrent change. `change`
 * returns false when there was nothing to do.
 */
async function changeReply(
  replyId: string,
  change: (tx: Transaction, current: LockedReply) => Promise<boolean | "deleted" | "hidden">,
  alongside?: Alongside,
): Promise<ReplyChangeResult> {
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({
        id: replies.id,
        roomId: replies.roomId,
        body: replies.body,
        bodyHtml: replies.bodyHtml,
        createdAt: replies.createdAt,
        editedAt: replies.editedAt,
        deletedAt: replies.deletedAt,
        hiddenAt: replies.hiddenAt,
        pinnedAt: replies.pinnedAt,
        spoilerLevel: replies.spoilerLevel,
      })
      .from(replies)
      .where(eq(replies.id, replyId))
      .for("update");
    if (!current) return { status: "not_found" };
    const outcome = await change(tx, current);
    if (outcome === "deleted" || outcome === "hidden") return { status: outcome };
    const [row] = await selectReplyRows(tx).where(eq(replies.id, replyId));
    if (!row) throw new Error("Changed reply not found");
    if (outcome) await alongside?.(tx, row);
    return { status: outcome ? "changed" : "unchanged", reply: row };
  });
}

/**
 * An author's edit: the text being replaced becomes a revision and the reply takes the new text,
 * in one transaction. Sending the text it already has changes nothing and records nothing.
 */
export async function updateReplyBody(input: {
  replyId: string;
  body: string;
  bodyHtml: string;
  /** The new spoiler level (already clamped); undefined keeps the current one. */
  spoilerLevel?: number;
  alongside?: Alongside;
}): Promise<ReplyChangeResult> {
  return changeReply(input.replyId, async (tx, current) => {
    if (current.deletedAt) return "deleted";
    if (current.hiddenAt) return "hidden";
    const level = input.spoilerLevel ?? current.spoilerLevel;
    if (current.body === input.body && current.spoilerLevel === level) return false;
    if (current.body === input.body) {
      // Only the level changed: no new revision, no "edited" mark.
      await tx.update(replies).set({ spoilerLevel: level }).where(eq(replies.id, current.id));
      return true;
    }
    // clock_timestamp, not now(): an edit that waited for the row lock is stamped after the one
    // it waited for, so revisions read in the order they happened.
    const [updated] = await tx
      .update(replies)
      .set({ body: input.body, bodyHtml: input.bodyHtml, spoilerLevel: level, editedAt: sql`clock_timestamp()` })
      .where(eq(replies.id, current.id))
      .returning({ editedAt: replies.editedAt });
    if (!updated?.editedAt) throw new Error("Edited reply not returned");
    await tx.insert(replyRevisions).values({
      replyId: current.id,
      body: current.body,
      bodyHtml: current.bodyHtml,
      writtenAt: current.editedAt ?? current.createdAt,
      replacedAt: updated.editedAt,
    });
    return true;
  }, input.alongside);
}

/**
 * rooms.reply_count counts the replies a reader can see (neither deleted nor hidden): a change
 * that makes a reply visible or not moves it by one, in the change's transaction.
 */
async function countVisibleChange(tx: Transaction, roomId: string, delta: 1 | -1): Promise<void> {
  await tx
    .update(rooms)
    .set({ replyCount: sql`greatest(${rooms.replyCount} + ${delta}, 0)` })
    .where(eq(rooms.id, roomId));
}

/** Soft delete: the row stays (replies under it keep their place); its text and every earlier version of it are removed, in one transaction. */
export async function softDeleteReply(input: { replyId: string; alongside?: Alongside }): Promise<ReplyChangeResult> {
  return changeReply(input.replyId, async (tx, current) => {
    if (current.deletedAt) return false;
    await tx
      .update(replies)
      .set({ deletedAt: sql`clock_timestamp()`, body: "", bodyHtml: "", pinnedAt: null })
      .where(eq(replies.id, current.id));
    // Deleting removes the text everywhere it lives: earlier versions go with the current one.
    await tx.delete(replyRevisions).where(eq(replyRevisions.replyId, current.id));
    // A hidden reply was already out of the count.
    if (!current.hiddenAt) await countVisibleChange(tx, current.roomId, -1);
    return true;
  }, input.alongside);
}

export async function setReplyPinned(input: { replyId: string; pinned: boolean }): Promise<ReplyChangeResult> {
  return changeReply(input.replyId, async (tx, current) => {
    if (input.pinned && current.deletedAt) return "deleted";
    if (input.pinned && current.hiddenAt) return "hidden";
    if ((current.pinnedAt !== null) === input.pinned) return false;
    await tx
      .update(replies)
      .set({ pinnedAt: input.pinned ? sql`clock_timestamp()` : null })
      .where(eq(replies.id, current.id));
    return true;
  });
}

/** Hides a reply (or changes the reason of a hidden one). A hidden reply is no longer pinned. */
export async function hideReplyRow(input: { replyId: string; reason: string; hiddenById: string; alongside?: Alongside }): Promise<ReplyChangeResult> {
  return changeReply(input.replyId, async (tx, current) => {
    if (current.deletedAt) return "deleted";
    await tx
      .update(replies)
      .set({
        hiddenAt: current.hiddenAt ?? sql`clock_timestamp()`,
        hiddenReason: input.reason,
        hiddenById: input.hiddenById,
        pinnedAt: null,
      })
      .where(eq(replies.id, current.id));
    // Changing the reason of a hidden reply leaves the count as it is.
    if (!current.hiddenAt) await countVisibleChange(tx, current.roomId, -1);
    return true;
  }, input.alongside);
}

export async function unhideReplyRow(input: { replyId: string }): Promise<ReplyChangeResult> {
  return changeReply(input.replyId, async (tx, current) => {
    if (!current.hiddenAt) return false;
    await tx
      .update(replies)
      .set({ hiddenAt: null, hiddenReason: null, hiddenById: null })
      .where(eq(replies.id, current.id));
    if (!current.deletedAt) await countVisibleChange(tx, current.roomId, 1);
    return true;
  });
}
