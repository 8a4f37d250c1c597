import "server-only";
import { hideReplyRow, setReplyPinned, unhideReplyRow } from "@/db/queries/reply-writes";
import { listReplyNotificationRecipients } from "@/db/queries/notifications";
import { getRoomPosition, setRoomLocked } from "@/db/queries/rooms";
import { ensure, resolveReply, resolveRoom } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done, type Done } from "@/lib/doors/live";
import { notFound } from "@/lib/errors";
import { can, type ClubAction } from "@/lib/permissions";
import type { RoomStateView } from "@/lib/realtime/events";
import { notifyOfHiddenReply } from "@/lib/notifications/replies";
import { hideReplyInput } from "@/lib/validation/moderation";
import { replyParams, roomParams } from "@/lib/validation/replies";
import { settleReplyChange } from "./replies";
import { withUnreadChanged } from "./unread";
import { errorText, type ErrorText } from "@/lib/i18n/error-text";

// Moderators' doors in a room: pin, hide, lock. A stranger learns nothing (resolve answers
// not-found first); a member is told plainly that this is a moderator's job.

function moderatorOfReply(action: ClubAction, refusal: ErrorText) {
  return async ({ params, userId }: { params: { replyId: string }; userId: string }) => {
    const access = await resolveReply({ replyId: params.replyId, userId });
    ensure(can(access.role, action), refusal);
    return access;
  };
}

export const pinReply = door({
  params: replyParams,
  what: "reply",
  resolve: moderatorOfReply("reply:pin", errorText("reply.refusePin")),
  act: async ({ params, target, userId }) =>
    settleReplyChange({ clubId: target.clubId, userId }, await setReplyPinned({ replyId: params.replyId, pinned: true }), {
      deleted: errorText("reply.deletedNoPin"),
      hidden: errorText("reply.hiddenNoPin"),
    }),
});

export const unpinReply = door({
  params: replyParams,
  what: "reply",
  resolve: moderatorOfReply("reply:pin", errorText("reply.refuseUnpin")),
  act: async ({ params, target, userId }) =>
    settleReplyChange({ clubId: target.clubId, userId }, await setReplyPinned({ replyId: params.replyId, pinned: false }), {
      deleted: errorText("reply.isDeleted"),
      hidden: errorText("reply.isHidden"),
    }),
});

/**
 * Hides a reply with a reason members will see. What is sent live is the members' view, so the
 * hidden text never leaves the server; moderators fetch it on request.
 */
export const hideReply = door({
  params: replyParams,
  what: "reply",
  resolve: moderatorOfReply("reply:hide", errorText("reply.refuseHide")),
  body: hideReplyInput,
  act: async ({ params, body, userId, target }) => {
    const position = (await getRoomPosition({ roomId: target.roomId })) ?? 0;
    let told: string[] = [];
    const settled = await settleReplyChange(
      { clubId: target.clubId, userId },
      await hideReplyRow({
        replyId: params.replyId,
        reason: body.reason,
        hiddenById: userId,
        // The author hears of it, with the reason, in the same transaction as the hiding.
        alongside: async (tx, reply) => void (told = await notifyOfHiddenReply(tx, { reply, clubId: target.clubId, position })),
      }),
      { deleted: errorText("reply.deletedNothingToHide"), hidden: errorText("reply.alreadyHidden") },
    );
    // Notifications pointing at it now read as gone for their members (and come back if unhidden).
    const pointing = await listReplyNotificationRecipients({ replyId: params.replyId });
    return withUnreadChanged(
      target.clubId,
      done(settled.value, ...settled.events, { type: "notifications:changed", userIds: [...new Set([...told, ...pointing])] }),
    );
  },
});

export const unhideReply = door({
  params: replyParams,
  what: "reply",
  resolve: moderatorOfReply("reply:hide", errorText("reply.refuseUnhide")),
  act: async ({ params, target, userId }) => {
    const settled = await settleReplyChange({ clubId: target.clubId, userId }, await unhideReplyRow({ replyId: params.replyId }), {
      deleted: errorText("reply.deletedByAuthor"),
      hidden: errorText("reply.isHidden"),
    });
    const pointing = await listReplyNotificationRecipients({ replyId: params.replyId });
    return withUnreadChanged(target.clubId, done(settled.value, ...settled.events, { type: "notifications:changed", userIds: pointing }));
  },
});

function lockDoor(locked: boolean) {
  return door({
    params: roomParams,
    what: "room",
    resolve: async ({ params, userId }) => {
      const access = await resolveRoom({ roomId: params.roomId, userId });
      ensure(can(access.role, "room:lock"), errorText(locked ? "room.refuseLock" : "room.refuseUnlock"));
      return access;
    },
    act: async ({ params }): Promise<Done<RoomStateView>> => {
      const room = await setRoomLocked({ roomId: params.roomId, locked });
      if (!room) throw notFound("room");
      return done(room, { type: "room:updated", room });
    },
  });
}

/** Closes a room to new replies from members (moderators may still post); live pages switch at once. */
export const lockRoom = lockDoor(true);

export const unlockRoom = lockDoor(false);
