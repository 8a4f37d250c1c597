import { getMembershipRole } from "@/db/queries/clubs";
import { getReplyAccessInfo } from "@/db/queries/replies";
import { getRoomClubId } from "@/db/queries/rooms";
import type { ClubRole } from "@/db/schema/clubs";
import { AppError, notFound } from "@/lib/errors";
import { can, type ClubAction } from "@/lib/permissions";
import { uuidParam } from "@/lib/validation/ids";

// Every entry point starts here: resolve the object it names to its club, then ask
// lib/permissions.ts about the caller's role there. A stranger learns nothing (not found); a
// member who may see the club but not do this is told so (forbidden).

/** A member's role in the club; to anyone else (or for an id that cannot exist) the club is not there. */
export async function requireMember(input: { clubId: unknown; userId: string }): Promise<{ clubId: string; role: ClubRole }> {
  const clubId = clubIdOrNotFound(input.clubId);
  const role = await getMembershipRole({ clubId, userId: input.userId });
  if (!role || !can(role, "club:view")) throw notFound("This club");
  return { clubId, role };
}

/** A club id from outside, or not-found: for services that check membership inside their own transaction. */
export function clubIdOrNotFound(value: unknown): string {
  const parsed = uuidParam.safeParse(value);
  if (!parsed.success) throw notFound("This club");
  return parsed.data;
}

/**
 * For moderator actions: strangers get not-found (a private club does not exist for them), while
 * a member, who can see the club anyway, is told plainly that this is for moderators.
 */
export async function requireClubPermission(input: { clubId: unknown; userId: string; action: ClubAction; refusal: string }) {
  const access = await requireMember(input);
  if (!can(access.role, input.action)) throw new AppError("forbidden", input.refusal);
  return access;
}

/** The caller's role in the club if they may take `action` there; otherwise the club does not exist for them. */
export async function requireClubAccess(input: { clubId: string; userId: string; action: ClubAction; what?: string }): Promise<ClubRole> {
  const role = await getMembershipRole({ clubId: input.clubId, userId: input.userId });
  if (!role || !can(role, input.action)) throw notFound(input.what);
  return role;
}

/** Resolves a room id from outside to its club and the caller's role there, or not-found. */
export async function requireRoomAccess(input: { roomId: unknown; userId: string; action: ClubAction; what?: string }) {
  const what = input.what ?? "This room";
  const parsed = uuidParam.safeParse(input.roomId);
  if (!parsed.success) throw notFound(what);
  const clubId = await getRoomClubId({ roomId: parsed.data });
  if (!clubId) throw notFound(what);
  const role = await requireClubAccess({ clubId, userId: input.userId, action: input.action, what });
  return { roomId: parsed.data, clubId, role };
}

/**
 * Resolves a reply id from outside to the room and club it belongs to and the caller's role
 * there. The club checked is always the reply's own, so an id from a club the caller is not in
 * is simply not found.
 */
export async function requireReplyAccess(input: { replyId: unknown; userId: string }) {
  const parsed = uuidParam.safeParse(input.replyId);
  if (!parsed.success) throw notFound("This reply");
  const info = await getReplyAccessInfo({ replyId: parsed.data });
  if (!info) throw notFound("This reply");
  const access = await requireRoomAccess({ roomId: info.roomId, userId: input.userId, action: "room:read", what: "This reply" });
  return { ...access, replyId: parsed.data, isAuthor: info.authorId === input.userId };
}
