"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import type { ReplyView } from "@/lib/discussion/reply-view";

const attempts = 60;

/**
 * Opens the room at the reply a link names (`?reply=<id>`, what notifications link to): shows
 * the thread it is in, however far past the first page of threads (`reveal`, from
 * useThreadPaging), scrolls to it, marks it highlighted and moves focus to it, so a screen
 * reader starts there too. Runs again when the link changes while the room stays open.
 */
export function useReplyDeepLink(replies: readonly ReplyView[], reveal: (replyId: string) => void): void {
  const wanted = useSearchParams().get("reply");
  const handled = useRef<string | null>(null);
  const known = wanted !== null && replies.some((reply) => reply.id === wanted);

  useEffect(() => {
    if (!wanted || !known || handled.current === wanted) return;
    handled.current = wanted;
    reveal(wanted);
    // The thread renders after reveal's state change: wait for the reply's card, then light it.
    let frame = 0;
    let tries = 0;
    const highlight = () => {
      const article = document.querySelector<HTMLElement>(`#reply-${CSS.escape(wanted)} > article`);
      if (!article) {
        if (++tries < attempts) frame = requestAnimationFrame(highlight);
        return;
      }
      document.querySelectorAll("article[data-highlighted]").forEach((element) => element.removeAttribute("data-highlighted"));
      article.setAttribute("data-highlighted", "true");
      article.focus({ preventScroll: true });
    };
    frame = requestAnimationFrame(highlight);
    return () => cancelAnimationFrame(frame);
  }, [wanted, known, reveal]);
}
