"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ReplyReactionsView } from "@/lib/discussion/reaction-kinds";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { RepliesPage, RoomPageView, ThreadRepliesPage, ThreadsPage } from "@/lib/discussion/room-page-view";
import { advanceSeqRun, resetSeqRun, seqRunFrom } from "@/lib/discussion/seq-run";
import { liveStartSeq, mergeReplies, placeArrivals, replaceReply, type PagedRoom, type ThreadSort } from "@/lib/discussion/threads";
import { connectRealtime } from "@/lib/realtime/client";
import type { RoomStateView } from "@/lib/realtime/events";
import { requestJson } from "./request";

export type Connection = "connecting" | "live" | "reconnecting" | "offline" | "unavailable" | "revoked";

/** How many replies behind a reconnecting page may be before it reloads the first screen instead of catching up page by page. */
const catchUpPagesAtMost = 5;

type RoomLive = {
  replies: ReplyView[];
  /** Each loaded thread's paging (replies under its opening reply, next cursor), by thread id. */
  threads: PagedRoom<ReplyView>["threads"];
  threadCount: number;
  /** Visible replies in the room, as the page was read plus what arrived since. */
  replyCount: number;
  sort: ThreadSort;
  /** Whether more threads follow those loaded, in this sort. */
  moreThreads: boolean;
  /** Loads the next page of threads; resolves when it is in (or failed: the error's message). */
  loadMoreThreads: () => Promise<string | null>;
  /** Loads the next replies of a thread ("Show 12 more replies"). */
  loadMoreReplies: (threadId: string) => Promise<string | null>;
  /** Shows the threads in another order: its first page, read again. */
  changeSort: (sort: ThreadSort) => Promise<string | null>;
  /** Loads the thread around a reply not loaded yet (a link followed while the room is open); true once it is in. */
  loadAround: (replyId: string) => Promise<boolean>;
  locked: boolean;
  /** The viewer was removed from the club while the page was open: read-only from then on. */
  revoked: boolean;
  connection: Connection;
  /** Replies that arrived live from others (never the viewer's own, from any tab) since the viewer last looked, oldest first. */
  arrived: string[];
  clearArrived: () => void;
  /** The viewer's own new reply: shown at once, not counted as arrived. */
  addOwnReply: (reply: ReplyView) => void;
  /** An edit, delete, pin or hide answered by the server: replaces the reply in place. */
  changeReply: (reply: ReplyView) => void;
  applyRoomState: (room: RoomStateView) => void;
  /** A reply's reactions as the server now has them (live, or the answer to the viewer's own toggle). */
  applyReactions: (reactions: ReplyReactionsView) => void;
  /** The viewer showed a veiled reply: it comes with its text, and stays shown when it changes live. */
  markRevealed: (reply: ReplyView) => void;
};

/**
 * Who reads the room, for spoiler veils: the room's book, the viewer's progress in it (a rank)
 * and the replies they revealed. Only decides when to ask for a reply's text: the server
 * decides whether it is given (lib/discussion/spoilers.ts).
 */
export type RoomReader = { bookId: string; reached: number; liftedTo: number; revealed: readonly string[] };

/**
 * A room's replies and lock, kept live over the socket: joins the room on every (re)connect
 * asking for what came after the last reply this page has, reloads the room once after a drop
 * too long to replay, and stops when the viewer loses access to the club.
 */
export function useRoomLive({ roomId, clubId, viewerId, initialPage, initialLocked, reader }: {
  roomId: string;
  clubId: string;
  viewerId: string;
  initialPage: RoomPageView;
  initialLocked: boolean;
  reader?: RoomReader;
}): RoomLive {
  // The room as loaded, with its count of visible replies kept in the same state so one update moves both.
  const [room, setRoom] = useState<PagedRoom<ReplyView> & { replyCount: number }>(() => ({
    replies: initialPage.replies,
    threads: initialPage.threads,
    threadCount: initialPage.threadCount,
    counted: new Set(),
    replyCount: initialPage.replyCount,
  }));
  const replies = room.replies;
  const setReplies = useCallback((update: (current: ReplyView[]) => ReplyView[]) => {
    setRoom((current) => {
      const next = update(current.replies);
      return next === current.replies ? current : { ...current, replies: next };
    });
  }, []);
  const [sort, setSort] = useState<ThreadSort>(initialPage.sort);
  const [nextThreads, setNextThreads] = useState<string | null>(initialPage.nextThreads);
  const [locked, setLocked] = useState(initialLocked);
  const [revoked, setRevoked] = useState(false);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [arrived, setArrived] = useState<string[]>([]);
  // Live replies and catch-up start after the room's seq when the page was read, not after the
  // last reply loaded: most of the room is not loaded, and that is not something missed. From
  // there, the page resumes after the last seq it holds without a gap (lib/discussion/seq-run.ts).
  const held = useRef(seqRunFrom(liveStartSeq(initialPage)));
  const reached = useRef(Math.max(reader?.reached ?? 0, reader?.liftedTo ?? 0));
  const liftedTo = reader?.liftedTo ?? 0;
  const revealed = useRef(new Set(reader?.revealed ?? []));
  const bookId = reader?.bookId ?? null;

  /**
   * A reply as this viewer should have it: a veiled envelope (the room's broadcast of a reply
   * with spoilers) is exchanged for the text, through the authorized reply fetch, when the viewer
   * wrote it, revealed it or has read that far; otherwise it stays veiled.
   */
  const withText = useCallback(async (reply: ReplyView): Promise<ReplyView> => {
    const veil = reply.veil;
    if (!veil) return reply;
    const mayRead = reply.author.id === viewerId || revealed.current.has(reply.id) || reached.current >= veil.level;
    if (!mayRead) return reply;
    const result = await requestJson<{ reply: ReplyView }>(`/api/replies/${reply.id}`);
    return result.ok ? result.data.reply : reply;
  }, [viewerId]);

  const addReplies = useCallback((incoming: ReplyView[], markArrived: boolean) => {
    const fresh = incoming.filter((reply) => reply.roomId === roomId);
    if (fresh.length === 0) return;
    held.current = advanceSeqRun(held.current, fresh.map((reply) => reply.seq));
    setRoom((current) => {
      const known = new Set(current.replies.map((reply) => reply.id));
      const visibleAdded = fresh.filter((reply) => !known.has(reply.id) && !current.counted.has(reply.id) && reply.state === "visible").length;
      const { room: next, shown } = placeArrivals(current, fresh);
      // The viewer's own replies are not news to them, even when another tab posted them.
      const news = shown.filter((reply) => reply.author.id !== viewerId).map((reply) => reply.id);
      if (markArrived && news.length > 0) setArrived((ids) => [...ids, ...news.filter((id) => !ids.includes(id))]);
      return next === current ? current : { ...next, replyCount: next.replyCount + visibleAdded };
    });
  }, [roomId, viewerId]);

  /** Merges a page read from the server: its replies once each, its threads' paging as the server now counts it. */
  const mergePage = useCallback((page: { replies: ReplyView[]; threads: PagedRoom<ReplyView>["threads"] }) => {
    setRoom((current) => ({ ...current, replies: mergeReplies(current.replies, page.replies), threads: { ...current.threads, ...page.threads } }));
  }, []);

  const loadMoreThreads = useCallback(async (): Promise<string | null> => {
    if (!nextThreads) return null;
    const result = await requestJson<ThreadsPage>(`/api/rooms/${roomId}/threads?sort=${sort}&cursor=${encodeURIComponent(nextThreads)}`);
    if (!result.ok) return result.error.message;
    mergePage(result.data);
    setNextThreads(result.data.next);
    return null;
  }, [roomId, sort, nextThreads, mergePage]);

  const loadMoreReplies = useCallback(async (threadId: string): Promise<string | null> => {
    const cursor = room.threads[threadId]?.next;
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
    const result = await requestJson<ThreadRepliesPage>(`/api/rooms/${roomId}/threads/${threadId}${query}`);
    if (!result.ok) return result.error.message;
    const { threadId: id, ...paging } = result.data.thread;
    mergePage({ replies: result.data.replies, threads: { [id]: paging } });
    return null;
  }, [roomId, room.threads, mergePage]);

  const changeSort = useCallback(async (next: ThreadSort): Promise<string | null> => {
    const result = await requestJson<ThreadsPage>(`/api/rooms/${roomId}/threads?sort=${next}`);
    if (!result.ok) return result.error.message;
    // The new order's first page replaces what was loaded: pages of two orders would interleave.
    setRoom((current) => ({ ...current, replies: result.data.replies, threads: result.data.threads, counted: new Set() }));
    setNextThreads(result.data.next);
    setSort(next);
    return null;
  }, [roomId]);

  const loadAround = useCallback(async (replyId: string): Promise<boolean> => {
    const found = await requestJson<{ reply: ReplyView }>(`/api/replies/${replyId}`);
    if (!found.ok || found.data.reply.roomId !== roomId) return false;
    const threadId = found.data.reply.threadId;
    const result = await requestJson<ThreadRepliesPage>(`/api/rooms/${roomId}/threads/${threadId}?around=${replyId}`);
    if (!result.ok) return false;
    mergePage({ replies: result.data.replies, threads: { [threadId]: { total: result.data.thread.total, next: result.data.thread.next } } });
    return true;
  }, [roomId, mergePage]);

  const changeReply = useCallback((reply: ReplyView) => {
    if (reply.roomId !== roomId) return;
    setRoom((current) => {
      const before = current.replies.find((item) => item.id === reply.id);
      if (!before) return current;
      // A loaded reply hidden, deleted or shown again moves the room's count of visible replies.
      const delta = (reply.state === "visible" ? 1 : 0) - (before.state === "visible" ? 1 : 0);
      return { ...current, replies: replaceReply(current.replies, reply), replyCount: Math.max(0, current.replyCount + delta) };
    });
  }, [roomId]);

  const applyReactions = useCallback((change: ReplyReactionsView) => {
    if (change.roomId !== roomId) return;
    setReplies((current) => {
      const index = current.findIndex((reply) => reply.id === change.replyId);
      const reply = current[index];
      if (!reply || reply.state !== "visible") return current;
      const next = [...current];
      next[index] = { ...reply, reactions: change.reactions, reactionCount: change.count };
      return next;
    });
  }, [roomId]);

  const markRevealed = useCallback((reply: ReplyView) => {
    revealed.current.add(reply.id);
    changeReply(reply);
  }, [changeReply]);

  const applyRoomState = useCallback((room: RoomStateView) => {
    if (room.roomId === roomId) setLocked(room.locked);
  }, [roomId]);

  // What the socket's handlers read without restarting the connection when they change.
  const repliesNow = useRef(replies);
  const sortNow = useRef(sort);
  useEffect(() => {
    repliesNow.current = replies;
    sortNow.current = sort;
  }, [replies, sort]);

  useEffect(() => {
    const socket = connectRealtime();
    let connectedBefore = false;
    let stopped = false;

    const stop = () => {
      stopped = true;
      setRevoked(true);
      setConnection("revoked");
      socket.disconnect();
    };

    // After a drop too long for Socket.IO to replay what was missed, edits, hides and a lock
    // may have happened meanwhile: reload the room's lock and first screen once.
    const reloadFirstScreen = async () => {
      const result = await requestJson<{ room: RoomStateView } & RoomPageView>(`/api/rooms/${roomId}?sort=${sortNow.current}`);
      if (stopped) return;
      if (result.ok) {
        applyRoomState(result.data.room);
        held.current = resetSeqRun(held.current, result.data.seq);
        // What is loaded stays (with the server's version of each reply read again); the first screen's threads join it.
        setRoom((current) => ({
          ...current,
          replies: mergeReplies(result.data.replies, current.replies),
          threads: { ...current.threads, ...result.data.threads },
          threadCount: result.data.threadCount,
          replyCount: result.data.replyCount,
        }));
      } else if (result.error.code === "not_found") {
        stop();
      }
    };

    // The join's answer is the first page of what was missed; the rest comes a page at a time,
    // and a page that fell very far behind reloads the first screen instead.
    const catchUp = async (next: string | null) => {
      let cursor = next;
      for (let page = 0; cursor && !stopped; page++) {
        if (page >= catchUpPagesAtMost) return reloadFirstScreen();
        const result = await requestJson<RepliesPage>(`/api/rooms/${roomId}/replies?cursor=${encodeURIComponent(cursor)}`);
        if (stopped || !result.ok) return;
        addReplies(result.data.replies, true);
        cursor = result.data.next;
      }
    };

    const join = () => {
      if (connectedBefore && !socket.recovered) void reloadFirstScreen();
      connectedBefore = true;
      // On every (re)connect: ask for everything after the last seq this page holds without a gap.
      socket.emit("room:join", { roomId, afterSeq: held.current.through }, (result) => {
        if (stopped) return;
        if (result.ok) {
          addReplies(result.data.replies, true);
          setConnection("live");
          void catchUp(result.data.next);
        } else {
          setConnection("unavailable");
        }
      });
    };
    socket.on("connect", join);
    socket.on("disconnect", () => {
      if (!stopped) setConnection("reconnecting");
    });
    socket.on("connect_error", () => setConnection(socket.active ? "reconnecting" : "unavailable"));
    socket.on("reply:created", (reply) => void withText(reply).then((shown) => addReplies([shown], true)));
    socket.on("reply:updated", (reply) => void withText(reply).then(changeReply));
    // The viewer's progress moved (in this tab or another): the replies now within reach lose their veils.
    socket.on("progress:changed", (payload) => {
      if (payload.bookId !== bookId) return;
      reached.current = Math.max(payload.reached, liftedTo);
      void (async () => {
        // A room whose own veil now falls on the viewer is refused: the page shows its veil again.
        const check = await requestJson<RepliesPage>(`/api/rooms/${roomId}/replies?after=${held.current.through}&limit=1`);
        if (stopped) return;
        if (!check.ok) return window.location.reload();
        // Only the loaded replies that wear a veil can change: each is asked for again, a few at a time.
        const veiled = repliesNow.current.filter((reply) => reply.veil !== null);
        for (let index = 0; index < veiled.length && !stopped; index += 8) {
          const answers = await Promise.all(veiled.slice(index, index + 8).map((reply) => requestJson<{ reply: ReplyView }>(`/api/replies/${reply.id}`)));
          for (const answer of answers) if (answer.ok) changeReply(answer.data.reply);
        }
      })();
    });
    socket.on("room:updated", applyRoomState);
    socket.on("reply:reactions", applyReactions);
    socket.on("club:access-revoked", (payload) => {
      if (payload.clubId === clubId) stop();
    });
    socket.on("room:error", () => setConnection("unavailable"));
    return () => {
      stopped = true;
      socket.disconnect();
    };
  }, [roomId, clubId, bookId, liftedTo, addReplies, changeReply, applyRoomState, applyReactions, withText]);

  const addOwnReply = useCallback((reply: ReplyView) => addReplies([reply], false), [addReplies]);
  const clearArrived = useCallback(() => setArrived([]), []);

  return {
    replies,
    threads: room.threads,
    threadCount: room.threadCount,
    replyCount: room.replyCount,
    sort,
    moreThreads: nextThreads !== null,
    loadMoreThreads,
    loadMoreReplies,
    changeSort,
    loadAround,
    locked,
    revoked,
    connection,
    arrived,
    clearArrived,
    addOwnReply,
    changeReply,
    applyRoomState,
    applyReactions,
    markRevealed,
  };
}
