import "server-only";
import { getReplyWithText, listReplyRevisions, listRoomReplies, type ReplyRow } from "@/db/queries/replies";
import { createReply } from "@/db/queries/reply-posts";
import { softDeleteReply, updateReplyBody, type ReplyChangeResult } from "@/db/queries/reply-writes";
import { getRoomLockState } from "@/db/queries/rooms";
import { ensure, resolveReply, resolveRoom } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done, type Done } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import { can, canDeleteReply, canEditReply, canPostInRoom, canReadReplySource, canSeeCurrentReplyText, canViewReplyHistory } from "@/lib/permissions";
import { editReplyInput, postReplyInput, replyParams, roomParams } from "@/lib/validation/replies";
import { maxReplyDepth } from "./depth";
import { loadClubNames } from "@/lib/accounts/name-labels";
import { forgetReplyNotifications, notifyOfReply, renderReply, replyNeedsNotices } from "@/lib/notifications/replies";
import { toReplyView } from "./members-view";
import { loadOpenRoomReader, loadRoomReader } from "./spoiler-readers";
import { isVeiledFor, spoilerLevelFor, type ReplyReader } from "./spoilers";
import { revealReply } from "@/db/queries/reading";
import { isPointOf } from "@/lib/books/points";
import type { ReplyView } from "./reply-view";
import { unreadChanged, withUnreadChanged } from "./unread";
import { errorText, type ErrorText } from "@/lib/i18n/error-text";

// The doors of a room's replies: posting, revealing, reading one, and an author's edits (a
// room's reading doors are in ./room-reading.ts). Each is a
// door (lib/doors/door.ts): ids parsed, the room or reply resolved for the caller, the payload
// parsed, then the act, whose live events are sent after it committed.

/**
 * Turns a reply change into the reply as members now see it, with a `reply:updated` event only
 * if something changed; the refusals say why a deleted or hidden reply can't take the change.
 */
export async function settleReplyChange(
  who: { clubId: string; userId: string },
  result: ReplyChangeResult,
  refusals: { deleted: ErrorText; hidden: ErrorText },
): Promise<Done<ReplyView>> {
  switch (result.status) {
    case "changed": {
      const reply = await viewFor(who, result.reply);
      // The room hears it through lib/realtime/publish.ts, which veils a reply with spoilers.
      return done(reply, { type: "reply:updated", reply });
    }
    case "unchanged":
      return done(await viewFor(who, result.reply));
    case "not_found":
      throw notFound("reply");
    case "deleted":
      throw new AppError("conflict", refusals.deleted);
    case "hidden":
      throw new AppError("conflict", refusals.hidden);
  }
}

/** One reply as this member reads it (the veil decided for them). */
async function viewFor(who: { clubId: string; userId: string }, row: ReplyRow): Promise<ReplyView> {
  const [names, { reader }] = await Promise.all([loadClubNames(who.clubId), loadRoomReader({ roomId: row.roomId, userId: who.userId })]);
  return toReplyView(row, names, reader);
}

/**
 * Posts a reply: rendered and checked first, then written with its mentions and notifications,
 * the room's sequence number taken in the write's last statement (sequence order is commit
 * order: docs/decisions/0019), then sent to the room. A retry with the same idempotency key and the same room, parent
 * and text returns the first reply (`created: false`) and sends nothing; the key with anything
 * else is refused (422). Nesting is capped at maxReplyDepth levels (lib/discussion/depth.ts).
 */
export const postReply = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  body: postReplyInput,
  limit: "reply:post",
  act: async ({ params, body, target, userId }): Promise<Done<{ reply: ReplyView; created: boolean }>> => {
    // The club's names resolve @mentions now (stored as ids) and label the reply for the page.
    const [names, room] = await Promise.all([loadClubNames(target.clubId), loadRoomReader({ roomId: params.roomId, userId })]);
    const { reader } = room;
    const spoilerLevel = chooseSpoilerLevel(body.spoilerLevel, reader);
    const rendered = renderReply(body.body, names);
    let notified: string[] = [];
    const result = await createReply({
      roomId: params.roomId,
      authorId: userId,
      parentId: body.parentId,
      body: body.body,
      bodyHtml: rendered.bodyHtml,
      spoilerLevel,
      idempotencyKey: body.idempotencyKey,
      mayPostWhenLocked: can(target.role, "reply:create-in-locked-room"),
      maxDepth: maxReplyDepth,
      // Mentions and notifications commit with the reply (docs/decisions/0014); most replies have none.
      alongside: async (reply) => {
        if (!replyNeedsNotices({ authorId: userId, answeredAuthorId: reply.answeredAuthorId, mentioned: rendered.mentioned })) return null;
        return async (tx) => {
          notified = await notifyOfReply(tx, {
            reply,
            answeredAuthorId: reply.answeredAuthorId,
            clubId: target.clubId,
            position: room.position,
            book: room.book,
            body: body.body,
            mentioned: rendered.mentioned,
            // The author is a member (resolved above); the fallback only covers leaving at this instant.
            actorName: names.get(userId) ?? "A member",
            edited: false,
          });
        };
      },
    });
    switch (result.status) {
      case "created": {
        const reply = toReplyView(result.reply, names, reader);
        // The room hears it through lib/realtime/publish.ts, which veils a reply with spoilers.
        // The club's other members' unread counts went up by one.
        // Its members are those whose names were read for the mentions, before the write.
        const unread = await unreadChanged({ clubId: target.clubId, exceptUserId: userId, memberIds: names.keys() });
        return done({ reply, created: true }, { type: "reply:created", reply }, ...unread, { type: "notifications:changed", userIds: notified });
      }
      case "duplicate":
        return done({ reply: toReplyView(result.reply, names, reader), created: false });
      case "room_not_found":
        throw notFound("room");
      case "room_locked":
        throw new AppError("locked", errorText("room.locked"));
      case "parent_not_found":
        throw new AppError("bad_request", errorText("reply.parentElsewhere"), { parentId: errorText("reply.parentElsewhereField") });
      case "key_reused":
        throw new AppError("unprocessable", errorText("reply.keyReused"));
    }
  },
});

/**
 * The level a reply is written with (lib/discussion/spoilers.ts spoilerLevelFor): the author's
 * progress, or the point they chose clamped to it. A rank that is no point of the book is a 400.
 */
function chooseSpoilerLevel(chosen: number | null | undefined, author: ReplyReader): number {
  if (chosen !== null && chosen !== undefined && !isPointOf(chosen, author.shape)) {
    throw new AppError("bad_request", errorText("reply.spoilerPoint"), { spoilerLevel: errorText("reply.spoilerPointField") });
  }
  return spoilerLevelFor({ chosen, authorReached: author.reached });
}

/**
 * A member chooses to see one veiled reply ("Show"): remembered per reply, and the reply comes
 * back with its text. Any member of the club may; a room still veiled for them is refused.
 */
export const revealReplyText = door({
  params: replyParams,
  what: "reply",
  resolve: ({ params, userId }) => resolveReply({ replyId: params.replyId, userId }),
  act: async ({ params, target, userId, now }): Promise<Done<ReplyView>> => {
    const reader = await loadOpenRoomReader({ roomId: target.roomId, userId });
    await revealReply({ userId, replyId: params.replyId, now });
    const [rows, names] = await Promise.all([listRoomReplies({ roomId: target.roomId, replyId: params.replyId }), loadClubNames(target.clubId)]);
    const row = rows[0];
    if (!row) throw notFound("reply");
    return done(toReplyView(row, names, { ...reader, revealed: new Set([...reader.revealed, params.replyId]) }));
  },
});

/**
 * A reply as members see it, with its stored text for those who may read it
 * (lib/permissions.ts canReadReplySource); `source` is null for everyone else.
 */
export const loadReply = door({
  params: replyParams,
  what: "reply",
  resolve: ({ params, userId }) => resolveReply({ replyId: params.replyId, userId }),
  act: async ({ params, target, userId }): Promise<Done<{ reply: ReplyView; source: { body: string; bodyHtml: string } | null }>> => {
    const [found, names, reader] = await Promise.all([
      getReplyWithText({ replyId: params.replyId }),
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: target.roomId, userId }),
    ]);
    if (!found) throw notFound("reply");
    const reply = toReplyView(found.reply, names, reader);
    // A veiled reply's text comes only through the reveal door.
    const mayRead = reply.veil === null && canReadReplySource(target.role, { isAuthor: target.isAuthor, state: reply.state });
    return done({ reply, source: mayRead ? { body: found.body, bodyHtml: found.bodyHtml } : null });
  },
});

/** One version of a reply's text; the current one has no replacedAt. Times are ISO instants. */
export type ReplyVersion = { bodyHtml: string; writtenAt: string; replacedAt: string | null };

/**
 * Every earlier version of a reply, oldest first, then the current one when the caller may read
 * it (a deleted reply has none; a hidden one's is for moderators).
 */
export const loadReplyHistory = door({
  params: replyParams,
  what: "reply",
  resolve: async ({ params, userId }) => {
    const access = await resolveReply({ replyId: params.replyId, userId });
    ensure(canViewReplyHistory(access.role, access), errorText("reply.refuseHistory"));
    return access;
  },
  act: async ({ params, target, userId }): Promise<Done<{ reply: ReplyView; versions: ReplyVersion[] }>> => {
    const [found, revisions, names, reader] = await Promise.all([
      getReplyWithText({ replyId: params.replyId }),
      listReplyRevisions({ replyId: params.replyId }),
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: target.roomId, userId }),
    ]);
    if (!found) throw notFound("reply");
    // Earlier versions are the same spoilers: a veiled reply's history waits for its reveal.
    if (isVeiledFor({ id: found.reply.id, authorId: found.reply.authorId, level: found.reply.spoilerLevel }, reader)) {
      throw new AppError("forbidden", errorText("reply.veiled"));
    }
    const versions: ReplyVersion[] = revisions.map((revision) => ({
      bodyHtml: revision.bodyHtml,
      writtenAt: revision.writtenAt.toISOString(),
      replacedAt: revision.replacedAt.toISOString(),
    }));
    const reply = toReplyView(found.reply, names, reader);
    if (canSeeCurrentReplyText(target.role, reply)) {
      versions.push({ bodyHtml: found.bodyHtml, writtenAt: reply.editedAt ?? reply.createdAt, replacedAt: null });
    }
    return done({ reply, versions });
  },
});

/**
 * An author edits their reply: same rules as posting, Markdown rendered again, the replaced
 * text kept as a revision, and everyone in the room sees the change once it commits.
 */
export const editReply = door({
  params: replyParams,
  what: "reply",
  resolve: async ({ params, userId }) => {
    const access = await resolveReply({ replyId: params.replyId, userId });
    ensure(canEditReply(access.role, access), errorText("reply.refuseEdit"));
    const room = await getRoomLockState({ roomId: access.roomId });
    if (!room) throw notFound("reply");
    if (!canPostInRoom(access.role, room)) {
      throw new AppError("locked", errorText("room.lockedNoChanges"));
    }
    return access;
  },
  body: editReplyInput,
  limit: "reply:edit",
  act: async ({ params, body, target, userId }) => {
    const [names, room] = await Promise.all([loadClubNames(target.clubId), loadRoomReader({ roomId: target.roomId, userId })]);
    const rendered = renderReply(body.body, names);
    let notified: string[] = [];
    const settled = await settleReplyChange(
      { clubId: target.clubId, userId },
      await updateReplyBody({
        replyId: params.replyId,
        body: body.body,
        bodyHtml: rendered.bodyHtml,
        // Omitted: the level stays; given: clamped to the author's progress as when posting.
        spoilerLevel: body.spoilerLevel === undefined ? undefined : chooseSpoilerLevel(body.spoilerLevel, room.reader),
        // Whom the new text mentions replaces what the old one did; someone newly mentioned is told.
        alongside: async (tx, reply) => {
          notified = await notifyOfReply(tx, {
            reply,
            answeredAuthorId: null,
            clubId: target.clubId,
            position: room.position,
            book: room.book,
            body: body.body,
            mentioned: rendered.mentioned,
            actorName: names.get(userId) ?? reply.authorName ?? "A member",
            edited: true,
          });
        },
      }),
      { deleted: errorText("reply.deletedNoEdit"), hidden: errorText("reply.hiddenNoEdit") },
    );
    return done(settled.value, ...settled.events, { type: "notifications:changed", userIds: notified });
  },
});

/** An author deletes their reply: its text goes, its place in the thread (and the replies under it) stays. */
export const deleteReply = door({
  params: replyParams,
  what: "reply",
  resolve: async ({ params, userId }) => {
    const access = await resolveReply({ replyId: params.replyId, userId });
    ensure(canDeleteReply(access.role, access), errorText("reply.refuseDelete"));
    return access;
  },
  act: async ({ params, target, userId }) => {
    let forgotten: string[] = [];
    const settled = await settleReplyChange(
      { clubId: target.clubId, userId },
      // The notifications pointing at it go in the same transaction as its text.
      await softDeleteReply({ replyId: params.replyId, alongside: async (tx) => void (forgotten = await forgetReplyNotifications(tx, { replyId: params.replyId })) }),
      { deleted: errorText("reply.alreadyDeleted"), hidden: errorText("reply.isHidden") },
    );
    return withUnreadChanged(target.clubId, done(settled.value, ...settled.events, { type: "notifications:changed", userIds: forgotten }));
  },
});
