import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { books, clubMembers, clubs, type ClubRole } from "@/db/schema/clubs";
import { rooms } from "@/db/schema/discussion";

export async function listBookRooms(input: { bookId: string }) {
  return getDb()
    .select({
      id: rooms.id,
      position: rooms.position,
      question: rooms.question,
      section: rooms.section,
      reach: rooms.reach,
      replyCount: rooms.replyCount,
      lastReplyAt: rooms.lastReplyAt,
      lockedAt: rooms.lockedAt,
    })
    .from(rooms)
    .where(and(eq(rooms.bookId, input.bookId), isNull(rooms.archivedAt)))
    .orderBy(asc(rooms.position));
}

export async function getRoomWithClub(input: { roomId: string }) {
  const [row] = await getDb()
    .select({
      id: rooms.id,
      clubId: rooms.clubId,
      position: rooms.position,
      question: rooms.question,
      section: rooms.section,
      replyCount: rooms.replyCount,
      lockedAt: rooms.lockedAt,
      archivedAt: rooms.archivedAt,
      club: { id: clubs.id, name: clubs.name },
      book: { id: books.id, title: books.title, author: books.author },
    })
    .from(rooms)
    .innerJoin(clubs, eq(clubs.id, rooms.clubId))
    .innerJoin(books, eq(books.id, rooms.bookId))
    .where(eq(rooms.id, input.roomId))
    .limit(1);
  return row ?? null;
}

/** Only the club a room belongs to: the cheap lookup every authorization check starts from. */
export async function getRoomClubId(input: { roomId: string }): Promise<string | null> {
  const [row] = await getDb().select({ clubId: rooms.clubId }).from(rooms).where(eq(rooms.id, input.roomId)).limit(1);
  return row?.clubId ?? null;
}

/**
 * A room's club and this user's role there (null when not a member), in one lookup; null when
 * there is no such room. What resolving a room for a door starts from (lib/access.ts).
 */
export async function getRoomMembership(input: { roomId: string; userId: string }): Promise<{ clubId: string; role: ClubRole | null } | null> {
  const [row] = await getDb()
    .select({ clubId: rooms.clubId, role: clubMembers.role })
    .from(rooms)
    .leftJoin(clubMembers, and(eq(clubMembers.clubId, rooms.clubId), eq(clubMembers.userId, input.userId)))
    .where(eq(rooms.id, input.roomId))
    .limit(1);
  return row ?? null;
}

/** Locks or unlocks a room; locking an already locked room keeps the time it was first locked. */
export async function setRoomLocked(input: { roomId: string; locked: boolean }): Promise<{ roomId: string; locked: boolean } | null> {
  const [row] = await getDb()
    .update(rooms)
    .set({ lockedAt: input.locked ? sql`coalesce(${rooms.lockedAt}, now())` : null })
    .where(eq(rooms.id, input.roomId))
    .returning({ id: rooms.id, lockedAt: rooms.lockedAt });
  if (!row) return null;
  return { roomId: row.id, locked: row.lockedAt !== null };
}

/** A room's place in its book's list of questions ("Question 4"), or null when there is no such room. */
export async function getRoomPosition(input: { roomId: string }): Promise<number | null> {
  const [row] = await getDb().select({ position: rooms.position }).from(rooms).where(eq(rooms.id, input.roomId)).limit(1);
  return row?.position ?? null;
}

export async function getRoomLockState(input: { roomId: string }): Promise<{ roomId: string; locked: boolean } | null> {
  const [row] = await getDb().select({ id: rooms.id, lockedAt: rooms.lockedAt }).from(rooms).where(eq(rooms.id, input.roomId)).limit(1);
  return row ? { roomId: row.id, locked: row.lockedAt !== null } : null;
}
