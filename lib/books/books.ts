import {
  createBook as insertBook,
  getClubBook,
  getClubSummary,
  listClubBooks,
  setCurrentBook as pointClubAtBook,
  updateBook as writeBook,
} from "@/db/queries/books";
import { listBookRooms } from "@/db/queries/rooms";
import { requireClubPermission, requireMember } from "@/lib/access";
import { notFound } from "@/lib/errors";
import { bookInput, createBookInput } from "@/lib/validation/books";
import { parseInput } from "@/lib/validation/parse";
import { uuidParam } from "@/lib/validation/ids";

/** The club's book with this id; a malformed id or another club's book is simply not found. */
export async function requireClubBook(input: { clubId: string; bookId: unknown }) {
  const parsed = uuidParam.safeParse(input.bookId);
  if (!parsed.success) throw notFound("This book");
  const book = await getClubBook({ clubId: input.clubId, bookId: parsed.data });
  if (!book) throw notFound("This book");
  return book;
}

const bookRefusal = "Only the club's moderators can add or change books.";

async function requireClub(clubId: string) {
  const club = await getClubSummary({ clubId });
  if (!club) throw notFound("This club");
  return club;
}

/** The club page: the current book with its rooms, and the earlier books to link to. */
export async function loadClubOverview(input: { clubId: string; userId: string }) {
  const { clubId, role } = await requireMember(input);
  const [club, books] = await Promise.all([requireClub(clubId), listClubBooks({ clubId })]);
  const book = books.find((candidate) => candidate.id === club.currentBookId) ?? null;
  const rooms = book ? await listBookRooms({ bookId: book.id }) : [];
  const pastBooks = books.filter((candidate) => candidate.id !== club.currentBookId);
  return { club, book, rooms, pastBooks, role };
}

/** The books page: the current book first, then the earlier ones. */
export async function loadClubBooks(input: { clubId: string; userId: string }) {
  const { clubId, role } = await requireMember(input);
  const [club, books] = await Promise.all([requireClub(clubId), listClubBooks({ clubId })]);
  const current = books.find((book) => book.id === club.currentBookId) ?? null;
  const past = books.filter((book) => book.id !== club.currentBookId);
  return { club, role, current, past };
}

/** One book and its rooms; every member may read any of the club's books, past or current. */
export async function loadBookPage(input: { clubId: string; bookId: string; userId: string }) {
  const { clubId, role } = await requireMember(input);
  const [club, book] = await Promise.all([requireClub(clubId), requireClubBook({ clubId, bookId: input.bookId })]);
  const rooms = await listBookRooms({ bookId: book.id });
  return { club, book, rooms, role, isCurrent: club.currentBookId === book.id };
}

export async function createBook(input: { clubId: unknown; userId: string; values: unknown }) {
  const { clubId } = await requireClubPermission({ ...input, action: "book:manage", refusal: bookRefusal });
  const { makeCurrent, ...values } = parseInput(createBookInput, input.values);
  const club = await requireClub(clubId);
  // A club's first book is the one it is reading: there is nothing else to show on the club page.
  return insertBook({ clubId, values, makeCurrent: makeCurrent || club.currentBookId === null });
}

export async function updateBook(input: { clubId: unknown; bookId: unknown; userId: string; values: unknown }) {
  const { clubId } = await requireClubPermission({ ...input, action: "book:manage", refusal: bookRefusal });
  const book = await requireClubBook({ clubId, bookId: input.bookId });
  const values = parseInput(bookInput, input.values);
  const updated = await writeBook({ clubId, bookId: book.id, values });
  if (!updated) throw notFound("This book");
  return updated;
}

export async function setCurrentBook(input: { clubId: unknown; bookId: unknown; userId: string }) {
  const { clubId } = await requireClubPermission({ ...input, action: "book:manage", refusal: bookRefusal });
  const book = await requireClubBook({ clubId, bookId: input.bookId });
  if (!(await pointClubAtBook({ clubId, bookId: book.id }))) throw notFound("This book");
  return { bookId: book.id };
}
