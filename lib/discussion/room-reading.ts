import "server-only";
import type { ReplyRow } from "@/db/queries/replies";
import {
  countRoomThreads,
  findFirstUnread,
  getReplyPlace,
  getRoomSeq,
  listPinnedReplyIds,
  listPinnedThreadRoots,
  listRepliesAfterSeq,
  listRepliesByIds,
  listThreadHeads,
  listThreadReplies,
  listThreadRoots,
  listWithAncestors,
} from "@/db/queries/room-pages";
import { getRoomLockState, getRoomWithClub } from "@/db/queries/rooms";
import { getRoomReach } from "@/db/queries/reading";
import { loadClubNames, type ClubNames } from "@/lib/accounts/name-labels";
import { resolveRoom } from "@/lib/access";
import type { BookShape } from "@/lib/books/points";
import { door } from "@/lib/doors/door";
import { done, type Done } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import type { RoomStateView } from "@/lib/realtime/events";
import { repliesAfterQuery, roomPageQuery, roomParams, roomSnapshotQuery, roomThreadsQuery, threadParams, threadRepliesQuery } from "@/lib/validation/replies";
import { encodeCursor, type ThreadsCursor } from "./room-cursor";
import type { RepliesPage, RoomPageView, ThreadPaging, ThreadRepliesPage, ThreadsPage } from "./room-page-view";
import type { ThreadSort } from "./threads";
import type { MentionableMember } from "./mention-syntax";
import { toReplyView } from "./members-view";
import { loadOpenRoomReader } from "./spoiler-readers";
import type { ReplyReader } from "./spoilers";
import { errorText } from "@/lib/i18n/error-text";

// The doors that read a room, a page at a time (docs/decisions/0020-rooms-read-by-the-page.md):
// its first screen (the page, and the live page's snapshot), more threads, more of a thread,
// and the replies after a sequence number (catch-up). Writes are in ./replies.ts.

/** Whom the composer offers after "@": the club's members as the club names them (lib/discussion/mention-syntax.ts). */
function mentionableMembers(names: ClubNames): MentionableMember[] {
  return [...names].map(([id, name]) => ({ id, name }));
}



/** Threads on the first screen and on each further page, and replies shown per thread before "Show more". */
export const roomPageSizes = { threads: 6, repliesPerThread: 2, around: 6 } as const;

type ReadContext = { roomId: string; names: ClubNames; reader: ReplyReader };

/** The rows of a page of threads, their first replies and each thread's paging state. */
async function readThreads(roots: ReplyRow[], perThread: number, roomId: string): Promise<{ rows: ReplyRow[]; threads: Record<string, ThreadPaging> }> {
  const heads = await listThreadHeads({ roomId, threadIds: roots.map((row) => row.id), perThread });
  const firstRows = await listRepliesByIds({ roomId, ids: heads.flatMap((head) => head.firstIds) });
  const threads: Record<string, ThreadPaging> = {};
  const rootSeq = new Map(roots.map((row) => [row.id, row.seq]));
  for (const head of heads) {
    const mine = firstRows.filter((row) => row.threadId === head.threadId);
    const lastSeq = mine.reduce((max, row) => Math.max(max, row.seq), rootSeq.get(head.threadId) ?? 0);
    threads[head.threadId] = { total: head.total, next: mine.length < head.total ? encodeCursor({ kind: "thread", threadId: head.threadId, seq: lastSeq }) : null };
  }
  return { rows: [...roots, ...firstRows], threads };
}

/** The next page of threads after `after` (null: the first), without the pinned ones, and its cursor. */
async function readThreadsPage(roomId: string, sort: ThreadSort, after: ThreadsCursor | null, limit: number) {
  const page = await listThreadRoots({ roomId, order: sort, after: after ? { seq: after.seq, reactions: after.reactions } : null, limit });
  const last = page.rows[page.rows.length - 1];
  const nextThreads = page.more && last ? encodeCursor({ kind: "threads", sort, seq: last.seq, reactions: last.reactionCount }) : null;
  return { roots: page.rows, nextThreads };
}

/**
 * The replies that put `replyId` in its thread: its ancestors up to the opening reply, the
 * reply itself and the few after it in the thread (with their ancestors), plus the thread's
 * first replies and paging state. Null when the reply is not in this room.
 */
async function readAround(roomId: string, replyId: string): Promise<{ rows: ReplyRow[]; threadId: string; threads: Record<string, ThreadPaging> } | null> {
  const place = await getReplyPlace({ roomId, replyId });
  if (!place) return null;
  const [after, [rootRow]] = await Promise.all([
    listThreadReplies({ roomId, threadId: place.threadId, afterSeq: place.seq, limit: roomPageSizes.around }),
    listRepliesByIds({ roomId, ids: [place.threadId] }),
  ]);
  if (!rootRow) return null;
  const ids = await listWithAncestors({ roomId, ids: [replyId, ...after.rows.map((row) => row.id)] });
  const [head, aroundRows] = await Promise.all([readThreads([rootRow], roomPageSizes.repliesPerThread, roomId), listRepliesByIds({ roomId, ids })]);
  return { rows: [...head.rows, ...aroundRows], threadId: place.threadId, threads: head.threads };
}

/**
 * The pinned replies inside threads with their ancestors and their threads' first replies, so
 * the pinned strip can open each one in place. A room pins a handful at most.
 */
async function readPinnedInside(roomId: string): Promise<{ rows: ReplyRow[]; threads: Record<string, ThreadPaging> }> {
  const pinnedIds = await listPinnedReplyIds({ roomId });
  if (pinnedIds.length === 0) return { rows: [], threads: {} };
  const rows = await listRepliesByIds({ roomId, ids: await listWithAncestors({ roomId, ids: pinnedIds }) });
  const heads = await readThreads(rows.filter((row) => row.parentId === null), roomPageSizes.repliesPerThread, roomId);
  return { rows: [...rows, ...heads.rows], threads: heads.threads };
}

/** Each row once, in the order first given (threads in their sort, then their replies). */
function uniqueRows(rows: ReplyRow[]): ReplyRow[] {
  const seen = new Map<string, ReplyRow>();
  for (const row of rows) if (!seen.has(row.id)) seen.set(row.id, row);
  return [...seen.values()];
}

/**
 * Reads a room's first screen for a reader: pinned threads, the first page of threads in
 * `sort`, each with its first replies, and (`focus`) a reply's thread around it. The room's seq
 * is read first, so a reply posted while the page is read comes again live or by catch-up and
 * is merged once (never lost).
 */
async function readFirstScreen(input: ReadContext & { sort: ThreadSort; focus: string | null; replyCount: number }): Promise<RoomPageView> {
  const { roomId } = input;
  const seq = (await getRoomSeq({ roomId })) ?? 0;
  const [pinned, pinnedInside, page, threadCount, around] = await Promise.all([
    listPinnedThreadRoots({ roomId }),
    readPinnedInside(roomId),
    readThreadsPage(roomId, input.sort, null, roomPageSizes.threads),
    countRoomThreads({ roomId }),
    input.focus ? readAround(roomId, input.focus) : Promise.resolve(null),
  ]);
  const threads = await readThreads([...pinned, ...page.roots], roomPageSizes.repliesPerThread, roomId);
  const rows = uniqueRows([...pinnedInside.rows, ...threads.rows, ...(around?.rows ?? [])]);
  return {
    replies: rows.map((row) => toReplyView(row, input.names, input.reader)),
    threads: { ...pinnedInside.threads, ...around?.threads, ...threads.threads },
    threadCount,
    replyCount: input.replyCount,
    nextThreads: page.nextThreads,
    sort: input.sort,
    seq,
    focus: around ? input.focus : null,
  };
}

/**
 * A room's page: the room, its club and book, its first screen as this member sees it (opened
 * at `body.reply` when the link names one, else at the first reply new since `body.readSeq`),
 * the caller's role and the members for @mentions.
 */
export const loadRoomPage = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  body: roomPageQuery,
  act: async ({ params, body, target, userId }) => {
    const [room, names, reader, firstUnread] = await Promise.all([
      getRoomWithClub({ roomId: params.roomId }),
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: params.roomId, userId }),
      !body.reply && body.readSeq !== null && body.readSeq > 0 ? findFirstUnread({ roomId: params.roomId, afterSeq: body.readSeq, viewerId: userId }) : Promise.resolve(null),
    ]);
    if (!room) throw notFound("room");
    const focus = body.reply ?? firstUnread?.id ?? null;
    const page = await readFirstScreen({ roomId: params.roomId, names, reader, sort: body.sort, focus, replyCount: room.replyCount });
    // A first-unread focus only loads its thread; the page opens at the top as it always has.
    return done({ room, ...page, focus: body.reply ? page.focus : null, role: target.role, members: mentionableMembers(names), reader: readerView(reader) });
  },
});

/** What GET /api/rooms/:id answers: the room's lock, its first screen as this reader sees it, its members, and the reader. */
export type RoomSnapshot = RoomPageView & {
  room: RoomStateView;
  members: MentionableMember[];
  reader: { bookId: string; shape: BookShape | null; reached: number; liftedTo: number; revealed: string[] };
};

/**
 * A room's first screen for a live page (the meeting's panel, or a page that fell too far
 * behind to catch up reply by reply): the lock, the first threads as they are now, the members.
 */
export const loadRoomSnapshot = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  body: roomSnapshotQuery,
  act: async ({ params, body, target, userId }): Promise<Done<RoomSnapshot>> => {
    const [room, names, reader, book, counts] = await Promise.all([
      getRoomLockState({ roomId: params.roomId }),
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: params.roomId, userId }),
      getRoomReach({ roomId: params.roomId }),
      getRoomWithClub({ roomId: params.roomId }),
    ]);
    if (!room || !book || !counts) throw notFound("room");
    const page = await readFirstScreen({ roomId: params.roomId, names, reader, sort: body.sort, focus: null, replyCount: counts.replyCount });
    return done({
      ...page,
      room,
      members: mentionableMembers(names),
      // The live meeting's panel veils and offers spoiler levels as the room page does.
      reader: { bookId: book.bookId, shape: reader.shape, ...readerView(reader) },
    });
  },
});


/**
 * The replies posted after seq `body.after` (or after `body.cursor`), in posting order, at
 * most `body.limit` (hard cap: lib/validation/replies.ts). `next` continues; null means caught up.
 */
export const listRepliesAfter = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  body: repliesAfterQuery,
  act: async ({ params, body, target, userId }): Promise<Done<RepliesPage>> => {
    const afterSeq = body.cursor?.seq ?? body.after;
    const [page, names, reader] = await Promise.all([
      listRepliesAfterSeq({ roomId: params.roomId, afterSeq, limit: body.limit }),
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: params.roomId, userId }),
    ]);
    const last = page.rows[page.rows.length - 1];
    return done({
      replies: page.rows.map((row) => toReplyView(row, names, reader)),
      next: page.more && last ? encodeCursor({ kind: "after", seq: last.seq }) : null,
    });
  },
});


/** The threads after `body.cursor` in `body.sort` (pinned ones come only on the first screen), each with its first replies. */
export const listRoomThreads = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  body: roomThreadsQuery,
  act: async ({ params, body, target, userId }): Promise<Done<ThreadsPage>> => {
    const [page, names, reader] = await Promise.all([
      readThreadsPage(params.roomId, body.sort, body.cursor, body.limit),
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: params.roomId, userId }),
    ]);
    // The first screen read the pinned threads itself: a cursor-less call gives them too, so the API alone can read a room.
    const pinned = body.cursor ? [] : await listPinnedThreadRoots({ roomId: params.roomId });
    const threads = await readThreads([...pinned, ...page.roots], roomPageSizes.repliesPerThread, params.roomId);
    return done({ replies: uniqueRows(threads.rows).map((row) => toReplyView(row, names, reader)), threads: threads.threads, next: page.nextThreads });
  },
});


/**
 * The next replies inside a thread after `body.cursor` (none: from its start), or with
 * `body.around` the replies that put one reply in its thread (a deep link followed while the
 * room is open). Not found when the thread is not a thread of this room.
 */
export const listThreadPage = door({
  params: threadParams,
  what: "thread",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId, what: "thread" }),
  body: threadRepliesQuery,
  act: async ({ params, body, target, userId }): Promise<Done<ThreadRepliesPage>> => {
    if (body.cursor && body.cursor.threadId !== params.threadId) {
      throw new AppError("bad_request", errorText("room.threadCursor"), { cursor: errorText("room.threadCursorField") });
    }
    const [names, reader, heads] = await Promise.all([
      loadClubNames(target.clubId),
      loadOpenRoomReader({ roomId: params.roomId, userId }),
      listThreadHeads({ roomId: params.roomId, threadIds: [params.threadId], perThread: 0 }),
    ]);
    const head = heads[0];
    if (!head) throw notFound("thread");
    if (body.around) {
      const around = await readAround(params.roomId, body.around);
      if (!around || around.threadId !== params.threadId) throw notFound("reply");
      const thread = around.threads[params.threadId] ?? { total: head.total, next: null };
      return done({ replies: uniqueRows(around.rows).map((row) => toReplyView(row, names, reader)), thread: { threadId: params.threadId, ...thread } });
    }
    const [rootRow] = body.cursor ? [] : await listRepliesByIds({ roomId: params.roomId, ids: [params.threadId] });
    const afterSeq = body.cursor?.seq ?? rootRow?.seq ?? 0;
    const page = await listThreadReplies({ roomId: params.roomId, threadId: params.threadId, afterSeq, limit: body.limit });
    const last = page.rows[page.rows.length - 1];
    return done({
      replies: page.rows.map((row) => toReplyView(row, names, reader)),
      thread: { threadId: params.threadId, total: head.total, next: page.more && last ? encodeCursor({ kind: "thread", threadId: params.threadId, seq: last.seq }) : null },
    });
  },
});

/** What the room page's client needs to decide on veils live: the reader's progress and the replies they revealed. */
function readerView(reader: ReplyReader): { reached: number; liftedTo: number; revealed: string[] } {
  return { reached: reader.reached, liftedTo: reader.liftedTo ?? 0, revealed: [...reader.revealed] };
}

