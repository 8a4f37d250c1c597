import { getClubWithBook, getMembershipRole } from "@/db/queries/clubs";
import { createReply, listRoomReplies } from "@/db/queries/replies";
import { getRoomClubId, getRoomWithClub, listBookRooms } from "@/db/queries/rooms";
import type { ClubRole } from "@/db/schema/clubs";
import { AppError, notFound } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown";
import { can, type ClubAction } from "@/lib/permissions";
import { publishReplyCreated } from "@/lib/realtime/publish";
import type { ReplyView } from "@/lib/reply-view";
import { parseInput } from "@/lib/validation/parse";
import { postReplyInput, repliesAfterQuery, uuidParam } from "@/lib/validation/replies";

/** The caller's role in the club if they may take `action` there; otherwise the club does not exist for them. */
export async function requireClubAccess(input: { clubId: string; userId: string; action: ClubAction; what?: string }): Promise<ClubRole> {
  const role = await getMembershipRole({ clubId: input.clubId, userId: input.userId });
  if (!role || !can(role, input.action)) throw notFound(input.what);
  return role;
}

/** Resolves a room id from outside to its club and the caller's role there, or not-found. */
export async function requireRoomAccess(input: { roomId: unknown; userId: string; action: ClubAction }) {
  const parsed = uuidParam.safeParse(input.roomId);
  if (!parsed.success) throw notFound("This room");
  const clubId = await getRoomClubId({ roomId: parsed.data });
  if (!clubId) throw notFound("This room");
  const role = await requireClubAccess({ clubId, userId: input.userId, action: input.action, what: "This room" });
  return { roomId: parsed.data, clubId, role };
}

export async function loadClubPage(input: { clubId: string; userId: string }) {
  if (!uuidParam.safeParse(input.clubId).success) throw notFound("This club");
  const role = await requireClubAccess({ clubId: input.clubId, userId: input.userId, action: "club:view", what: "This club" });
  const club = await getClubWithBook({ clubId: input.clubId });
  if (!club) throw notFound("This club");
  const rooms = club.book ? await listBookRooms({ bookId: club.book.id }) : [];
  return { club, rooms, role };
}

export async function loadRoomPage(input: { roomId: string; userId: string }) {
  const { roomId, role } = await requireRoomAccess({ roomId: input.roomId, userId: input.userId, action: "room:read" });
  const [room, replies] = await Promise.all([getRoomWithClub({ roomId }), listRoomReplies({ roomId })]);
  if (!room) throw notFound("This room");
  return { room, replies, role };
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
