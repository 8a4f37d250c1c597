"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { ThreadNode } from "@/lib/discussion/threads";
import { ReplyList } from "./reply-thread";

type Props = {
  tree: ThreadNode<ReplyView>[];
  /** Threads in the room not loaded yet. */
  notLoaded: number;
  /** Whether the server has more threads in this order. */
  more: boolean;
  arrivedIds: ReadonlySet<string>;
  onLoadMore: () => Promise<string | null>;
  /**
   * Whether the next threads load by themselves as the button nears the screen. Off while the
   * page was opened at a reply (a link): its thread may sit at the end of those loaded, and
   * threads loading above it would push it away from the reader. A press turns it on.
   */
  autoLoad: boolean;
};

/**
 * The threads loaded so far and, while there are more, a button for the next page of them. The
 * button also loads by itself when it scrolls near the screen (infinite scroll), but stays a
 * real button: keyboard and screen-reader users, and a failed load, can always press it.
 */
export function ThreadList({ tree, notLoaded, more, arrivedIds, onLoadMore, autoLoad }: Props) {
  const t = useTranslations("discussion");
  const [pending, setPending] = useState(false);
  const [armed, setArmed] = useState(autoLoad);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const loadRef = useRef<() => void>(() => undefined);

  loadRef.current = () => {
    if (pending) return;
    setPending(true);
    setError(null);
    void onLoadMore().then((failure) => {
      setPending(false);
      setError(failure);
    });
  };

  useEffect(() => {
    const target = button.current;
    if (!armed || !more || error || !target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadRef.current();
    }, { rootMargin: "400px 0px" });
    observer.observe(target);
    return () => observer.disconnect();
  }, [armed, more, error, tree.length]);

  return (
    <>
      <ReplyList nodes={tree} arrivedIds={arrivedIds} />
      {more ? (
        <div className="flex flex-col items-center gap-2 pt-2">
          <button
            ref={button}
            type="button"
            onClick={() => {
              setArmed(true);
              loadRef.current();
            }}
            disabled={pending}
            aria-busy={pending}
            className="min-h-11 rounded-full border border-line bg-white px-5 py-2 text-sm font-medium text-ink shadow-sm hover:border-accent/40 hover:text-accent focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-70"
          >
            {pending ? t("room.loadingThreads") : notLoaded > 0 ? t("room.moreThreadsCount", { count: notLoaded }) : t("room.moreThreads")}
          </button>
          {error ? (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
