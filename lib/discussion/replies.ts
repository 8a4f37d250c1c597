import {
  createReply,
  getReplyWithText,
  listReplyRevisions,
  listRoomReplies,
  softDeleteReply,
  updateReplyBody,
  type ReplyChangeResult,
} from "@/db/queries/replies";
import { getRoomLockState, getRoomWithClub } from "@/db/queries/rooms";
import { requireReplyAccess, requireRoomAccess } from "@/lib/access";
import { AppError, notFound } from "@/lib/errors";
import { renderMarkdown } from "@/lib/discussion/markdown";
import { can, canDeleteReply, canEditReply, canPostInRoom, canViewReplyHistory } from "@/lib/permissions";
import type { RoomStateView } from "@/lib/realtime/events";
import { publishReplyCreated, publishReplyUpdated } from "@/lib/realtime/publish";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { parseInput } from "@/lib/validation/parse";
import { editReplyInput, postReplyInput, repliesAfterQuery } from "@/lib/validation/replies";

/** Turns a reply change into the reply as members now see it, broadcasting it only if something changed. */
export function settleReplyChange(result: ReplyChangeResult, refusals: { deleted: string; hidden: string }): ReplyView {
  switch (result.status) {
    case "changed":
      publishReplyUpdated(result.reply);
      return result.reply;
    case "unchanged":
      return result.reply;
    case "not_found":
      throw notFound("This reply");
    case "deleted":
      throw new AppError("conflict", refusals.deleted);
    case "hidden":
      throw new AppError("conflict", refusals.hidden);
  }
}

export async function loadRoomPage(input: { roomId: string; userId: string }) {
  const { roomId, role } = await requireRoomAccess({ roomId: input.roomId, userId: input.userId, action: "room:read" });
  const [room, replies] = await Promise.all([getRoomWithClub({ roomId }), listRoomReplies({ roomId })]);
  if (!room) throw notFound("This room");
  return { room, replies, role };
}

/** Everything a live page needs to catch up after a long disconnection: the lock and every reply as it is now. */
export async function loadRoomSnapshot(input: { roomId: unknown; userId: string }): Promise<{ room: RoomStateView; replies: ReplyView[] }> {
  const { roomId } = await requireRoomAccess({ roomId: input.roomId, userId: input.userId, action: "room:read" });
  const [room, replies] = await Promise.all([getRoomLockState({ roomId }), listRoomReplies({ roomId })]);
  if (!room) throw notFound("This room");
  return { room, replies };
}

export async function listRepliesAfter(input: { roomId: unknown; userId: string; query: unknown }): Promise<ReplyView[]> {
  const { roomId } = await requireRoomAccess({ roomId: input.roomId, userId: input.userId, action: "room:read" });
  const { after } = parseInput(repliesAfterQuery, input.query);
  return listRoomReplies({ roomId, afterSeq: after });
}

/**
 * Posts a reply: validate, authorize for this room, write in one transaction, and only after
 * it commits, broadcast. A retry with the same idempotency key returns the first reply.
 */
export async function postReply(input: { roomId: unknown; userId: string; body: unknown }): Promise<{ reply: ReplyView; created: boolean }> {
  const { roomId, role } = await requireRoomAccess({ roomId: input.roomId, userId: input.userId, action: "reply:create" });
  const data = parseInput(postReplyInput, input.body);
  const result = await createReply({
    roomId,
    authorId: input.userId,
    parentId: data.parentId,
    body: data.body,
    bodyHtml: renderMarkdown(data.body),
    idempotencyKey: data.idempotencyKey,
    mayPostWhenLocked: can(role, "reply:create-in-locked-room"),
  }).catch((error: unknown) => {
    // The same key raced into two rooms at once: the unique index keeps the second out.
    if (isUniqueViolation(error)) return { status: "key_reused" as const };
    throw error;
  });
  switch (result.status) {
    case "created":
      publishReplyCreated(result.reply);
      return { reply: result.reply, created: true };
    case "duplicate":
      return { reply: result.reply, created: false };
    case "room_not_found":
      throw notFound("This room");
    case "room_locked":
      throw new AppError("locked", "This room is locked: a moderator has closed it to new replies.");
    case "parent_not_found":
      throw new AppError("bad_request", "The reply you are answering is not in this room.", { parentId: "Not in this room." });
    case "key_reused":
      throw new AppError("conflict", "This submission was already used for a different reply. Reload and try again.");
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === "23505";
}

/**
 * A reply as members see it, with its stored text for those who may read it: moderators (a
 * hidden reply's text included) and the author of a visible reply, who needs the Markdown to
 * edit it.
 */
export async function loadReply(input: { replyId: unknown; userId: string }): Promise<{ reply: ReplyView; source: { body: string; bodyHtml: string } | null }> {
  const { replyId, role, isAuthor } = await requireReplyAccess(input);
  const found = await getReplyWithText({ replyId });
  if (!found) throw notFound("This reply");
  const { reply } = found;
  const mayRead = reply.state !== "deleted" && (can(role, "reply:view-hidden") || (isAuthor && reply.state === "visible"));
  return { reply, source: mayRead ? { body: found.body, bodyHtml: found.bodyHtml } : null };
}

/** One version of a reply's text; the current one has no replacedAt. */
export type ReplyVersion = { bodyHtml: string; writtenAt: string; replacedAt: string | null };

/**
 * Every earlier version of a reply, oldest first, then the current one when the caller may read
 * it (a deleted reply has none; a hidden one's is for moderators).
 */
export async function loadReplyHistory(input: { replyId: unknown; userId: string }): Promise<{ reply: ReplyView; versions: ReplyVersion[] }> {
  const { replyId, role, isAuthor } = await requireReplyAccess(input);
  if (!canViewReplyHistory(role, { isAuthor })) {
    throw new AppError("forbidden", "Only moderators and the reply's author can see its edit history.");
  }
  const [found, revisions] = await Promise.all([getReplyWithText({ replyId }), listReplyRevisions({ replyId })]);
  if (!found) throw notFound("This reply");
  const versions: ReplyVersion[] = revisions.map((revision) => ({
    bodyHtml: revision.bodyHtml,
    writtenAt: revision.writtenAt.toISOString(),
    replacedAt: revision.replacedAt.toISOString(),
  }));
  const { reply } = found;
  if (reply.state === "visible" || (reply.state === "hidden" && can(role, "reply:view-hidden"))) {
    versions.push({ bodyHtml: found.bodyHtml, writtenAt: reply.editedAt ?? reply.createdAt, replacedAt: null });
  }
  return { reply, versions };
}

/**
 * An author edits their reply: same rules as posting, Markdown rendered again, the replaced
 * text kept as a revision, and everyone in the room sees the change once it commits.
 */
export async function editReply(input: { replyId: unknown; userId: string; body: unknown }): Promise<ReplyView> {
  const { replyId, roomId, role, isAuthor } = await requireReplyAccess(input);
  if (!canEditReply(role, { isAuthor })) throw new AppError("forbidden", "You can only edit your own replies.");
  const room = await getRoomLockState({ roomId });
  if (!room) throw notFound("This reply");
  if (!canPostInRoom(role, { locked: room.locked })) {
    throw new AppError("locked", "This room is locked: replies in it can't be changed until a moderator unlocks it.");
  }
  const data = parseInput(editReplyInput, input.body);
  const result = await updateReplyBody({ replyId, body: data.body, bodyHtml: renderMarkdown(data.body) });
  return settleReplyChange(result, {
    deleted: "This reply was deleted, so it can't be edited.",
    hidden: "A moderator has hidden this reply, so it can't be edited.",
  });
}

/** An author deletes their reply: its text goes, its place in the thread (and the replies under it) stays. */
export async function deleteReply(input: { replyId: unknown; userId: string }): Promise<ReplyView> {
  const { replyId, role, isAuthor } = await requireReplyAccess(input);
  if (!canDeleteReply(role, { isAuthor })) throw new AppError("forbidden", "You can only delete your own replies.");
  const result = await softDeleteReply({ replyId });
  return settleReplyChange(result, { deleted: "This reply was already deleted.", hidden: "This reply is hidden." });
}
