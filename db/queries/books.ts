import "server-only";
import { and, asc, desc, eq, exists, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { books, clubs } from "@/db/schema/clubs";
import { rooms } from "@/db/schema/discussion";

const bookColumns = {
  id: books.id,
  clubId: books.clubId,
  title: books.title,
  author: books.author,
  year: books.year,
  coverUrl: books.coverUrl,
  description: books.description,
  summary: books.summary,
  shape: books.shape,
  createdAt: books.createdAt,
};

export type BookValues = { title: string; author: string; year: number | null; coverUrl: string | null; description: string; summary?: string };

export async function getClubSummary(input: { clubId: string }) {
  const [row] = await getDb()
    .select({ id: clubs.id, name: clubs.name, description: clubs.description, currentBookId: clubs.currentBookId })
    .from(clubs)
    .where(eq(clubs.id, input.clubId))
    .limit(1);
  return row ?? null;
}

/** A book, only if it belongs to this club: ids mixed across clubs find nothing. */
export async function getClubBook(input: { clubId: string; bookId: string }) {
  const [row] = await getDb()
    .select(bookColumns)
    .from(books)
    .where(and(eq(books.id, input.bookId), eq(books.clubId, input.clubId)))
    .limit(1);
  return row ?? null;
}

/** Every book the club has read or is reading, newest first, with how many questions each has. */
export async function listClubBooks(input: { clubId: string }) {
  return getDb()
    .select({ ...bookColumns, roomCount: sql<number>`count(${rooms.id})::int` })
    .from(books)
    .leftJoin(rooms, and(eq(rooms.bookId, books.id), isNull(rooms.archivedAt)))
    .where(eq(books.clubId, input.clubId))
    .groupBy(books.id)
    .orderBy(desc(books.createdAt), asc(books.title));
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Adds a book and, when asked, makes it the club's current one, in one transaction. */
export async function createBook(input: { clubId: string; values: BookValues; makeCurrent: boolean }) {
  return getDb().transaction((tx) => insertClubBook(tx, input));
}

/**
 * createBook's writes on a caller's transaction, for a write that adds a book alongside its own
 * rows (a next-book vote's winner: db/queries/polls.ts).
 */
export async function insertClubBook(tx: Transaction, input: { clubId: string; values: BookValues; makeCurrent: boolean }) {
  const [book] = await tx
    .insert(books)
    .values({ clubId: input.clubId, ...input.values })
    .returning(bookColumns);
  if (!book) throw new Error("Insert returned no book");
  if (input.makeCurrent) await tx.update(clubs).set({ currentBookId: book.id }).where(eq(clubs.id, input.clubId));
  return book;
}

export async function updateBook(input: { clubId: string; bookId: string; values: BookValues }) {
  const [book] = await getDb()
    .update(books)
    .set(input.values)
    .where(and(eq(books.id, input.bookId), eq(books.clubId, input.clubId)))
    .returning(bookColumns);
  return book ?? null;
}

/** Points the club at one of its own books; returns false when the book is not the club's. */
export async function setCurrentBook(input: { clubId: string; bookId: string }): Promise<boolean> {
  const updated = await getDb()
    .update(clubs)
    .set({ currentBookId: input.bookId })
    .where(
      and(
        eq(clubs.id, input.clubId),
        exists(getDb().select({ id: books.id }).from(books).where(and(eq(books.id, input.bookId), eq(books.clubId, input.clubId)))),
      ),
    )
    .returning({ id: clubs.id });
  return updated.length > 0;
}
