import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { reactions, replies, rooms, type ReactionKind } from "@/db/schema/discussion";
import { users } from "@/db/schema/users";
import type { ReactionTriple } from "./replies";

export type SetReactionResult =
  | { status: "changed" | "unchanged"; roomId: string; reactionCount: number; reactions: ReactionTriple[] }
  | { status: "not_found" }
  | { status: "deleted" }
  | { status: "hidden" }
  | { status: "room_locked" };

/**
 * Gives (`reacted: true`) or takes back (`false`) one member's reaction of one kind on a reply,
 * and keeps replies.reaction_count in step, in one transaction under the reply's row lock: a
 * concurrent hide or delete cannot slip between the state check and the write, and concurrent
 * toggles of the same reaction settle to one row (the primary key; ON CONFLICT DO NOTHING) and
 * one count. Asking for what is already so changes nothing (`unchanged`), so a repeated request
 * is harmless. Returns the reply's reactions after the change, first given first.
 */
export async function setReaction(input: {
  replyId: string;
  userId: string;
  kind: ReactionKind;
  reacted: boolean;
  /** Moderators may still react in a locked room; nobody in an archived one. */
  mayReactWhenLocked: boolean;
}): Promise<SetReactionResult> {
  return getDb().transaction(async (tx) => {
    const [reply] = await tx
      .select({ roomId: replies.roomId, deletedAt: replies.deletedAt, hiddenAt: replies.hiddenAt, lockedAt: rooms.lockedAt, archivedAt: rooms.archivedAt })
      .from(replies)
      .innerJoin(rooms, eq(rooms.id, replies.roomId))
      .where(eq(replies.id, input.replyId))
      .for("update", { of: replies });
    if (!reply) return { status: "not_found" };
    if (reply.deletedAt) return { status: "deleted" };
    if (reply.hiddenAt) return { status: "hidden" };
    if (reply.archivedAt || (reply.lockedAt && !input.mayReactWhenLocked)) return { status: "room_locked" };

    const key = and(eq(reactions.replyId, input.replyId), eq(reactions.userId, input.userId), eq(reactions.kind, input.kind));
    const written = input.reacted
      ? await tx
          .insert(reactions)
          .values({ replyId: input.replyId, userId: input.userId, kind: input.kind })
          .onConflictDoNothing()
          .returning({ kind: reactions.kind })
      : await tx.delete(reactions).where(key).returning({ kind: reactions.kind });
    const changed = written.length > 0;
    if (changed) {
      await tx
        .update(replies)
        .set({ reactionCount: sql`${replies.reactionCount} + ${input.reacted ? 1 : -1}` })
        .where(eq(replies.id, input.replyId));
    }

    const [counted] = await tx.select({ reactionCount: replies.reactionCount }).from(replies).where(eq(replies.id, input.replyId));
    const rows = await tx
      .select({ kind: reactions.kind, userId: reactions.userId, name: users.name })
      .from(reactions)
      .innerJoin(users, eq(users.id, reactions.userId))
      .where(eq(reactions.replyId, input.replyId))
      .orderBy(reactions.createdAt, reactions.userId);
    return {
      status: changed ? "changed" : "unchanged",
      roomId: reply.roomId,
      reactionCount: counted?.reactionCount ?? 0,
      reactions: rows.map((row): ReactionTriple => [row.kind, row.userId, row.name]),
    };
  });
}
