"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { connectRealtime } from "@/lib/realtime/client";
import type { ReplyView } from "@/lib/reply-view";
import { buildThreadTree, mergeReplies, threadSorts, type ThreadSort } from "@/lib/threads";
import { ReplyForm } from "./reply-form";
import { ReplyList } from "./reply-thread";

type Connection = "connecting" | "live" | "reconnecting" | "unavailable";

const connectionText: Record<Connection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting… new replies will appear when the connection is back.",
  unavailable: "Live updates are unavailable. Reload to try again.",
};

/** A room's threaded replies, kept live: new replies from anyone appear under their parent. */
export function RoomDiscussion({ roomId, initialReplies }: { roomId: string; initialReplies: ReplyView[] }) {
  const [replies, setReplies] = useState(initialReplies);
  const [sort, setSort] = useState<ThreadSort>("oldest");
  const [connection, setConnection] = useState<Connection>("connecting");
  const [arrived, setArrived] = useState<string[]>([]);
  const lastSeq = useRef(initialReplies.reduce((max, reply) => Math.max(max, reply.seq), 0));

  const addReplies = useCallback((incoming: ReplyView[], markArrived: boolean) => {
    const fresh = incoming.filter((reply) => reply.roomId === roomId);
    if (fresh.length === 0) return;
    for (const reply of fresh) lastSeq.current = Math.max(lastSeq.current, reply.seq);
    setReplies((current) => {
      const merged = mergeReplies(current, fresh);
      if (markArrived && merged !== current) {
        const known = new Set(current.map((reply) => reply.id));
        const added = fresh.filter((reply) => !known.has(reply.id)).map((reply) => reply.id);
        if (added.length > 0) setArrived((ids) => [...ids, ...added]);
      }
      return merged;
    });
  }, [roomId]);

  useEffect(() => {
    const socket = connectRealtime();
    const join = () => {
      // On every (re)connect: ask for everything after the last reply this page has.
      socket.emit("room:join", { roomId, afterSeq: lastSeq.current }, (result) => {
        if (result.ok) {
          addReplies(result.data.replies, true);
          setConnection("live");
        } else {
          setConnection("unavailable");
        }
      });
    };
    socket.on("connect", join);
    socket.on("disconnect", () => setConnection("reconnecting"));
    socket.on("connect_error", () => setConnection(socket.active ? "reconnecting" : "unavailable"));
    socket.on("reply:created", (reply) => addReplies([reply], true));
    socket.on("room:error", () => setConnection("unavailable"));
    return () => {
      socket.disconnect();
    };
  }, [roomId, addReplies]);

  const tree = useMemo(() => buildThreadTree(replies, sort), [replies, sort]);
  const arrivedIds = useMemo(() => new Set(arrived), [arrived]);
  const unread = arrived.length;
  const onPosted = useCallback((reply: ReplyView) => addReplies([reply], false), [addReplies]);

  function showArrived() {
    const first = arrived[0];
    if (first) document.getElementById(`reply-${first}`)?.scrollIntoView({ behavior: "smooth", block: "center" });
    setArrived([]);
  }

  return (
    <section aria-labelledby="replies-heading" className="space-y-6">
      <div className="rounded-lg border border-line bg-white p-4 shadow-sm">
        <ReplyForm roomId={roomId} parentId={null} label="Your answer" onPosted={onPosted} />
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="replies-heading" className="font-serif text-xl font-semibold">
          {replies.length === 0 ? "No replies yet" : `${replies.length} ${replies.length === 1 ? "reply" : "replies"}`}
        </h2>
        <div className="flex items-center gap-4 text-sm">
          <p role="status" aria-live="polite" className="flex items-center gap-1.5 text-muted">
            <span
              aria-hidden
              className={`inline-block h-2 w-2 rounded-full ${connection === "live" ? "bg-emerald-600" : connection === "unavailable" ? "bg-danger" : "bg-amber-500"}`}
            />
            <span className={connection === "live" ? "" : "max-w-56 truncate"} title={connectionText[connection]}>
              {connectionText[connection]}
            </span>
          </p>
          <label className="flex items-center gap-2 text-muted">
            Sort
            <select
              value={sort}
              onChange={(event) => setSort(event.target.value as ThreadSort)}
              className="rounded-md border border-line bg-white px-2 py-1 text-ink"
            >
              {threadSorts.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {replies.length === 0 ? (
        <p className="text-muted">Be the first to answer. Others will see your reply as soon as you post it.</p>
      ) : (
        <ReplyList nodes={tree} roomId={roomId} arrivedIds={arrivedIds} onPosted={onPosted} />
      )}

      {unread > 0 ? (
        <div className="pointer-events-none fixed inset-x-0 bottom-5 flex justify-center">
          <button
            type="button"
            onClick={showArrived}
            className="pointer-events-auto rounded-full bg-accent px-4 py-2 text-sm font-medium text-white shadow-lg hover:bg-accent-strong"
          >
            {unread} new {unread === 1 ? "reply" : "replies"}
          </button>
        </div>
      ) : null}
    </section>
  );
}
