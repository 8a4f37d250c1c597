"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { requestJson } from "@/components/discussion/request";
import { connectRealtime } from "@/lib/realtime/client";

/** A club's unread replies for the viewer, as the server counts them (lib/discussion/unread.ts). */
export type ClubUnread = { clubId: string; total: number; rooms: Record<string, number> };

// A burst of replies (a meeting) sends a burst of events: one fetch per this many ms at most.
const refreshDelayMs = 400;

/**
 * A club's unread counts, kept live: the server tells the member's own channel when they change
 * (a reply posted, deleted, hidden; read in another tab), and this fetches them again. After a
 * reconnect it fetches once too, since events may have been missed meanwhile.
 */
function useClubUnread(initial: ClubUnread): [ClubUnread, (next: ClubUnread) => void] {
  const [unread, setUnread] = useState(initial);
  const clubId = initial.clubId;

  useEffect(() => {
    const socket = connectRealtime();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    let connectedBefore = false;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void requestJson<{ unread: ClubUnread }>(`/api/clubs/${clubId}/unread`).then((result) => {
          if (!stopped && result.ok) setUnread(result.data.unread);
        });
      }, refreshDelayMs);
    };
    socket.on("unread:changed", (payload) => {
      if (payload.clubId === clubId) refresh();
    });
    socket.on("connect", () => {
      if (connectedBefore && !socket.recovered) refresh();
      connectedBefore = true;
    });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket.disconnect();
    };
  }, [clubId]);

  return [unread, setUnread];
}

type UnreadContextValue = { unread: ClubUnread; set: (next: ClubUnread) => void };
const UnreadContext = createContext<UnreadContextValue | null>(null);

/** Holds one club's live unread counts for the badges and buttons inside it. */
export function ClubUnreadProvider({ initial, children }: { initial: ClubUnread; children: ReactNode }) {
  const [unread, set] = useClubUnread(initial);
  return <UnreadContext.Provider value={{ unread, set }}>{children}</UnreadContext.Provider>;
}

export function useUnreadContext(): UnreadContextValue {
  const value = useContext(UnreadContext);
  if (!value) throw new Error("useUnreadContext needs a ClubUnreadProvider");
  return value;
}

/** "99+" past 99: each room counts at most 100 (lib/discussion/unread.ts). */
const shownMax = 99;

function Badge({ count, testId }: { count: number; testId: string }) {
  const t = useTranslations("common");
  if (count === 0) return <span data-testid={testId} hidden />;
  const many = count > shownMax;
  return (
    <span data-testid={testId} className="inline-flex shrink-0 items-center rounded-full bg-accent px-2 py-0.5 text-xs font-semibold text-white">
      <span aria-hidden>{many ? t("unreadBadgeMany") : t("unreadBadge", { count })}</span>
      <span className="sr-only">{many ? t("unreadRepliesMany") : t("unreadReplies", { count })}</span>
    </span>
  );
}

/** The club's total: on the home page's club card. */
export function ClubUnreadCount() {
  const { unread } = useUnreadContext();
  return <Badge count={unread.total} testId="club-unread" />;
}

/** One room's count: in the club page's list of questions. */
export function RoomUnreadCount({ roomId }: { roomId: string }) {
  const { unread } = useUnreadContext();
  return <Badge count={unread.rooms[roomId] ?? 0} testId="room-unread" />;
}
