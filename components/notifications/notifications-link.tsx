"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { Outcome } from "@/lib/doors/outcome";
import { connectRealtime } from "@/lib/realtime/client";

type Props = {
  unread: number;
  /** Reads the count again (a server action): when the live connection comes up, a change made meanwhile is not missed. */
  countUnread: () => Promise<Outcome<number>>;
};

/**
 * The header's way to the notifications page, with the number of unread ones. The count comes
 * with the page and then live, on the member's own channel (lib/realtime/server.ts userChannel):
 * the server sends the new count after each change commits, wherever the member is in the app.
 */
export function NotificationsLink({ unread: initialUnread, countUnread }: Props) {
  const t = useTranslations("common");
  const [unread, setUnread] = useState(initialUnread);
  // Counts live events, so a re-read that was overtaken by one is dropped.
  const heard = useRef(0);
  // A new page render (navigation, a refresh after marking read) brings the count it read.
  useEffect(() => setUnread(initialUnread), [initialUnread]);
  useEffect(() => {
    const socket = connectRealtime();
    socket.on("notifications:unread", (payload) => {
      heard.current += 1;
      setUnread(payload.unread);
    });
    // Between the page's render and the connection (or while it was down), a change may have been missed.
    socket.on("connect", () => {
      const before = heard.current;
      void countUnread()
        .then((result) => {
          if (result.ok && heard.current === before) setUnread(result.data);
        })
        .catch(() => undefined);
    });
    return () => {
      socket.disconnect();
    };
  }, [countUnread]);
  const label = t("notificationsLink", { count: unread });
  return (
    <Link
      href="/notifications"
      data-unread={unread}
      aria-label={label}
      title={label}
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-muted hover:bg-white hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className="h-5 w-5">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -right-0.5 -top-0.5 min-w-[1.15rem] rounded-full bg-accent px-1 text-center text-[0.68rem] font-semibold leading-[1.15rem] text-white ring-2 ring-paper"
        >
          {unread > 9 ? "9+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
