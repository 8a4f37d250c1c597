import { hideReplyRow, setReplyPinned, unhideReplyRow } from "@/db/queries/replies";
import { setRoomLocked } from "@/db/queries/rooms";
import type { ClubRole } from "@/db/schema/clubs";
import { requireReplyAccess, requireRoomAccess } from "@/lib/access";
import { settleReplyChange } from "@/lib/discussion/replies";
import { AppError, notFound } from "@/lib/errors";
import { can, type ClubAction } from "@/lib/permissions";
import type { RoomStateView } from "@/lib/realtime/events";
import { publishRoomUpdated } from "@/lib/realtime/publish";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { parseInput } from "@/lib/validation/parse";
import { hideReplyInput } from "@/lib/validation/moderation";

// A stranger learns nothing (requireReplyAccess / requireRoomAccess answer not-found first);
// a member is told plainly that this is a moderator's job.
function requireModerator(role: ClubRole, action: ClubAction, message: string): void {
  if (!can(role, action)) throw new AppError("forbidden", message);
}

export async function pinReply(input: { replyId: unknown; userId: string }): Promise<ReplyView> {
  const { replyId, role } = await requireReplyAccess(input);
  requireModerator(role, "reply:pin", "Only moderators can pin replies.");
  return settleReplyChange(await setReplyPinned({ replyId, pinned: true }), {
    deleted: "A deleted reply can't be pinned.",
    hidden: "A hidden reply can't be pinned. Unhide it first.",
  });
}

export async function unpinReply(input: { replyId: unknown; userId: string }): Promise<ReplyView> {
  const { replyId, role } = await requireReplyAccess(input);
  requireModerator(role, "reply:pin", "Only moderators can unpin replies.");
  return settleReplyChange(await setReplyPinned({ replyId, pinned: false }), {
    deleted: "This reply was deleted.",
    hidden: "This reply is hidden.",
  });
}

/**
 * Hides a reply with a reason members will see. What is broadcast is the members' view, so the
 * hidden text never leaves the server; moderators fetch it on request.
 */
export async function hideReply(input: { replyId: unknown; userId: string; body: unknown }): Promise<ReplyView> {
  const { replyId, role } = await requireReplyAccess(input);
  requireModerator(role, "reply:hide", "Only moderators can hide replies.");
  const { reason } = parseInput(hideReplyInput, input.body);
  return settleReplyChange(await hideReplyRow({ replyId, reason, hiddenById: input.userId }), {
    deleted: "This reply was deleted by its author; there is nothing left to hide.",
    hidden: "This reply is already hidden.",
  });
}

export async function unhideReply(input: { replyId: unknown; userId: string }): Promise<ReplyView> {
  const { replyId, role } = await requireReplyAccess(input);
  requireModerator(role, "reply:hide", "Only moderators can unhide replies.");
  return settleReplyChange(await unhideReplyRow({ replyId }), {
    deleted: "This reply was deleted by its author.",
    hidden: "This reply is hidden.",
  });
}

async function setLock(input: { roomId: unknown; userId: string; locked: boolean }): Promise<RoomStateView> {
  const { roomId, role } = await requireRoomAccess({ roomId: input.roomId, userId: input.userId, action: "room:read" });
  requireModerator(role, "room:lock", input.locked ? "Only moderators can lock a room." : "Only moderators can unlock a room.");
  const room = await setRoomLocked({ roomId, locked: input.locked });
  if (!room) throw notFound("This room");
  publishRoomUpdated(room);
  return room;
}

/** Closes a room to new replies from members (moderators may still post); live pages switch at once. */
export function lockRoom(input: { roomId: unknown; userId: string }): Promise<RoomStateView> {
  return setLock({ ...input, locked: true });
}

export function unlockRoom(input: { roomId: unknown; userId: string }): Promise<RoomStateView> {
  return setLock({ ...input, locked: false });
}
