import "server-only";
import { z } from "zod";
import {
  getReadingProgress,
  getRoomReach,
  hasLiftedVeil,
  listLiftedVeils,
  listMemberProgress,
  listReadingTargets,
  liftVeil,
  setBookShape,
  setRoomReach,
  upsertReadingProgress,
} from "@/db/queries/reading";
import { listBookRooms } from "@/db/queries/rooms";
import { ensure, resolveBook, resolveClub, resolveQuestion, resolveRoom, type ClubAccess } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import { can, type ClubRole } from "@/lib/permissions";
import { bookShapeInput } from "@/lib/validation/book-shape";
import { uuidParam } from "@/lib/validation/ids";
import { roomParams } from "@/lib/validation/replies";
import { END_RANK, isBeyond, isPointOf, pointFromRank, rankOf, type BookShape } from "./points";
import { bookParams } from "./books";
import { errorKey, errorText } from "@/lib/i18n/error-text";

// Reading at one's own pace: a book's shape (moderators), each member's progress in it, the
// club's reading schedule, how far each question room reaches, and the veil over a room that
// reaches past the reader. Points are ranks (lib/books/points.ts), and leave here as ranks: each
// page says them in its reader's language (lib/discussion/point-words.ts rankWords).

const questionParams = z.object({ clubId: uuidParam, roomId: uuidParam });

const rank = z
  .number({ error: errorKey("book.point") })
  .int(errorKey("book.point"))
  .min(0, errorKey("book.point"))
  .max(END_RANK, errorKey("book.point"));

/** A member's progress: how far they've read (a rank) and, optionally, whether other members see it. */
const progressInput = z.object({ reached: rank, shared: z.boolean().optional() });

/** How far a room reaches: a rank, or null to say nothing (the room is never veiled). */
const reachInput = z.object({ reach: rank.nullable() });

/** Throws a 400 unless `value` is a point of this book: a chapter it doesn't have names nothing. */
function ensurePointOf(value: number, shape: BookShape | null, field: string): void {
  if (isPointOf(value, shape)) return;
  const message = shape ? errorText("book.pointOutside", { chapters: shape.chapters }) : errorText("book.pointNoChapters");
  throw new AppError("bad_request", message, { [field]: message });
}

async function resolveBookManager({ params, userId }: { params: { clubId: string; bookId: string }; userId: string }) {
  const club = await resolveClub({ clubId: params.clubId, userId });
  ensure(can(club.role, "book:manage"), errorText("book.refuseShape"));
  return resolveBook({ club, bookId: params.bookId });
}

async function resolveMemberBook({ params, userId }: { params: { clubId: string; bookId: string }; userId: string }) {
  return resolveBook({ club: await resolveClub({ clubId: params.clubId, userId }), bookId: params.bookId });
}

/** A moderator gives a book its chapters and parts (or clears them: null). */
export const updateBookShape = door({
  params: bookParams,
  what: "book",
  resolve: resolveBookManager,
  body: bookShapeInput,
  act: async ({ params, body, target }) => {
    if (!(await setBookShape({ clubId: params.clubId, bookId: target.book.id, shape: body }))) throw notFound("book");
    return done({ shape: body });
  },
});

/** A member says how far they've read a club book, and whether other members may see it. */
export const setReadingProgress = door({
  params: bookParams,
  what: "book",
  resolve: resolveMemberBook,
  body: progressInput,
  act: async ({ userId, body, target, now }) => {
    const shape = target.book.shape ?? null;
    ensurePointOf(body.reached, shape, "reached");
    const row = await upsertReadingProgress({ userId, bookId: target.book.id, reached: body.reached, shared: body.shared, now });
    return done(
      { reached: row.reached, shared: row.shared },
      // Every open tab of theirs lifts the veils (replies, rooms) now within reach, live.
      { type: "progress:changed", userId, bookId: target.book.id, reached: row.reached },
    );
  },
});

/** What a progress control needs: the book's shape and the member's own progress (null: never said). */
type ProgressView = { clubId: string; bookId: string; shape: BookShape | null; reached: number | null; shared: boolean };

/** One line of the club's reading schedule: a meeting and how far to have read by then (`target`, a rank). */
type ScheduleItem = { meetingId: string; title: string; startsAt: Date; timeZone: string; target: number; assignment: string | null; done: boolean };

/** Whether a member with this role sees another member's progress they keep to moderators. */
function seesUnsharedProgress(role: ClubRole): boolean {
  return can(role, "book:manage");
}

/**
 * The reading panel of a book: the member's own progress, the progress of the others they may
 * see (those who share it; moderators see everyone's), and the schedule from the book's meetings
 * with whether the member has read that far.
 */
export const loadBookReading = door({
  params: bookParams,
  what: "book",
  resolve: resolveMemberBook,
  act: async ({ params, userId, target }) => {
    const { book } = target;
    const shape = book.shape ?? null;
    const [mine, members, targets, rooms] = await Promise.all([
      getReadingProgress({ userId, bookId: book.id }),
      listMemberProgress({ clubId: params.clubId, bookId: book.id, sharedOnly: !seesUnsharedProgress(target.role) }),
      listReadingTargets({ clubId: params.clubId, bookId: book.id }),
      listBookRooms({ bookId: book.id }),
    ]);
    const reached = mine ? pointFromRank(mine.reached, shape) : null;
    const progress: ProgressView = { clubId: params.clubId, bookId: book.id, shape, reached: mine?.reached ?? null, shared: mine?.shared ?? false };
    const others = members
      .filter((member) => member.userId !== userId)
      .map((member) => ({ name: member.name, shared: member.shared, reached: member.reached }));
    const schedule: ScheduleItem[] = targets.map((item) => {
      const point = pointFromRank(item.target ?? 0, shape);
      return {
        meetingId: item.meetingId,
        title: item.title,
        startsAt: item.startsAt,
        timeZone: item.timeZone,
        target: rankOf(point),
        assignment: item.assignment,
        done: !isBeyond(point, reached, shape),
      };
    });
    const warnings = await roomWarnings({ userId, book: { id: book.id, shape }, rooms });
    return done({ progress, others, schedule, warnings, role: target.role });
  },
});

/** What the room page needs to decide on its veil, and the reader's progress control; `reach` is the room's, a rank (null: unsaid). */
type RoomVeilView = { veiled: boolean; reach: number | null; progress: ProgressView; room: { position: number; question: string } };

/**
 * Whether the room opens veiled for this member: it reaches past their progress and they haven't
 * chosen to see it anyway. Moderators get the veil too (they lift it like anyone); a room with no
 * reach is never veiled. The page loads no replies while veiled.
 */
export const loadRoomVeil = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  act: async ({ params, userId, target }) => {
    const room = await getRoomReach({ roomId: params.roomId });
    if (!room) throw notFound("room");
    const shape = room.shape ?? null;
    const [mine, lifted] = await Promise.all([getReadingProgress({ userId, bookId: room.bookId }), hasLiftedVeil({ userId, roomId: params.roomId })]);
    const reach = room.reach === null ? null : pointFromRank(room.reach, shape);
    const beyond = reach !== null && isBeyond(reach, mine ? pointFromRank(mine.reached, shape) : null, shape);
    const progress: ProgressView = { clubId: target.clubId, bookId: room.bookId, shape, reached: mine?.reached ?? null, shared: mine?.shared ?? false };
    const view: RoomVeilView = {
      veiled: beyond && !lifted,
      reach: room.reach,
      progress,
      room: { position: room.position, question: room.question },
    };
    return done(view);
  },
});

/** The member chooses to open a room past their progress ("I've read it / show anyway"); remembered. */
export const liftRoomVeil = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  act: async ({ params, userId, now }) => {
    await liftVeil({ userId, roomId: params.roomId, now });
    return done({ roomId: params.roomId });
  },
});

/**
 * For a list of a book's rooms: a calm warning for each room that reaches past the member's
 * progress (and whose veil they haven't lifted): how far it reaches, as a rank, keyed by room id.
 */
async function roomWarnings(input: {
  userId: string;
  book: { id: string; shape: BookShape | null };
  rooms: { id: string; reach: number | null }[];
}): Promise<Record<string, number>> {
  const reaching = input.rooms.filter((room) => room.reach !== null);
  if (reaching.length === 0) return {};
  const shape = input.book.shape;
  const [mine, lifted] = await Promise.all([
    getReadingProgress({ userId: input.userId, bookId: input.book.id }),
    listLiftedVeils({ userId: input.userId, roomIds: reaching.map((room) => room.id) }),
  ]);
  const progress = mine ? pointFromRank(mine.reached, shape) : null;
  // The reach's rank, not words: the list says it in the reader's language (components/book/room-list.tsx).
  const warnings: Record<string, number> = {};
  for (const room of reaching) {
    const reach = pointFromRank(room.reach ?? 0, shape);
    if (!lifted.has(room.id) && isBeyond(reach, progress, shape)) warnings[room.id] = rankOf(reach);
  }
  return warnings;
}

/** A moderator says how far a question room reaches (null: unsaid, never veiled). */
export const updateRoomReach = door({
  params: questionParams,
  what: "question",
  resolve: async ({ params, userId }) => {
    const club: ClubAccess = await resolveClub({ clubId: params.clubId, userId });
    ensure(can(club.role, "room:manage"), errorText("guide.refuse"));
    return resolveQuestion({ club, roomId: params.roomId });
  },
  body: reachInput,
  act: async ({ params, body }) => {
    const room = await getRoomReach({ roomId: params.roomId });
    if (!room) throw notFound("question");
    if (body.reach !== null) ensurePointOf(body.reach, room.shape ?? null, "reach");
    if (!(await setRoomReach({ clubId: params.clubId, roomId: params.roomId, reach: body.reach }))) throw notFound("question");
    return done({ reach: body.reach });
  },
});
