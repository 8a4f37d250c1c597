import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { books, clubs } from "@/db/schema/clubs";
import { createBook, loadBookPage, loadClubBooks, loadClubOverview, setCurrentBook, updateBook } from "@/lib/books/books";
import { loadRoomPage } from "@/lib/discussion/room-reading";
import { AppError } from "@/lib/errors";
import { createTestClub, createTestUser } from "./factories";

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function clubState(clubId: string) {
  const db = getDb();
  const [club] = await db.select({ currentBookId: clubs.currentBookId }).from(clubs).where(eq(clubs.id, clubId));
  const rows = await db
    .select({ id: books.id, title: books.title, author: books.author, year: books.year, coverUrl: books.coverUrl, description: books.description })
    .from(books)
    .where(eq(books.clubId, clubId))
    .orderBy(asc(books.id));
  return { currentBookId: club?.currentBookId ?? null, books: rows };
}

async function setting() {
  const moderator = await createTestUser("Moderator");
  const member = await createTestUser("Member");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: moderator.id, role: "moderator" },
      { userId: member.id, role: "member" },
    ],
  });
  return { moderator, member, stranger, club };
}

const newBook = {
  title: "  Klara and the Sun ",
  author: "Kazuo Ishiguro",
  year: "2021",
  coverUrl: "https://covers.example.org/klara.jpg",
  description: "An Artificial Friend watches the world from a shop window.",
};

describe("a moderator", () => {
  it("adds a book with its details trimmed, leaving the current book alone unless asked", async () => {
    const { moderator, club } = await setting();
    const book = await createBook({ clubId: club.clubId, userId: moderator.id, body: newBook });

    expect(book).toMatchObject({ title: "Klara and the Sun", author: "Kazuo Ishiguro", year: 2021, coverUrl: "https://covers.example.org/klara.jpg" });
    const state = await clubState(club.clubId);
    expect(state.books.map((row) => row.id)).toContain(book.id);
    expect(state.currentBookId).toBe(club.bookId);
  });

  it("adds a book and makes it the current one in the same step", async () => {
    const { moderator, club } = await setting();
    const book = await createBook({ clubId: club.clubId, userId: moderator.id, body: { ...newBook, makeCurrent: true } });
    expect((await clubState(club.clubId)).currentBookId).toBe(book.id);
  });

  it("makes the first book of a club without one its current book", async () => {
    const { moderator, club } = await setting();
    await getDb().update(clubs).set({ currentBookId: null }).where(eq(clubs.id, club.clubId));
    const book = await createBook({ clubId: club.clubId, userId: moderator.id, body: newBook });
    expect((await clubState(club.clubId)).currentBookId).toBe(book.id);
  });

  it("edits a book, clearing optional fields left blank", async () => {
    const { moderator, club } = await setting();
    const updated = await updateBook({
      clubId: club.clubId,
      bookId: club.bookId,
      userId: moderator.id,
      body: { title: "Never Let Me Go", author: "Kazuo Ishiguro", year: "", coverUrl: "", description: "Hailsham, and after." },
    });
    expect(updated).toMatchObject({ title: "Never Let Me Go", year: null, coverUrl: null, description: "Hailsham, and after." });
    const [row] = (await clubState(club.clubId)).books;
    expect(row).toMatchObject({ title: "Never Let Me Go", year: null, coverUrl: null });
  });

  it("sets the club's current book, and the earlier one is listed as past", async () => {
    const { moderator, club } = await setting();
    const next = await createBook({ clubId: club.clubId, userId: moderator.id, body: newBook });
    await setCurrentBook({ clubId: club.clubId, bookId: next.id, userId: moderator.id });

    expect((await clubState(club.clubId)).currentBookId).toBe(next.id);
    const listing = await loadClubBooks({ clubId: club.clubId, userId: moderator.id });
    expect(listing.current?.id).toBe(next.id);
    expect(listing.past.map((book) => ({ id: book.id, roomCount: book.roomCount }))).toEqual([{ id: club.bookId, roomCount: 2 }]);
    expect(listing.current?.roomCount).toBe(0);
  });

  it("is refused bad details with a message, and nothing changes", async () => {
    const { moderator, club } = await setting();
    const before = await clubState(club.clubId);
    const cases = [
      { values: { ...newBook, title: "   " }, field: "title" },
      { values: { ...newBook, author: "x".repeat(201) }, field: "author" },
      { values: { ...newBook, year: String(new Date().getFullYear() + 2) }, field: "year" },
      { values: { ...newBook, coverUrl: "http://covers.example.org/klara.jpg" }, field: "coverUrl" },
      { values: { ...newBook, coverUrl: "javascript:alert(1)" }, field: "coverUrl" },
      { values: { ...newBook, description: "x".repeat(2001) }, field: "description" },
    ];
    for (const { values, field } of cases) {
      const error = await failure(createBook({ clubId: club.clubId, userId: moderator.id, body: values }));
      expect(error.code).toBe("bad_request");
      expect(error.fields?.[field]).toBeTruthy();
      const editError = await failure(updateBook({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id, body: values }));
      expect(editError.code).toBe("bad_request");
    }
    expect(await clubState(club.clubId)).toEqual(before);
  });

  it("gets not-found for a book of another club, and neither club changes", async () => {
    const { moderator, club } = await setting();
    const other = await createTestClub({ members: [{ userId: moderator.id, role: "moderator" }] });
    const before = [await clubState(club.clubId), await clubState(other.clubId)];

    expect((await failure(setCurrentBook({ clubId: club.clubId, bookId: other.bookId, userId: moderator.id }))).code).toBe("not_found");
    expect((await failure(updateBook({ clubId: club.clubId, bookId: other.bookId, userId: moderator.id, body: newBook }))).code).toBe("not_found");
    expect((await failure(loadBookPage({ clubId: club.clubId, bookId: other.bookId, userId: moderator.id }))).code).toBe("not_found");
    expect([await clubState(club.clubId), await clubState(other.clubId)]).toEqual(before);
  });
});

describe("a member", () => {
  it("is forbidden to add, edit or switch books, and nothing changes", async () => {
    const { moderator, member, club } = await setting();
    const spare = await createBook({ clubId: club.clubId, userId: moderator.id, body: newBook });
    const before = await clubState(club.clubId);

    for (const attempt of [
      () => createBook({ clubId: club.clubId, userId: member.id, body: { ...newBook, makeCurrent: true } }),
      () => updateBook({ clubId: club.clubId, bookId: club.bookId, userId: member.id, body: newBook }),
      () => setCurrentBook({ clubId: club.clubId, bookId: spare.id, userId: member.id }),
    ]) {
      const error = await failure(attempt());
      expect(error.code).toBe("forbidden");
      expect(error.message).toMatch(/moderators/);
    }
    expect(await clubState(club.clubId)).toEqual(before);
  });

  it("can still read a past book and its rooms after the club moves on", async () => {
    const { moderator, member, club } = await setting();
    const next = await createBook({ clubId: club.clubId, userId: moderator.id, body: { ...newBook, makeCurrent: true } });

    const overview = await loadClubOverview({ clubId: club.clubId, userId: member.id });
    expect(overview.book?.id).toBe(next.id);
    expect(overview.rooms).toEqual([]);
    expect(overview.pastBooks.map((book) => book.id)).toEqual([club.bookId]);

    const past = await loadBookPage({ clubId: club.clubId, bookId: club.bookId, userId: member.id });
    expect(past.isCurrent).toBe(false);
    expect(past.rooms.map((room) => room.id)).toEqual(club.roomIds);
    const room = await loadRoomPage({ roomId: club.roomIds[0]!, userId: member.id, body: {} });
    expect(room.room.book.id).toBe(club.bookId);
  });
});

describe("a stranger", () => {
  it("gets not-found for every book page and action, and nothing changes", async () => {
    const { stranger, club } = await setting();
    const before = await clubState(club.clubId);

    for (const attempt of [
      () => loadClubBooks({ clubId: club.clubId, userId: stranger.id }),
      () => loadClubOverview({ clubId: club.clubId, userId: stranger.id }),
      () => loadBookPage({ clubId: club.clubId, bookId: club.bookId, userId: stranger.id }),
      () => createBook({ clubId: club.clubId, userId: stranger.id, body: { ...newBook, makeCurrent: true } }),
      () => updateBook({ clubId: club.clubId, bookId: club.bookId, userId: stranger.id, body: newBook }),
      () => setCurrentBook({ clubId: club.clubId, bookId: club.bookId, userId: stranger.id }),
    ]) {
      expect((await failure(attempt())).code).toBe("not_found");
    }
    expect(await clubState(club.clubId)).toEqual(before);
  });

  it("gets the same not-found for malformed ids", async () => {
    const { moderator, club } = await setting();
    expect((await failure(loadClubBooks({ clubId: "not-a-uuid", userId: moderator.id }))).code).toBe("not_found");
    expect((await failure(loadBookPage({ clubId: club.clubId, bookId: "../x", userId: moderator.id }))).code).toBe("not_found");
  });
});
