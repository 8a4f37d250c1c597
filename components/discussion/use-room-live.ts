"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ReplyReactionsView } from "@/lib/discussion/reaction-kinds";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { mergeReplies, replaceReply } from "@/lib/discussion/threads";
import { connectRealtime } from "@/lib/realtime/client";
import type { RoomStateView } from "@/lib/realtime/events";
import { requestJson } from "./request";

export type Connection = "connecting" | "live" | "reconnecting" | "offline" | "unavailable" | "revoked";

type RoomLive = {
  replies: ReplyView[];
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
export function useRoomLive({ roomId, clubId, viewerId, initialReplies, initialLocked, reader }: {
  roomId: string;
  clubId: string;
  viewerId: string;
  initialReplies: ReplyView[];
  initialLocked: boolean;
  reader?: RoomReader;
}): RoomLive {
  const [replies, setReplies] = useState(initialReplies);
  const [locked, setLocked] = useState(initialLocked);
  const [revoked, setRevoked] = useState(false);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [arrived, setArrived] = useState<string[]>([]);
  const lastSeq = useRef(initialReplies.reduce((max, reply) => Math.max(max, reply.seq), 0));
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
    for (const reply of fresh) lastSeq.current = Math.max(lastSeq.current, reply.seq);
    setReplies((current) => {
      const merged = mergeReplies(current, fresh);
      if (markArrived && merged !== current) {
        const known = new Set(current.map((reply) => reply.id));
        // The viewer's own replies are not news to them, even when another tab posted them.
        const added = fresh.filter((reply) => !known.has(reply.id) && reply.author.id !== viewerId).map((reply) => reply.id);
        if (added.length > 0) setArrived((ids) => [...ids, ...added]);
      }
      return merged;
    });
  }, [roomId, viewerId]);

  const changeReply = useCallback((reply: ReplyView) => {
    if (reply.roomId === roomId) setReplies((current) => replaceReply(current, reply));
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
    // may have happened meanwhile: reload the room's current state once.
    const catchUp = async () => {
      const result = await requestJson<{ room: RoomStateView; replies: ReplyView[] }>(`/api/rooms/${roomId}`);
      if (stopped) return;
      if (result.ok) {
        applyRoomState(result.data.room);
        for (const reply of result.data.replies) lastSeq.current = Math.max(lastSeq.current, reply.seq);
        setReplies((current) => mergeReplies(result.data.replies, current));
      } else if (result.error.code === "not_found") {
        stop();
      }
    };

    const join = () => {
      if (connectedBefore && !socket.recovered) void catchUp();
      connectedBefore = true;
      // On every (re)connect: ask for everything after the last reply this page has.
      socket.emit("room:join", { roomId, afterSeq: lastSeq.current }, (result) => {
        if (stopped) return;
        if (result.ok) {
          addReplies(result.data.replies, true);
          setConnection("live");
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
      void requestJson<{ replies: ReplyView[] }>(`/api/rooms/${roomId}/replies`).then((result) => {
        if (stopped) return;
        // A room whose own veil now falls on the viewer is refused: the page shows its veil again.
        if (!result.ok) return window.location.reload();
        setReplies((current) => result.data.replies.reduce((list, reply) => replaceReply(list, reply), current));
      });
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

  return { replies, locked, revoked, connection, arrived, clearArrived, addOwnReply, changeReply, applyRoomState, applyReactions, markRevealed };
}
