import "server-only";
import { setReaction } from "@/db/queries/reactions";
import type { ReactionKind as StoredReactionKind } from "@/db/schema/discussion";
import { loadClubNames } from "@/lib/accounts/name-labels";
import { resolveReply } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done, type Done } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import { canReactInRoom } from "@/lib/permissions";
import { setReactionInput } from "@/lib/validation/reactions";
import { replyParams } from "@/lib/validation/replies";
import { groupReactions } from "./members-view";
import type { ReactionKind, ReplyReactionsView } from "./reaction-kinds";
import { errorText } from "@/lib/i18n/error-text";

// The client draws the kinds from lib/discussion/reaction-kinds.ts, the database stores its
// enum: this fails the type check the day the two lists differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<ReactionKind, StoredReactionKind> = true;

/**
 * A member gives (`reacted: true`) or takes back (`false`) one reaction on a reply: members of
 * the reply's club only (strangers: not found), visible replies only (deleted or hidden: 409),
 * not in a locked room unless a moderator, never in an archived one (423:
 * lib/permissions.ts canReactInRoom). Setting what is already so changes nothing and sends
 * nothing, so a double click or a retry is harmless; a change is sent to the room after commit.
 * Answers the reply's reactions as they now are.
 */
export const setReplyReaction = door({
  params: replyParams,
  what: "reply",
  resolve: ({ params, userId }) => resolveReply({ replyId: params.replyId, userId }),
  body: setReactionInput,
  limit: "reaction:set",
  act: async ({ params, body, target, userId }): Promise<Done<ReplyReactionsView>> => {
    if (!kindsMatch) throw new Error("reaction kinds differ");
    const result = await setReaction({
      replyId: params.replyId,
      userId,
      kind: body.kind,
      reacted: body.reacted,
      mayReactWhenLocked: canReactInRoom(target.role, { locked: true }),
    });
    switch (result.status) {
      case "not_found":
        throw notFound("reply");
      case "deleted":
        throw new AppError("conflict", errorText("reply.deletedNoReactions"));
      case "hidden":
        throw new AppError("conflict", errorText("reply.hiddenNoReactions"));
      case "room_locked":
        throw new AppError("locked", errorText("room.lockedNoReactions"));
      case "changed":
      case "unchanged": {
        const view: ReplyReactionsView = {
          roomId: result.roomId,
          replyId: params.replyId,
          reactions: groupReactions(result.reactions, await loadClubNames(target.clubId)),
          count: result.reactionCount,
        };
        return result.status === "changed" ? done(view, { type: "reply:reactions", reactions: view }) : done(view);
      }
    }
  },
});
