import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { books, clubMembers, clubs, type ClubRole } from "@/db/schema/clubs";
import { rooms } from "@/db/schema/discussion";

export async function getMembershipRole(input: { clubId: string; userId: string }): Promise<ClubRole | null> {
  const [row] = await getDb()
    .select({ role: clubMembers.role })
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, input.clubId), eq(clubMembers.userId, input.userId)))
    .limit(1);
  return row?.role ?? null;
}

export async function listUserClubs(input: { userId: string }) {
  return getDb()
    .select({
      id: clubs.id,
      name: clubs.name,
      description: clubs.description,
      role: clubMembers.role,
      bookTitle: books.title,
      bookAuthor: books.author,
      lastActivityAt: sql<Date | null>`(select max(${rooms.lastReplyAt}) from ${rooms} where ${rooms.clubId} = ${clubs.id})`.mapWith(
        (value: string | Date | null) => (value === null ? null : new Date(value)),
      ),
    })
    .from(clubMembers)
    .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
    .leftJoin(books, eq(books.id, clubs.currentBookId))
    .where(eq(clubMembers.userId, input.userId))
    .orderBy(asc(clubs.name));
}

export async function getClubWithBook(input: { clubId: string }) {
  const [row] = await getDb()
    .select({
      id: clubs.id,
      name: clubs.name,
      description: clubs.description,
      book: {
        id: books.id,
        title: books.title,
        author: books.author,
        year: books.year,
        description: books.description,
      },
    })
    .from(clubs)
    .leftJoin(books, eq(books.id, clubs.currentBookId))
    .where(eq(clubs.id, input.clubId))
    .limit(1);
  return row ?? null;
}

/** A new club and its creator's owner membership, written together or not at all. */
export async function createClubWithOwner(input: { name: string; description: string; language: string; ownerId: string }): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const [club] = await tx.insert(clubs).values({ name: input.name, description: input.description, language: input.language }).returning({ id: clubs.id });
    if (!club) throw new Error("The club row was not returned after insert.");
    await tx.insert(clubMembers).values({ clubId: club.id, userId: input.ownerId, role: "owner" });
    return club;
  });
}

export async function getClubName(input: { clubId: string }): Promise<{ id: string; name: string } | null> {
  const [row] = await getDb().select({ id: clubs.id, name: clubs.name }).from(clubs).where(eq(clubs.id, input.clubId)).limit(1);
  return row ?? null;
}

/** What the owner's settings page shows and edits: the club's name, description and language. */
export async function getClubSettings(input: { clubId: string }): Promise<{ id: string; name: string; description: string; language: string } | null> {
  const [row] = await getDb()
    .select({ id: clubs.id, name: clubs.name, description: clubs.description, language: clubs.language })
    .from(clubs)
    .where(eq(clubs.id, input.clubId))
    .limit(1);
  return row ?? null;
}

/** Renames the club and rewrites its description; null when the club is gone. */
export async function updateClubDetails(input: { clubId: string; name: string; description: string }): Promise<{ id: string; name: string; description: string } | null> {
  const [row] = await getDb()
    .update(clubs)
    .set({ name: input.name, description: input.description })
    .where(eq(clubs.id, input.clubId))
    .returning({ id: clubs.id, name: clubs.name, description: clubs.description });
  return row ?? null;
}
