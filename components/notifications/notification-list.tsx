"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Outcome } from "@/lib/doors/outcome";
import { connectRealtime } from "@/lib/realtime/client";
import { notificationSentence, type NotificationBody, type NotificationSentence } from "@/lib/notifications/sentence";

/** One line of the notifications page (lib/notifications/groups.ts NotificationGroupView). */
type Line = {
  ids: string[];
  /** What the line says, put into the reader's words here (lib/notifications/sentence.ts). */
  sentence: NotificationSentence;
  sentenceBody: NotificationBody;
  href: string | null;
  createdAt: string;
  read: boolean;
};

type Props = {
  lines: Line[];
  markRead: (input: { ids: string[] }) => Promise<Outcome<{ marked: number }>>;
};

/**
 * The notifications, grouped, newest first, read again whenever they change (live) and on each
 * (re)connect. Opening one
 * marks it read (its whole line); "Mark read" does so without leaving. Marking is the member's own business: the server only ever
 * marks the caller's rows.
 */
export function NotificationList({ lines, markRead }: Props) {
  const t = useTranslations("notifications");
  const sentences = useTranslations("email");
  const locale = useLocale();
  const router = useRouter();
  const [readNow, setReadNow] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  // The list follows the badge: whenever the member's notifications change (a new one, one
  // redacted because its reply was hidden or deleted, marked read in another tab), the page is
  // read again, so it never offers a line the badge no longer counts.
  useEffect(() => {
    const socket = connectRealtime();
    socket.on("notifications:unread", () => router.refresh());
    // On every connect, the first one included, the page is read once again: a change made while
    // the connection was down (or not yet up, between the page's render and the first connect)
    // may not have been heard, as the badge beside it knows too. A moment later, not at once: the
    // badge asks for its count on connect (a server action), and a refresh issued alongside it
    // was seen to be lost.
    let timer: ReturnType<typeof setTimeout> | null = null;
    socket.on("connect", () => {
      timer ??= setTimeout(() => {
        timer = null;
        router.refresh();
      }, 500);
    });
    return () => {
      if (timer) clearTimeout(timer);
      socket.disconnect();
    };
  }, [router]);

  async function mark(line: Line): Promise<boolean> {
    const key = line.ids[0] ?? "";
    setReadNow((current) => new Set([...current, key]));
    const result = await markRead({ ids: line.ids });
    if (!result.ok) {
      setReadNow((current) => new Set([...current].filter((id) => id !== key)));
      setProblem(result.error.message);
      return false;
    }
    setProblem(null);
    router.refresh();
    return true;
  }

  return (
    <>
      {problem ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-white px-3 py-2 text-sm text-danger">
          {problem}
        </p>
      ) : null}
      <ul aria-label={t("listLabel")} className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
        {lines.map((line) => {
          const { text, body } = notificationSentence({ sentence: line.sentence, body: line.sentenceBody }, sentences, { locale });
          const read = line.read || readNow.has(line.ids[0] ?? "");
          const count = line.ids.length;
          return (
            <li key={line.ids[0]} className={`relative py-4 pl-8 pr-5 sm:pl-9 ${read ? "" : "bg-accent-soft/50"}`}>
              {read ? null : <span aria-hidden="true" className="absolute left-3.5 top-[1.4rem] h-2 w-2 rounded-full bg-accent sm:left-4" />}
              <div className="grid gap-x-4 gap-y-1 sm:grid-cols-[1fr_auto] sm:items-baseline">
                <p className={read ? "text-ink" : "font-medium text-ink"}>
                  {read ? null : <span className="sr-only">{t("unreadPrefix")}</span>}
                  {line.href ? (
                    <Link
                      href={line.href}
                      className="hover:text-accent hover:underline"
                      onClick={() => {
                        // Opening it is reading it; the link goes on at once, the mark follows.
                        if (!read) void mark(line);
                      }}
                    >
                      {text}
                    </Link>
                  ) : (
                    text
                  )}
                  {count > 1 ? <span className="sr-only"> {t("grouped", { count })}</span> : null}
                </p>
                {/* Beside the text on a wide screen; on a phone, last, so the text and its details stay together. */}
                <RelativeTime iso={line.createdAt} className="order-last text-xs text-muted sm:order-none sm:text-sm" />
                {body ? <p className="whitespace-pre-line text-sm leading-relaxed text-muted">{body}</p> : null}
                {read ? null : (
                  <button
                    type="button"
                    onClick={() => void mark(line)}
                    className="justify-self-start text-sm text-muted hover:text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent sm:col-span-2"
                  >
                    {t("markRead")}
                    <span className="sr-only">: {text}</span>
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
