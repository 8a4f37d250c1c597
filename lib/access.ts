import "server-only";
import { getClubBook } from "@/db/queries/books";
import { getMembershipRole } from "@/db/queries/clubs";
import { getClubMeeting, getMeetingWithClub, type MeetingRow } from "@/db/queries/meetings";
import { getClubQuestion } from "@/db/queries/questions";
import { getReplyAccessInfo } from "@/db/queries/replies";
import { getRoomMembership } from "@/db/queries/rooms";
import type { ClubRole } from "@/db/schema/clubs";
import { AppError, notFound, type MissingThing } from "@/lib/errors";
import type { ErrorText } from "@/lib/i18n/error-text";
import { can } from "@/lib/permissions";

// The one module that resolves an object a request names (club, room, reply, book, question,
// meeting) to its club and the caller's role there. Doors call these in their `resolve` step,
// then ask lib/permissions.ts. A stranger learns nothing (not found, exactly as for an id that does not
// exist); a member who may see the object but not do this is told so plainly (forbidden).

export type ClubAccess = { clubId: string; role: ClubRole };
export type RoomAccess = ClubAccess & { roomId: string };
export type ReplyAccess = RoomAccess & { replyId: string; isAuthor: boolean };

/** A member's role in the club; to anyone else the club is not there. */
export async function resolveClub(input: { clubId: string; userId: string; what?: MissingThing }): Promise<ClubAccess> {
  const role = await getMembershipRole({ clubId: input.clubId, userId: input.userId });
  if (!role || !can(role, "club:view")) throw notFound(input.what ?? "club");
  return { clubId: input.clubId, role };
}

/**
 * A room's club and the caller's role there, or not-found: the same rule as resolveClub, read in
 * one query with the room (every post into a room starts here).
 */
export async function resolveRoom(input: { roomId: string; userId: string; what?: MissingThing }): Promise<RoomAccess> {
  const found = await getRoomMembership({ roomId: input.roomId, userId: input.userId });
  if (!found?.role || !can(found.role, "club:view")) throw notFound(input.what ?? "room");
  return { clubId: found.clubId, role: found.role, roomId: input.roomId };
}

/**
 * A reply's room and club and the caller's role there. The club checked is always the reply's
 * own, so an id from a club the caller is not in is simply not found.
 */
export async function resolveReply(input: { replyId: string; userId: string }): Promise<ReplyAccess> {
  const info = await getReplyAccessInfo({ replyId: input.replyId });
  if (!info) throw notFound("reply");
  const access = await resolveRoom({ roomId: info.roomId, userId: input.userId, what: "reply" });
  return { ...access, replyId: input.replyId, isAuthor: info.authorId === input.userId };
}

/** Throws forbidden with `refusal` unless `allowed`: for members, who may see the object anyway. */
export function ensure(allowed: boolean, refusal: ErrorText): void {
  if (!allowed) throw new AppError("forbidden", refusal);
}

// ---- the caller's own things ----

/**
 * For doors that name no object but the caller's own rows (their profile, notifications, list
 * of clubs): being signed in is the whole permission, and every query the act runs is keyed by
 * this user id, so nobody else's rows can be reached.
 */
export async function resolveSelf(input: { userId: string }): Promise<{ userId: string }> {
  return { userId: input.userId };
}

// ---- a club's books, questions and meetings ----
// These objects are named under their club in URLs (/clubs/:clubId/books/:bookId), so the club
// is resolved (and the caller authorized there) first, and the object must then belong to that
// club: an id from another club is simply not found, even to someone who may see that club.

export type BookAccess = ClubAccess & { book: NonNullable<Awaited<ReturnType<typeof getClubBook>>> };
export type QuestionAccess = ClubAccess & { question: NonNullable<Awaited<ReturnType<typeof getClubQuestion>>> };
export type MeetingOfClubAccess = ClubAccess & { meeting: MeetingRow };
export type MeetingAccess = ClubAccess & { meetingId: string; meeting: MeetingRow & { clubName: string } };

/** The club's book with this id, for a caller already resolved to the club; any other id is not found. */
export async function resolveBook(input: { club: ClubAccess; bookId: string }): Promise<BookAccess> {
  const book = await getClubBook({ clubId: input.club.clubId, bookId: input.bookId });
  if (!book) throw notFound("book");
  return { ...input.club, book };
}

/** A live (not archived) discussion question of the club, for a caller already resolved to it; anything else is not found. */
export async function resolveQuestion(input: { club: ClubAccess; roomId: string }): Promise<QuestionAccess> {
  const question = await getClubQuestion({ clubId: input.club.clubId, roomId: input.roomId });
  if (!question) throw notFound("question");
  return { ...input.club, question };
}

/** A member's role in the club, for reading its meetings; to anyone else the club is not there. */
export async function resolveClubMeetings(input: { clubId: string; userId: string }): Promise<ClubAccess> {
  const access = await resolveClub(input);
  if (!can(access.role, "meeting:view")) throw notFound("club");
  return access;
}

/** The club's meeting with this id, for a caller already resolved to the club; another club's meeting is not found. */
export async function resolveMeetingOfClub(input: { club: ClubAccess; meetingId: string }): Promise<MeetingOfClubAccess> {
  const meeting = await getClubMeeting({ clubId: input.club.clubId, meetingId: input.meetingId });
  if (!meeting) throw notFound("meeting");
  return { ...input.club, meeting };
}

/**
 * A meeting named by its id alone (an .ics download, the live meeting), with its club's name, for a member who may
 * see the club's meetings. A stranger and a meeting that does not exist look the same: not found.
 */
export async function resolveMeeting(input: { meetingId: string; userId: string }): Promise<MeetingAccess> {
  const meeting = await getMeetingWithClub({ meetingId: input.meetingId });
  if (!meeting) throw notFound("meeting");
  const access = await resolveClub({ clubId: meeting.clubId, userId: input.userId, what: "meeting" });
  if (!can(access.role, "meeting:view")) throw notFound("meeting");
  return { ...access, meetingId: meeting.id, meeting };
}
