import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/index";
import { books, clubMembers, clubs, type ClubRole } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";
import { users } from "@/db/schema/users";

/** Data made unique per test, so tests never need to wipe each other's rows. */
export async function createTestUser(name = "Reader") {
  const tag = randomUUID().slice(0, 8);
  const [user] = await getDb()
    .insert(users)
    .values({ email: `${name.toLowerCase()}-${tag}@example.test`, name: `${name} ${tag}`, passwordHash: null })
    .returning({ id: users.id, name: users.name, email: users.email });
  if (!user) throw new Error("user not created");
  return user;
}

export async function createTestClub(options: { members: { userId: string; role: ClubRole }[]; questions?: string[] }) {
  const db = getDb();
  const [club] = await db.insert(clubs).values({ name: `Club ${randomUUID().slice(0, 8)}` }).returning({ id: clubs.id });
  if (!club) throw new Error("club not created");
  const [book] = await db.insert(books).values({ clubId: club.id, title: "A Test Book", author: "A. Writer", year: 2001 }).returning({ id: books.id });
  if (!book) throw new Error("book not created");
  await db.update(clubs).set({ currentBookId: book.id }).where(eq(clubs.id, club.id));
  if (options.members.length > 0) {
    await db.insert(clubMembers).values(options.members.map((member) => ({ clubId: club.id, ...member })));
  }
  const questions = options.questions ?? ["What did you make of the opening?", "Who changed the most?"];
  const created = await db
    .insert(rooms)
    .values(questions.map((question, index) => ({ clubId: club.id, bookId: book.id, position: index + 1, question })))
    .returning({ id: rooms.id, position: rooms.position });
  const roomIds = created.sort((a, b) => a.position - b.position).map((room) => room.id);
  return { clubId: club.id, bookId: book.id, roomIds };
}

export async function countRoomReplies(roomId: string): Promise<number> {
  const rows = await getDb().select({ id: replies.id }).from(replies).where(eq(replies.roomId, roomId));
  return rows.length;
}

export async function roomCounters(roomId: string) {
  const [row] = await getDb()
    .select({ replySeq: rooms.replySeq, replyCount: rooms.replyCount, lastReplyAt: rooms.lastReplyAt })
    .from(rooms)
    .where(eq(rooms.id, roomId));
  if (!row) throw new Error("room missing");
  return row;
}

export function replyInput(body: string, parentId: string | null = null) {
  return { body, parentId, idempotencyKey: randomUUID() };
}
