"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { can, canPostInRoom } from "@/lib/permissions";
import { connectRealtime } from "@/lib/realtime/client";
import type { RoomStateView } from "@/lib/realtime/events";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { buildThreadTree, excerptFromHtml, mergeReplies, replaceReply, threadIndexById, threadSorts, type ThreadSort } from "@/lib/discussion/threads";
import { ConfirmDialog } from "./confirm-dialog";
import { DiscussionProvider, type DiscussionState, type Viewer } from "./discussion-context";
import { ReplyForm } from "./reply-form";
import { PinIcon, ReplyList } from "./reply-thread";
import { requestJson } from "./request";

const threadsPerPage = 40;

type Connection = "connecting" | "live" | "reconnecting" | "unavailable" | "revoked";

const connectionText: Record<Connection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting… new replies will appear when the connection is back.",
  unavailable: "Live updates are unavailable. Reload to try again.",
  revoked: "Live updates stopped.",
};

type Props = {
  roomId: string;
  clubId: string;
  viewer: Viewer;
  initialReplies: ReplyView[];
  initialLocked: boolean;
};

/**
 * A room's threaded replies, kept live: new replies appear under their parent, edits, deletes,
 * pins and hides replace a reply in place, and a lock switches the forms off at once.
 */
export function RoomDiscussion({ roomId, clubId, viewer, initialReplies, initialLocked }: Props) {
  const [replies, setReplies] = useState(initialReplies);
  const [locked, setLocked] = useState(initialLocked);
  const [revoked, setRevoked] = useState(false);
  const [sort, setSort] = useState<ThreadSort>("oldest");
  const [connection, setConnection] = useState<Connection>("connecting");
  const [arrived, setArrived] = useState<string[]>([]);
  const [confirmingLock, setConfirmingLock] = useState(false);
  const [lockPending, setLockPending] = useState(false);
  const [lockError, setLockError] = useState<string | null>(null);
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

  const changeReply = useCallback((reply: ReplyView) => {
    if (reply.roomId === roomId) setReplies((current) => replaceReply(current, reply));
  }, [roomId]);

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
      } else if (result.status === 404) {
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
    socket.on("reply:created", (reply) => addReplies([reply], true));
    socket.on("reply:updated", changeReply);
    socket.on("room:updated", applyRoomState);
    socket.on("club:access-revoked", (payload) => {
      if (payload.clubId === clubId) stop();
    });
    socket.on("room:error", () => setConnection("unavailable"));
    return () => {
      stopped = true;
      socket.disconnect();
    };
  }, [roomId, clubId, addReplies, changeReply, applyRoomState]);

  const tree = useMemo(() => buildThreadTree(replies, sort), [replies, sort]);
  // A busy room renders its first threads and offers the rest on request: the page (and the
  // server's render of it) stays quick at thousands of replies, while every reply stays in
  // state so live updates and catch-up work the same for threads not yet shown.
  const [shownThreads, setShownThreads] = useState(threadsPerPage);
  const [scrollTarget, setScrollTarget] = useState<string | null>(null);
  const threadOf = useMemo(() => threadIndexById(tree), [tree]);
  const visibleTree = useMemo(() => tree.slice(0, shownThreads), [tree, shownThreads]);
  const hiddenThreads = tree.length - visibleTree.length;

  const reveal = useCallback((replyId: string) => {
    const thread = threadOf.get(replyId);
    if (thread !== undefined) setShownThreads((shown) => Math.max(shown, thread + 1));
    setScrollTarget(replyId);
  }, [threadOf]);

  useEffect(() => {
    if (!scrollTarget) return;
    const element = document.getElementById(`reply-${scrollTarget}`);
    if (!element) return;
    element.scrollIntoView({ behavior: "smooth", block: "center" });
    setScrollTarget(null);
  }, [scrollTarget, visibleTree]);
  const pinned = useMemo(() => replies.filter((reply) => reply.pinned), [replies]);
  const arrivedIds = useMemo(() => new Set(arrived), [arrived]);
  const unread = arrived.length;
  const onPosted = useCallback((reply: ReplyView) => {
    addReplies([reply], false);
    // Your own new thread may land past the threads shown: show it.
    if (reply.parentId === null) setShownThreads((shown) => shown + 1);
  }, [addReplies]);
  const discussion = useMemo<DiscussionState>(
    () => ({ roomId, viewer, locked, revoked, onPosted, onChanged: changeReply }),
    [roomId, viewer, locked, revoked, onPosted, changeReply],
  );

  const mayPost = !revoked && canPostInRoom(viewer.role, { locked });
  const mayLock = !revoked && can(viewer.role, "room:lock");

  function showArrived() {
    const first = arrived[0];
    if (first) reveal(first);
    setArrived([]);
  }

  async function setRoomLock(next: boolean) {
    if (lockPending) return;
    setLockPending(true);
    setLockError(null);
    const result = await requestJson<{ room: RoomStateView }>(`/api/rooms/${roomId}/lock`, { method: next ? "PUT" : "DELETE" });
    setLockPending(false);
    if (result.ok) {
      applyRoomState(result.data.room);
      setConfirmingLock(false);
    } else {
      setLockError(result.error.message);
    }
  }

  return (
    <DiscussionProvider value={discussion}>
      <section aria-labelledby="replies-heading" className="space-y-6">
        {/* Announced when a lock or a removal arrives live. Not role=status: "Live" is the page's one status. */}
        <div aria-live="polite" className="empty:hidden">
          {revoked ? (
            <div className="rounded-lg border border-line bg-white p-5 shadow-sm">
              <p className="font-serif text-lg font-semibold">You&apos;re no longer a member of this club.</p>
              <p className="mt-1 text-sm text-muted">This page has stopped updating, and you can&apos;t post here any more.</p>
              <Link href="/" className="mt-3 inline-block text-sm font-medium text-accent hover:underline">
                Go to your clubs
              </Link>
            </div>
          ) : locked ? (
            <div className="flex items-start gap-3 rounded-lg border border-amber-300/70 bg-amber-50 px-4 py-3.5 text-ink">
              <LockIcon className="mt-0.5 h-5 w-5 shrink-0 text-amber-700" />
              <div className="flex min-w-0 flex-1 flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="space-y-0.5">
                  <p className="font-medium">This room is locked.</p>
                  <p className="text-sm leading-relaxed text-muted">
                    {mayPost
                      ? "Members can read but can't post new replies. As a moderator, you still can."
                      : "A moderator has closed it to new replies. Everything here stays open to read."}
                  </p>
                </div>
                {mayLock ? (
                  <button
                    type="button"
                    onClick={() => void setRoomLock(false)}
                    disabled={lockPending}
                    className="self-start whitespace-nowrap rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-ink hover:bg-paper focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
                  >
                    {lockPending ? "Unlocking…" : "Unlock room"}
                  </button>
                ) : null}
              </div>
            </div>
          ) : null}
        </div>
        {lockError && !confirmingLock ? (
          <p role="alert" className="text-sm text-danger">
            {lockError}
          </p>
        ) : null}

        {mayPost ? (
          <div className="rounded-lg border border-line bg-white p-4 shadow-sm">
            <ReplyForm roomId={roomId} parentId={null} label="Your answer" onPosted={onPosted} />
          </div>
        ) : null}

        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="replies-heading" className="font-serif text-xl font-semibold">
            {replies.length === 0 ? "No replies yet" : `${replies.length} ${replies.length === 1 ? "reply" : "replies"}`}
          </h2>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <p role="status" aria-live="polite" className="flex items-center gap-1.5 text-muted">
              <span
                aria-hidden
                className={`inline-block h-2 w-2 rounded-full ${connection === "live" ? "bg-emerald-600" : connection === "unavailable" || connection === "revoked" ? "bg-danger" : "bg-amber-500"}`}
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
            {mayLock && !locked ? (
              <button
                type="button"
                onClick={() => {
                  setLockError(null);
                  setConfirmingLock(true);
                }}
                className="flex items-center gap-1.5 text-muted hover:text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent"
              >
                <LockIcon className="h-3.5 w-3.5" />
                Lock room
              </button>
            ) : null}
          </div>
        </div>

        {pinned.length > 0 ? (
          <section aria-labelledby="pinned-heading" className="rounded-lg border border-accent/25 bg-accent-soft/60 px-4 py-3">
            <h3 id="pinned-heading" className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wider text-accent-strong">
              <PinIcon />
              Pinned
            </h3>
            <ul className="mt-2 space-y-1.5">
              {pinned.map((reply) => (
                <li key={reply.id} className="text-sm leading-snug">
                  <a
                    href={`#reply-${reply.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      reveal(reply.id);
                    }}
                    className="group block rounded focus-visible:outline-2 focus-visible:outline-accent">
                    <span className="font-semibold text-ink">{reply.author.name}</span>
                    <span className="text-muted">: </span>
                    <span className="text-ink group-hover:underline">{excerptFromHtml(reply.bodyHtml)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {replies.length === 0 ? (
          <p className="text-muted">
            {mayPost ? "Be the first to answer. Others will see your reply as soon as you post it." : "Nobody answered this question before it was locked."}
          </p>
        ) : (
          <>
            <ReplyList nodes={visibleTree} arrivedIds={arrivedIds} />
            {hiddenThreads > 0 ? (
              <div className="flex justify-center">
                <button
                  type="button"
                  onClick={() => setShownThreads((shown) => shown + threadsPerPage)}
                  className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-paper"
                >
                  Show {Math.min(threadsPerPage, hiddenThreads)} more {hiddenThreads === 1 ? "thread" : "threads"} ({hiddenThreads} not shown yet)
                </button>
              </div>
            ) : null}
          </>
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

        {mayLock ? (
          <ConfirmDialog
            open={confirmingLock}
            title="Lock this room?"
            description="Members will be able to read everything here but not post or edit replies until you unlock it. Moderators can still post."
            confirmLabel="Lock room"
            pendingLabel="Locking…"
            tone="primary"
            pending={lockPending}
            error={confirmingLock ? lockError : null}
            onCancel={() => {
              setConfirmingLock(false);
              setLockError(null);
            }}
            onConfirm={() => void setRoomLock(true)}
          />
        ) : null}
      </section>
    </DiscussionProvider>
  );
}

function LockIcon({ className }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={className} fill="currentColor">
      <path
        fillRule="evenodd"
        d="M10 1.5a4 4 0 0 0-4 4V8H5a1.5 1.5 0 0 0-1.5 1.5v7A1.5 1.5 0 0 0 5 18h10a1.5 1.5 0 0 0 1.5-1.5v-7A1.5 1.5 0 0 0 15 8h-1V5.5a4 4 0 0 0-4-4Zm2.5 6.5V5.5a2.5 2.5 0 0 0-5 0V8h5Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
