import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db/index";
import { books, clubMembers } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";
import { meetings } from "@/db/schema/meetings";
import { readingProgress, replyReveals, roomVeilLifts } from "@/db/schema/reading";
import { users } from "@/db/schema/users";

type StoredShape = NonNullable<typeof books.$inferSelect.shape>;

/** A book's shape, or null when it has none (or the book is not the club's). */
export async function getBookShape(input: { bookId: string }): Promise<StoredShape | null> {
  const [row] = await getDb().select({ shape: books.shape }).from(books).where(eq(books.id, input.bookId)).limit(1);
  return row?.shape ?? null;
}

/** Replaces a club book's shape (null clears it); returns false when the book is not the club's. */
export async function setBookShape(input: { clubId: string; bookId: string; shape: StoredShape | null }): Promise<boolean> {
  const updated = await getDb()
    .update(books)
    .set({ shape: input.shape })
    .where(and(eq(books.id, input.bookId), eq(books.clubId, input.clubId)))
    .returning({ id: books.id });
  return updated.length > 0;
}

/** One member's progress in a book, or null when they haven't said. */
export async function getReadingProgress(input: { userId: string; bookId: string }) {
  const [row] = await getDb()
    .select({ reached: readingProgress.reached, shared: readingProgress.shared, updatedAt: readingProgress.updatedAt })
    .from(readingProgress)
    .where(and(eq(readingProgress.userId, input.userId), eq(readingProgress.bookId, input.bookId)))
    .limit(1);
  return row ?? null;
}

/** Sets a member's progress (a point's rank) and whether others see it; `shared` undefined keeps the current choice. */
export async function upsertReadingProgress(input: { userId: string; bookId: string; reached: number; shared?: boolean; now: Date }) {
  const [row] = await getDb()
    .insert(readingProgress)
    .values({ userId: input.userId, bookId: input.bookId, reached: input.reached, shared: input.shared ?? false, updatedAt: input.now })
    .onConflictDoUpdate({
      target: [readingProgress.userId, readingProgress.bookId],
      set: { reached: input.reached, updatedAt: input.now, ...(input.shared === undefined ? {} : { shared: input.shared }) },
    })
    .returning({ reached: readingProgress.reached, shared: readingProgress.shared, updatedAt: readingProgress.updatedAt });
  if (!row) throw new Error("Upsert returned no progress");
  return row;
}

/**
 * The progress of the club's current members in a book, name order. `sharedOnly` leaves out
 * those who keep it to moderators (what an ordinary member may see).
 */
export async function listMemberProgress(input: { clubId: string; bookId: string; sharedOnly: boolean }) {
  return getDb()
    .select({ userId: users.id, name: users.name, reached: readingProgress.reached, shared: readingProgress.shared })
    .from(readingProgress)
    .innerJoin(clubMembers, and(eq(clubMembers.userId, readingProgress.userId), eq(clubMembers.clubId, input.clubId)))
    .innerJoin(users, eq(users.id, readingProgress.userId))
    .where(and(eq(readingProgress.bookId, input.bookId), input.sharedOnly ? eq(readingProgress.shared, true) : undefined))
    .orderBy(asc(users.name));
}

/** A room's book, reach and the book's shape: what deciding on a veil needs. */
export async function getRoomReach(input: { roomId: string }) {
  const [row] = await getDb()
    .select({ bookId: rooms.bookId, reach: rooms.reach, shape: books.shape, position: rooms.position, question: rooms.question })
    .from(rooms)
    .innerJoin(books, eq(books.id, rooms.bookId))
    .where(eq(rooms.id, input.roomId))
    .limit(1);
  return row ?? null;
}

/** Sets how far a club's room reaches (a rank, or null for unsaid); false when the room is not the club's. */
export async function setRoomReach(input: { clubId: string; roomId: string; reach: number | null }): Promise<boolean> {
  const updated = await getDb()
    .update(rooms)
    .set({ reach: input.reach })
    .where(and(eq(rooms.id, input.roomId), eq(rooms.clubId, input.clubId)))
    .returning({ id: rooms.id });
  return updated.length > 0;
}

/** Whether the member lifted this room's veil before. */
export async function hasLiftedVeil(input: { userId: string; roomId: string }): Promise<boolean> {
  const [row] = await getDb()
    .select({ roomId: roomVeilLifts.roomId })
    .from(roomVeilLifts)
    .where(and(eq(roomVeilLifts.userId, input.userId), eq(roomVeilLifts.roomId, input.roomId)))
    .limit(1);
  return row !== undefined;
}

/** Which of these rooms the member lifted the veil of. */
export async function listLiftedVeils(input: { userId: string; roomIds: string[] }): Promise<Set<string>> {
  if (input.roomIds.length === 0) return new Set();
  const rows = await getDb()
    .select({ roomId: roomVeilLifts.roomId })
    .from(roomVeilLifts)
    .where(and(eq(roomVeilLifts.userId, input.userId), inArray(roomVeilLifts.roomId, input.roomIds)));
  return new Set(rows.map((row) => row.roomId));
}

/** Remembers that the member chose to see this room anyway; lifting twice is harmless. */
export async function liftVeil(input: { userId: string; roomId: string; now: Date }): Promise<void> {
  await getDb().insert(roomVeilLifts).values({ userId: input.userId, roomId: input.roomId, liftedAt: input.now }).onConflictDoNothing();
}

/** The book's meetings that set a chapter target, soonest first (cancelled ones left out): the club's reading schedule. */
export async function listReadingTargets(input: { clubId: string; bookId: string }) {
  return getDb()
    .select({ meetingId: meetings.id, title: meetings.title, startsAt: meetings.startsAt, timeZone: meetings.timeZone, target: meetings.readingTarget, assignment: meetings.readingAssignment })
    .from(meetings)
    .where(and(eq(meetings.clubId, input.clubId), eq(meetings.bookId, input.bookId), isNotNull(meetings.readingTarget), isNull(meetings.cancelledAt)))
    .orderBy(asc(meetings.startsAt));
}

/** The ids of this room's replies the member chose to see despite their spoiler level. */
export async function listRevealedReplies(input: { userId: string; roomId: string }): Promise<Set<string>> {
  const rows = await getDb()
    .select({ replyId: replyReveals.replyId })
    .from(replyReveals)
    .innerJoin(replies, eq(replies.id, replyReveals.replyId))
    .where(and(eq(replyReveals.userId, input.userId), eq(replies.roomId, input.roomId)));
  return new Set(rows.map((row) => row.replyId));
}

/** Remembers that the member chose to see this reply ("Show"); revealing twice is harmless. */
export async function revealReply(input: { userId: string; replyId: string; now: Date }): Promise<void> {
  await getDb().insert(replyReveals).values({ userId: input.userId, replyId: input.replyId, revealedAt: input.now }).onConflictDoNothing();
}
