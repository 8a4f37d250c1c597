"use client";

import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";
import { firstInDisplayOrder, stillNew } from "@/lib/discussion/new-replies";
import { readPositionAfter } from "@/lib/discussion/read-position";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { ThreadNode } from "@/lib/discussion/threads";

// Reading a room: which replies have been on the viewer's screen, the read position that
// follows from it (sent to the server in batches), and where the "New since your last visit"
// divider goes. docs/decisions/0013-unread.md.

/** A write at most this often while reading; whatever is left goes when the page is hidden, closed or left. */
const writeEveryMs = 1_500;
/** Seen: at least half the reply on screen (or, for a tall one, half the screen filled by it)… */
const seenFraction = 0.5;
/** …for at least this long, so a fast scroll past does not count as read. */
const seenAfterMs = 600;

type Reading = {
  /**
   * Where the divider goes: the first reply, in the order the room shows them, of those unread
   * when the room opened (others', visible, after the position); null if none or all are new.
   */
  firstUnreadId: string | null;
  /** The divider's reply while it has not been seen yet (the jump's target); null once seen. */
  jumpTo: string | null;
  /** How many of the replies new when the room opened are still unread (not seen, still visible). */
  newCount: number;
  /** Replies that have been on the viewer's screen since the room opened. */
  seen: ReadonlySet<string>;
  /** Whether a reply was new when the room opened (on a return visit): it wears a "New" badge. */
  isNew: (replyId: string) => boolean;
  /** Watches a reply's element; returns the unwatch. */
  observe: (element: Element, reply: ReplyView) => () => void;
};

const ReadingContext = createContext<Reading | null>(null);

/**
 * Tracks what the viewer has read of a room. Own replies and deleted or hidden ones count as
 * read; any other reply once it has been on screen for a moment (IntersectionObserver). The position moves past a reply only when every reply before it is read too, so
 * reading the last thread first does not mark the ones above it read. Writes go to the
 * markRoomRead door, at most every 1.5 s, and a last one when the page is hidden.
 */
function useReading({ roomId, viewerId, replies, tree, initialReadSeq }: { roomId: string; viewerId: string; replies: ReplyView[]; tree: readonly ThreadNode<ReplyView>[]; initialReadSeq: number | null }): Reading {
  const startedAt = initialReadSeq ?? 0;
  const [opened] = useState(() => {
    const unread = replies.filter((reply) => reply.seq > startedAt && reply.state === "visible" && reply.author.id !== viewerId).sort((a, b) => a.seq - b.seq);
    const first = unread[0];
    // Everything new (a first visit): no "since your last visit" to mark.
    const earliest = replies.reduce((min, reply) => Math.min(min, reply.seq), Number.POSITIVE_INFINITY);
    const showDivider = initialReadSeq !== null && first !== undefined && first.seq !== earliest;
    return { unreadIds: unread.map((reply) => reply.id), unread: new Set(unread.map((reply) => reply.id)), showDivider };
  });
  const seen = useRef(new Set<string>());
  // The same, as state: the counts and the jump follow what has been read.
  const [seenNow, setSeenNow] = useState<ReadonlySet<string>>(() => new Set());
  const position = useRef(startedAt);
  const sent = useRef(startedAt);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const repliesRef = useRef(replies);

  const flush = useCallback(
    (keepalive: boolean) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (position.current <= sent.current) return;
      const seq = position.current;
      const previous = sent.current;
      sent.current = seq;
      void fetch(`/api/rooms/${roomId}/read`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ seq }),
        keepalive,
      }).then(
        (response) => {
          if (!response.ok && sent.current === seq) sent.current = previous;
        },
        () => {
          // Offline: the next read, or the page hiding, sends it again.
          if (sent.current === seq) sent.current = previous;
        },
      );
    },
    [roomId],
  );

  const advance = useCallback(() => {
    const next = readPositionAfter(repliesRef.current, position.current, { viewerId, seen: seen.current });
    if (next <= position.current) return;
    position.current = next;
    timer.current ??= setTimeout(() => flush(false), writeEveryMs);
  }, [viewerId, flush]);

  // New replies (the viewer's own, a deleted one) may let the position move on.
  useEffect(() => {
    repliesRef.current = replies;
    advance();
  }, [replies, advance]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") flush(true);
    };
    const onPageHide = () => flush(true);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
      flush(true);
    };
  }, [flush]);

  const watched = useRef(new Map<Element, { reply: ReplyView; since: ReturnType<typeof setTimeout> | null }>());
  const observer = useRef<IntersectionObserver | null>(null);

  const markSeen = useCallback(
    (element: Element) => {
      const entry = watched.current.get(element);
      if (!entry) return;
      entry.since = null;
      seen.current.add(entry.reply.id);
      const id = entry.reply.id;
      setSeenNow((current) => new Set(current).add(id));
      observer.current?.unobserve(element);
      advance();
    },
    [advance],
  );

  const getObserver = useCallback(() => {
    if (observer.current || typeof IntersectionObserver === "undefined") return observer.current;
    observer.current = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const watch = watched.current.get(entry.target);
          if (!watch) continue;
          const viewport = entry.rootBounds?.height ?? window.innerHeight;
          const onScreen = entry.isIntersecting && (entry.intersectionRatio >= seenFraction || entry.intersectionRect.height >= viewport * seenFraction);
          if (onScreen && watch.since === null) {
            const target = entry.target;
            watch.since = setTimeout(() => markSeen(target), seenAfterMs);
          } else if (!onScreen && watch.since !== null) {
            clearTimeout(watch.since);
            watch.since = null;
          }
        }
      },
      { threshold: [0, 0.25, seenFraction, 0.75, 1] },
    );
    return observer.current;
  }, [markSeen]);

  useEffect(
    () => () => {
      observer.current?.disconnect();
      observer.current = null;
    },
    [],
  );

  const observe = useCallback(
    (element: Element, reply: ReplyView) => {
      // Nothing to learn from what already counts as read.
      if (reply.seq <= position.current || seen.current.has(reply.id) || reply.author.id === viewerId || reply.state !== "visible") return () => {};
      const current = getObserver();
      if (!current) return () => {};
      watched.current.set(element, { reply, since: null });
      current.observe(element);
      return () => {
        const watch = watched.current.get(element);
        if (watch?.since) clearTimeout(watch.since);
        watched.current.delete(element);
        current.unobserve(element);
      };
    },
    [getObserver, viewerId],
  );

  // Threads are shown in tree order, not posting order: the divider goes before the first new
  // reply as shown, so nothing new sits above it. Each new reply also wears a small "New" badge
  // (as Discourse marks new posts), since new answers inside earlier threads are scattered.
  const firstUnreadId = useMemo(() => (opened.showDivider ? firstInDisplayOrder(tree, opened.unread) : null), [opened, tree]);
  const newCount = useMemo(() => stillNew(opened.unreadIds, replies, seenNow).length, [opened, replies, seenNow]);
  const jumpTo = firstUnreadId && stillNew([firstUnreadId], replies, seenNow).length > 0 ? firstUnreadId : null;
  const isNew = useCallback((replyId: string) => opened.showDivider && opened.unread.has(replyId), [opened]);
  return useMemo(() => ({ firstUnreadId, jumpTo, newCount, seen: seenNow, isNew, observe }), [firstUnreadId, jumpTo, newCount, seenNow, isNew, observe]);
}

type ProviderProps = {
  roomId: string;
  viewerId: string;
  replies: ReplyView[];
  /** The room's whole thread tree as shown (its sort), for the divider's place. */
  tree: readonly ThreadNode<ReplyView>[];
  initialReadSeq: number | null;
  children: (reading: Reading) => ReactNode;
};

/** Tracks the room's reading for the replies inside it; the children get the divider's place and the count. */
export function ReadingProvider({ children, ...input }: ProviderProps) {
  const reading = useReading(input);
  return <ReadingContext.Provider value={reading}>{children(reading)}</ReadingContext.Provider>;
}

/** Counts a reply as read once it has been on screen; also says whether the divider goes before it and whether it is new. */
export function useSeenOnScreen(element: RefObject<HTMLElement | null>, reply: ReplyView): { firstUnread: boolean; isNew: boolean } {
  const reading = useContext(ReadingContext);
  const observe = reading?.observe;
  useEffect(() => {
    const target = element.current;
    if (!observe || !target) return;
    return observe(target, reply);
  }, [observe, element, reply]);
  return { firstUnread: reading?.firstUnreadId === reply.id, isNew: reading?.isNew(reply.id) ?? false };
}

/** A reply that was new when the room opened: a small badge beside its time. */
export function NewBadge() {
  const t = useTranslations("discussion");
  return <span className="self-center rounded-full bg-accent-soft px-2 py-0.5 text-xs font-semibold text-accent-strong">{t("reply.new")}</span>;
}

/** Where the replies the viewer has not seen begin. */
export function UnreadDivider() {
  const t = useTranslations("discussion");
  return (
    <div role="separator" aria-label={t("reply.newSince")} className="mb-3 flex items-center gap-3 text-xs font-semibold uppercase tracking-wider text-accent-strong">
      <span aria-hidden className="h-px flex-1 bg-accent/50" />
      <span aria-hidden>{t("reply.newSince")}</span>
      <span aria-hidden className="h-px flex-1 bg-accent/50" />
    </div>
  );
}
