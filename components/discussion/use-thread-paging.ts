"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { threadIndexById, type ThreadNode } from "@/lib/discussion/threads";

export const threadsPerPage = 40;

/**
 * A busy room renders its first threads and offers the rest on request: the page (and the
 * server's render of it) stays quick at thousands of replies, while every reply stays in state
 * so live updates and catch-up work the same for threads not yet shown. `reveal` shows the
 * thread a reply is in and scrolls to it (a pinned reply, the first new one).
 */
export function useThreadPaging(tree: ThreadNode<ReplyView>[]) {
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

  /** One more thread than before: the viewer's own new thread may land past those shown. */
  const showOneMore = useCallback(() => setShownThreads((shown) => shown + 1), []);
  const showMore = useCallback(() => setShownThreads((shown) => shown + threadsPerPage), []);

  return { visibleTree, hiddenThreads, reveal, showMore, showOneMore };
}
