import type { ReplyView } from "./reply-view";
import type { ThreadSort } from "./threads";

// The shapes of a room read by the page, shared by the server (lib/discussion/room-reading.ts)
// and the browser (components/discussion). Cursors are opaque strings (./room-cursor.ts).

/** A thread's paging state as the client keeps it: replies under its opening reply, and where the next page starts (null: none left past those sent). */
export type ThreadPaging = { total: number; next: string | null };

/**
 * A screenful of a room, as the page renders it and GET /api/rooms/:id answers it: the first
 * threads (pinned first, then `sort`) with each thread's first replies, plus, when the page
 * opens at a reply (`focus`), that reply's thread around it. Totals say what is not loaded yet.
 */
export type RoomPageView = {
  replies: ReplyView[];
  /** Every thread with a reply in `replies`, by its opening reply's id. */
  threads: Record<string, ThreadPaging>;
  /** Threads in the room (top-level replies, deleted and hidden ones included: each keeps its place). */
  threadCount: number;
  /** Visible replies in the room (neither deleted nor hidden). */
  replyCount: number;
  /** The cursor of the next page of threads in this sort; null when none are left. */
  nextThreads: string | null;
  sort: ThreadSort;
  /** The room's last seq when the page was read: live replies and catch-up start after it. */
  seq: number;
  /** The reply the page opened at (a deep link, or the first new one), when it is in `replies`. */
  focus: string | null;
};

/** A page of replies in posting order and the cursor of the next one (null: caught up). */
export type RepliesPage = { replies: ReplyView[]; next: string | null };

/** A further page of threads: their opening replies and first replies, each thread's paging state, and the next cursor. */
export type ThreadsPage = { replies: ReplyView[]; threads: Record<string, ThreadPaging>; next: string | null };

/** A page of one thread's replies and the thread's paging state after it. */
export type ThreadRepliesPage = { replies: ReplyView[]; thread: ThreadPaging & { threadId: string } };
