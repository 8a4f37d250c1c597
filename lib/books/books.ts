import "server-only";
import { z } from "zod";
import {
  createBook as insertBook,
  getClubSummary,
  listClubBooks,
  setCurrentBook as pointClubAtBook,
  updateBook as writeBook,
} from "@/db/queries/books";
import { listBookRooms } from "@/db/queries/rooms";
import { ensure, resolveBook, resolveClub, type ClubAccess } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { bookInput, createBookInput } from "@/lib/validation/books";
import { clubParams } from "@/lib/validation/clubs";
import { uuidParam } from "@/lib/validation/ids";
import { errorText } from "@/lib/i18n/error-text";

// The doors of a club's books: the club page, the books list, one book, and a moderator's
// adding, editing and choosing the current one. Each is a door (lib/doors/door.ts): ids parsed,
// the club (and book) resolved for the caller, the payload parsed, then the act.

export const bookParams = z.object({ clubId: uuidParam, bookId: uuidParam });

const bookRefusal = errorText("book.refuse");

/** The club for a member who may manage its books; strangers find no club, members are told it's for moderators. */
async function resolveBookManager(input: { clubId: string; userId: string }): Promise<ClubAccess> {
  const access = await resolveClub(input);
  ensure(can(access.role, "book:manage"), bookRefusal);
  return access;
}

/** The club's book, for a member who may manage its books. */
async function resolveManagedBook({ params, userId }: { params: { clubId: string; bookId: string }; userId: string }) {
  return resolveBook({ club: await resolveBookManager({ clubId: params.clubId, userId }), bookId: params.bookId });
}

async function requireClub(clubId: string) {
  const club = await getClubSummary({ clubId });
  if (!club) throw notFound("club");
  return club;
}

/** The club page: the current book with its rooms, and the earlier books to link to. */
export const loadClubOverview = door({
  params: clubParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  act: async ({ params, target }) => {
    const [club, books] = await Promise.all([requireClub(params.clubId), listClubBooks({ clubId: params.clubId })]);
    const book = books.find((candidate) => candidate.id === club.currentBookId) ?? null;
    const rooms = book ? await listBookRooms({ bookId: book.id }) : [];
    const pastBooks = books.filter((candidate) => candidate.id !== club.currentBookId);
    return done({ club, book, rooms, pastBooks, role: target.role });
  },
});

/** The books page: the current book first, then the earlier ones. */
export const loadClubBooks = door({
  params: clubParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  act: async ({ params, target }) => {
    const [club, books] = await Promise.all([requireClub(params.clubId), listClubBooks({ clubId: params.clubId })]);
    const current = books.find((book) => book.id === club.currentBookId) ?? null;
    const past = books.filter((book) => book.id !== club.currentBookId);
    return done({ club, role: target.role, current, past });
  },
});

/** One book and its rooms; every member may read any of the club's books, past or current. */
export const loadBookPage = door({
  params: bookParams,
  what: "book",
  resolve: async ({ params, userId }) => resolveBook({ club: await resolveClub({ clubId: params.clubId, userId }), bookId: params.bookId }),
  act: async ({ params, target }) => {
    const { book } = target;
    const [club, rooms] = await Promise.all([requireClub(params.clubId), listBookRooms({ bookId: book.id })]);
    return done({ club, book, rooms, role: target.role, isCurrent: club.currentBookId === book.id });
  },
});

/** A moderator adds a book; `makeCurrent` (or the club having none yet) makes it the one being read. */
export const createBook = door({
  params: clubParams,
  what: "club",
  resolve: ({ params, userId }) => resolveBookManager({ clubId: params.clubId, userId }),
  body: createBookInput,
  act: async ({ params, body }) => {
    const { makeCurrent, ...values } = body;
    const club = await requireClub(params.clubId);
    // A club's first book is the one it is reading: there is nothing else to show on the club page.
    return done(await insertBook({ clubId: params.clubId, values, makeCurrent: makeCurrent || club.currentBookId === null }));
  },
});

/** A moderator corrects a book's details. */
export const updateBook = door({
  params: bookParams,
  what: "book",
  resolve: resolveManagedBook,
  body: bookInput,
  act: async ({ params, body, target }) => {
    const updated = await writeBook({ clubId: params.clubId, bookId: target.book.id, values: body });
    if (!updated) throw notFound("book");
    return done(updated);
  },
});

/** A moderator makes one of the club's books the one it is reading now. */
export const setCurrentBook = door({
  params: bookParams,
  what: "book",
  resolve: resolveManagedBook,
  act: async ({ params, target }) => {
    if (!(await pointClubAtBook({ clubId: params.clubId, bookId: target.book.id }))) throw notFound("book");
    return done({ bookId: target.book.id });
  },
});
