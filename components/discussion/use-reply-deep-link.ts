"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

const attempts = 60;

/**
 * Opens the room at the reply a link names (`?reply=<id>`, what notifications link to): the
 * server already loaded that reply's thread around it with the first screen; a link followed
 * while the room is open loads it through `reveal` (useThreadPaging). Then it scrolls to the
 * reply, marks it highlighted and moves focus to it, so a screen reader starts there too. Runs
 * again when the link changes while the room stays open.
 */
export function useReplyDeepLink(reveal: (replyId: string) => Promise<boolean>): void {
  const wanted = useSearchParams().get("reply");
  const handled = useRef<string | null>(null);

  useEffect(() => {
    if (!wanted || handled.current === wanted) return;
    handled.current = wanted;
    let frame = 0;
    void reveal(wanted).then((found) => {
      if (!found) return;
      // The thread renders after reveal's state change: wait for the reply's card, then light it.
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
    });
    // Only the pending frame is dropped: the reveal's answer still lights the reply when it comes.
    return () => cancelAnimationFrame(frame);
  }, [wanted, reveal]);
}
