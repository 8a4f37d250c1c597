"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { scrollBehavior } from "@/components/ui/scroll-behavior";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { loadedPerThread, type ThreadPagingState } from "@/lib/discussion/threads";

/** Replies a thread's "Show more" asks for at once (the server's default page: lib/validation/replies.ts). */
export const repliesPerPage = 12;

type ThreadMore = {
  /** Replies of the thread not loaded yet, when the next page can be asked for; 0 otherwise. */
  remaining: (threadId: string) => number;
  loadMore: (threadId: string) => Promise<string | null>;
};

const ThreadMoreContext = createContext<ThreadMore | null>(null);
export const ThreadMoreProvider = ThreadMoreContext.Provider;

/** The "N more replies" of a thread, for its opening reply's card. */
export function useThreadMore(): ThreadMore | null {
  return useContext(ThreadMoreContext);
}

/**
 * A room read by the page: what each thread still holds, and `reveal`, which brings a reply on
 * screen (loading its thread around it first when it is not loaded: a pinned reply deep in a
 * thread, a link followed while the room is open), scrolls to it and resolves true once it is
 * in the page.
 */
export function useThreadPaging({ replies, threads, loadMoreReplies, loadAround }: {
  replies: readonly ReplyView[];
  threads: Readonly<Record<string, ThreadPagingState>>;
  loadMoreReplies: (threadId: string) => Promise<string | null>;
  loadAround: (replyId: string) => Promise<boolean>;
}) {
  const [scrollTarget, setScrollTarget] = useState<string | null>(null);
  const loadedIds = useRef(new Set<string>());
  useEffect(() => {
    loadedIds.current = new Set(replies.map((reply) => reply.id));
  }, [replies]);
  const loaded = useMemo(() => loadedPerThread(replies), [replies]);

  const reveal = useCallback(
    async (replyId: string): Promise<boolean> => {
      if (!loadedIds.current.has(replyId) && !(await loadAround(replyId))) return false;
      setScrollTarget(replyId);
      return true;
    },
    [loadAround],
  );

  useEffect(() => {
    if (!scrollTarget) return;
    const element = document.getElementById(`reply-${scrollTarget}`);
    if (!element) return;
    element.scrollIntoView({ behavior: scrollBehavior(), block: "center" });
    setScrollTarget(null);
  }, [scrollTarget, replies]);

  const more = useMemo<ThreadMore>(
    () => ({
      remaining: (threadId) => {
        const thread = threads[threadId];
        if (!thread?.next) return 0;
        return Math.max(0, thread.total - (loaded.get(threadId) ?? 0));
      },
      loadMore: loadMoreReplies,
    }),
    [threads, loaded, loadMoreReplies],
  );

  return { reveal, more };
}
