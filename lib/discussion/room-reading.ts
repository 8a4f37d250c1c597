import "server-only";
import { listRoomReplies } from "@/db/queries/replies";
import { getRoomLockState, getRoomWithClub } from "@/db/queries/rooms";
import { getRoomReach } from "@/db/queries/reading";
import { loadClubNames, type ClubNames } from "@/lib/accounts/name-labels";
import { resolveRoom } from "@/lib/access";
import type { BookShape } from "@/lib/books/points";
import { door } from "@/lib/doors/door";
import { done, type Done } from "@/lib/doors/live";
import { notFound } from "@/lib/errors";
import type { RoomStateView } from "@/lib/realtime/events";
import { repliesAfterQuery, roomParams } from "@/lib/validation/replies";
import type { MentionableMember } from "./mention-syntax";
import { toReplyView } from "./members-view";
import type { ReplyView } from "./reply-view";
import { loadOpenRoomReader } from "./spoiler-readers";
import type { ReplyReader } from "./spoilers";

// The doors that read a room: its page, the live page's catch-up snapshot, and the replies
// after a sequence number. Writes are in ./replies.ts.

/** Whom the composer offers after "@": the club's members as the club names them (lib/discussion/mention-syntax.ts). */
function mentionableMembers(names: ClubNames): MentionableMember[] {
  return [...names].map(([id, name]) => ({ id, name }));
}

/** A room's page: the room, its club and book, every reply as members see it, and the caller's role. */
export const loadRoomPage = door({
  params: roomParams,
  what: "This room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  act: async ({ params, target, userId }) => {
    const [room, rows, names, reader] = await Promise.all([
      getRoomWithClub({ roomId: params.roomId }),
      listRoomReplies({ roomId: params.roomId }),
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: params.roomId, userId }),
    ]);
    if (!room) throw notFound("This room");
    return done({ room, replies: rows.map((row) => toReplyView(row, names, reader)), role: target.role, members: mentionableMembers(names), reader: readerView(reader) });
  },
});

/** What GET /api/rooms/:id answers: the room's lock, its replies as this reader sees them, its members, and the reader. */
export type RoomSnapshot = {
  room: RoomStateView;
  replies: ReplyView[];
  members: MentionableMember[];
  reader: { bookId: string; shape: BookShape | null; reached: number; liftedTo: number; revealed: string[] };
};

/** Everything a live page needs to catch up after a long disconnection: the lock and every reply as it is now. */
export const loadRoomSnapshot = door({
  params: roomParams,
  what: "This room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  act: async ({ params, target, userId }): Promise<Done<RoomSnapshot>> => {
    const [room, rows, names, reader, book] = await Promise.all([
      getRoomLockState({ roomId: params.roomId }),
      listRoomReplies({ roomId: params.roomId }),
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: params.roomId, userId }),
      getRoomReach({ roomId: params.roomId }),
    ]);
    if (!room || !book) throw notFound("This room");
    return done({
      room,
      replies: rows.map((row) => toReplyView(row, names, reader)),
      members: mentionableMembers(names),
      // The live meeting's panel veils and offers spoiler levels as the room page does.
      reader: { bookId: book.bookId, shape: reader.shape, ...readerView(reader) },
    });
  },
});

/** The replies posted after sequence number `body.after` (0: all), in posting order. */
export const listRepliesAfter = door({
  params: roomParams,
  what: "This room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  body: repliesAfterQuery,
  act: async ({ params, body, target, userId }) => {
    const [rows, names, reader] = await Promise.all([
      listRoomReplies({ roomId: params.roomId, afterSeq: body.after }),
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: params.roomId, userId }),
    ]);
    return done(rows.map((row) => toReplyView(row, names, reader)));
  },
});

/** What the room page's client needs to decide on veils live: the reader's progress and the replies they revealed. */
function readerView(reader: ReplyReader): { reached: number; liftedTo: number; revealed: string[] } {
  return { reached: reader.reached, liftedTo: reader.liftedTo ?? 0, revealed: [...reader.revealed] };
}

