import "server-only";
import { getReadingProgress, getRoomReach, hasLiftedVeil, listRevealedReplies } from "@/db/queries/reading";
import { isBeyond, pointFromRank, type BookShape } from "@/lib/books/points";
import { AppError, notFound } from "@/lib/errors";
import type { ReplyReader } from "./spoilers";
import { errorText, type ErrorText } from "@/lib/i18n/error-text";
import { reachText } from "@/lib/i18n/error-points";

/**
 * Who reads a room, for its veils: the member's progress in the room's book (0 when never said),
 * the replies of this room they revealed, the book's shape, and, when the room itself reaches
 * past them and they haven't lifted its veil, the words for its reach (`roomVeil`; null when open).
 * Throws not-found for a room that doesn't exist.
 */
export async function loadRoomReader(input: { roomId: string; userId: string }): Promise<{
  reader: ReplyReader;
  roomVeil: ErrorText | null;
  book: { id: string; shape: BookShape | null; roomReach: number | null };
  /** The room's place among its book's questions ("Question 4"), read with the rest. */
  position: number;
}> {
  const room = await getRoomReach({ roomId: input.roomId });
  if (!room) throw notFound("room");
  const shape = room.shape ?? null;
  const [mine, revealed] = await Promise.all([getReadingProgress({ userId: input.userId, bookId: room.bookId }), listRevealedReplies(input)]);
  const reached = mine?.reached ?? 0;
  const reach = room.reach === null ? null : pointFromRank(room.reach, shape);
  const beyond = reach !== null && isBeyond(reach, pointFromRank(reached, shape), shape);
  const lifted = beyond && (await hasLiftedVeil(input));
  const roomVeil = beyond && !lifted ? reachText(reach, shape) : null;
  // A lifted room shows its replies up to its reach: "show anyway" was said for all of it.
  const liftedTo = lifted && room.reach !== null ? room.reach : 0;
  return { reader: { userId: input.userId, reached, revealed, shape, liftedTo }, roomVeil, book: { id: room.bookId, shape, roomReach: room.reach }, position: room.position };
}

/**
 * Refuses (403) to hand a room's replies to a reader it is veiled for: the room page shows its
 * veil, and they lift it there first (docs/decisions/0017, 0018).
 */
function ensureRoomOpen(roomVeil: ErrorText | null): void {
  if (roomVeil === null) return;
  throw new AppError("forbidden", errorText("room.veiled", { reach: roomVeil }));
}

/** The reader of a room whose veil must be open: the replies API, the catch-up and the reply fetch. */
export async function loadOpenRoomReader(input: { roomId: string; userId: string }): Promise<ReplyReader> {
  const { reader, roomVeil } = await loadRoomReader(input);
  ensureRoomOpen(roomVeil);
  return reader;
}
