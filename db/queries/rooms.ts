import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/index";
import { books, clubs } from "@/db/schema/clubs";
import { rooms } from "@/db/schema/discussion";

export async function listBookRooms(input: { bookId: string }) {
  return getDb()
    .select({
      id: rooms.id,
      position: rooms.position,
      question: rooms.question,
      section: rooms.section,
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
