import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { replies, replyRevisions, rooms } from "@/db/schema/discussion";
import { selectReplyRows, type ReplyRow } from "./replies";

// Changes to a written reply: an author's edit and deletion, and a moderator's pin and hide.
// Posting is in ./reply-posts.ts, reads in ./replies.ts.

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
