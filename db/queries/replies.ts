import { and, asc, eq, gt, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { replies, rooms } from "@/db/schema/discussion";
import { users } from "@/db/schema/users";
import type { ReplyView } from "@/lib/reply-view";

type Executor = Pick<Database, "select">;

function selectReplyViews(executor: Executor) {
  return executor
    .select({
      id: replies.id,
      roomId: replies.roomId,
      parentId: replies.parentId,
      seq: replies.seq,
      authorId: replies.authorId,
      authorName: users.name,
      bodyHtml: replies.bodyHtml,
      createdAt: replies.createdAt,
      editedAt: replies.editedAt,
      deletedAt: replies.deletedAt,
      hiddenAt: replies.hiddenAt,
      hiddenReason: replies.hiddenReason,
      pinnedAt: replies.pinnedAt,
    })
    .from(replies)
    .innerJoin(users, eq(users.id, replies.authorId));
}

type ReplyRow = Awaited<ReturnType<ReturnType<typeof selectReplyViews>["where"]>>[number];

export function toReplyView(row: ReplyRow): ReplyView {
  const state = row.deletedAt ? "deleted" : row.hiddenAt ? "hidden" : "visible";
  return {
    id: row.id,
    roomId: row.roomId,
    parentId: row.parentId,
    seq: row.seq,
    author: { id: row.authorId, name: row.authorName },
    bodyHtml: state === "visible" ? row.bodyHtml : "",
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    state,
    hiddenReason: state === "hidden" ? row.hiddenReason : null,
    pinned: row.pinnedAt !== null && state === "visible",
  };
}

/** A room's replies in posting order; with afterSeq, only those posted after that one. */
export async function listRoomReplies(input: { roomId: string; afterSeq?: number }): Promise<ReplyView[]> {
  const condition =
    input.afterSeq && input.afterSeq > 0
      ? and(eq(replies.roomId, input.roomId), gt(replies.seq, input.afterSeq))
      : eq(replies.roomId, input.roomId);
  const rows = await selectReplyViews(getDb()).where(condition).orderBy(asc(replies.seq));
  return rows.map(toReplyView);
}

export type CreateReplyResult =
  | { status: "created"; reply: ReplyView }
  | { status: "duplicate"; reply: ReplyView }
  | { status: "room_not_found" }
  | { status: "room_locked" }
  | { status: "parent_not_found" }
  | { status: "key_reused" };

/**
 * Writes a reply and the room's counters in one transaction. The room row is locked first, so
 * replies in one room get sequence numbers in commit order, and a retried post (same author and
 * idempotency key) finds the first one instead of writing a second.
 */
export async function createReply(input: {
  roomId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  bodyHtml: string;
  idempotencyKey: string;
  /** Moderators may still post in a locked room. */
  mayPostWhenLocked: boolean;
}): Promise<CreateReplyResult> {
  return getDb().transaction(async (tx) => {
    const [room] = await tx
      .select({ id: rooms.id, replySeq: rooms.replySeq, lockedAt: rooms.lockedAt, archivedAt: rooms.archivedAt })
      .from(rooms)
      .where(eq(rooms.id, input.roomId))
      .for("update");
    if (!room) return { status: "room_not_found" };

    const [existing] = await selectReplyViews(tx).where(
      and(eq(replies.authorId, input.authorId), eq(replies.idempotencyKey, input.idempotencyKey)),
    );
    if (existing) {
      return existing.roomId === input.roomId ? { status: "duplicate", reply: toReplyView(existing) } : { status: "key_reused" };
    }

    // Checked under the row lock, after the retry check: a retry of a reply that was posted
    // before the room was locked still gets its reply back.
    if (room.archivedAt || (room.lockedAt && !input.mayPostWhenLocked)) return { status: "room_locked" };

    if (input.parentId) {
      const [parent] = await tx
        .select({ id: replies.id })
        .from(replies)
        .where(and(eq(replies.id, input.parentId), eq(replies.roomId, input.roomId)));
      if (!parent) return { status: "parent_not_found" };
    }

    const seq = room.replySeq + 1;
    const [inserted] = await tx
      .insert(replies)
      .values({
        roomId: input.roomId,
        parentId: input.parentId,
        authorId: input.authorId,
        seq,
        body: input.body,
        bodyHtml: input.bodyHtml,
        idempotencyKey: input.idempotencyKey,
      })
      .returning({ id: replies.id });
    if (!inserted) throw new Error("Insert returned no row");

    await tx
      .update(rooms)
      .set({ replySeq: seq, replyCount: sql`${rooms.replyCount} + 1`, lastReplyAt: sql`now()` })
      .where(eq(rooms.id, input.roomId));

    const [created] = await selectReplyViews(tx).where(eq(replies.id, inserted.id));
    if (!created) throw new Error("Inserted reply not found");
    return { status: "created", reply: toReplyView(created) };
  });
}
