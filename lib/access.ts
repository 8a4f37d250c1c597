import "server-only";
import { getMembershipRole } from "@/db/queries/clubs";
import { getReplyAccessInfo } from "@/db/queries/replies";
import { getRoomClubId } from "@/db/queries/rooms";
import type { ClubRole } from "@/db/schema/clubs";
import { AppError, notFound } from "@/lib/errors";
import { can, type ClubAction } from "@/lib/permissions";
import { uuidParam } from "@/lib/validation/ids";

// The one module that resolves an object a request names (club, room, reply) to its club and
// the caller's role there. Doors call these in their `resolve` step, then ask
// lib/permissions.ts. A stranger learns nothing (not found, exactly as for an id that does not
// exist); a member who may see the object but not do this is told so plainly (forbidden).

export type ClubAccess = { clubId: string; role: ClubRole };
export type RoomAccess = ClubAccess & { roomId: string };
export type ReplyAccess = RoomAccess & { replyId: string; isAuthor: boolean };

/** A member's role in the club; to anyone else the club is not there. */
export async function resolveClub(input: { clubId: string; userId: string; what?: string }): Promise<ClubAccess> {
  const role = await getMembershipRole({ clubId: input.clubId, userId: input.userId });
  if (!role || !can(role, "club:view")) throw notFound(input.what ?? "This club");
  return { clubId: input.clubId, role };
}

/** A room's club and the caller's role there, or not-found. */
export async function resolveRoom(input: { roomId: string; userId: string; what?: string }): Promise<RoomAccess> {
  const what = input.what ?? "This room";
  const clubId = await getRoomClubId({ roomId: input.roomId });
  if (!clubId) throw notFound(what);
  const access = await resolveClub({ clubId, userId: input.userId, what });
  return { ...access, roomId: input.roomId };
}

/**
 * A reply's room and club and the caller's role there. The club checked is always the reply's
 * own, so an id from a club the caller is not in is simply not found.
 */
export async function resolveReply(input: { replyId: string; userId: string }): Promise<ReplyAccess> {
  const info = await getReplyAccessInfo({ replyId: input.replyId });
  if (!info) throw notFound("This reply");
  const access = await resolveRoom({ roomId: info.roomId, userId: input.userId, what: "This reply" });
  return { ...access, replyId: input.replyId, isAuthor: info.authorId === input.userId };
}

/** Throws forbidden with `refusal` unless `allowed`: for members, who may see the object anyway. */
export function ensure(allowed: boolean, refusal: string): void {
  if (!allowed) throw new AppError("forbidden", refusal);
}

// ---- for callers that hold an id from outside, not yet parsed ----

/** A club id from outside, or not-found: for services that check membership inside their own transaction. */
export function clubIdOrNotFound(value: unknown): string {
  const parsed = uuidParam.safeParse(value);
  if (!parsed.success) throw notFound("This club");
  return parsed.data;
}

/** A member's role in the club named by an unparsed id; to anyone else (or for an id that cannot exist) the club is not there. */
export async function requireMember(input: { clubId: unknown; userId: string }): Promise<ClubAccess> {
  return resolveClub({ clubId: clubIdOrNotFound(input.clubId), userId: input.userId });
}

/**
 * For moderator actions: strangers get not-found (a private club does not exist for them), while
 * a member, who can see the club anyway, is told plainly that this is for moderators.
 */
export async function requireClubPermission(input: { clubId: unknown; userId: string; action: ClubAction; refusal: string }): Promise<ClubAccess> {
  const access = await requireMember(input);
  ensure(can(access.role, input.action), input.refusal);
  return access;
}

/** The caller's role in the club if they may take `action` there; otherwise the club does not exist for them. */
export async function requireClubAccess(input: { clubId: string; userId: string; action: ClubAction; what?: string }): Promise<ClubRole> {
  const role = await getMembershipRole({ clubId: input.clubId, userId: input.userId });
  if (!role || !can(role, input.action)) throw notFound(input.what);
  return role;
}

/** Resolves a room id from outside to its club and the caller's role there, or not-found. */
export async function requireRoomAccess(input: { roomId: unknown; userId: string; action: ClubAction; what?: string }): Promise<RoomAccess> {
  const what = input.what ?? "This room";
  const parsed = uuidParam.safeParse(input.roomId);
  if (!parsed.success) throw notFound(what);
  const access = await resolveRoom({ roomId: parsed.data, userId: input.userId, what });
  if (!can(access.role, input.action)) throw notFound(what);
  return access;
}
