"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { Viewer } from "@/components/discussion/discussion-context";
import { requestJson } from "@/components/discussion/request";
import { RoomDiscussion } from "@/components/discussion/room-discussion";
import type { RoomReader } from "@/components/discussion/use-room-live";
import type { BookShape } from "@/lib/books/points";
import type { RoomStateView } from "@/lib/realtime/events";
import type { MentionableMember } from "@/lib/discussion/mention-syntax";
import type { RoomPageView } from "@/lib/discussion/room-page-view";
import type { LiveAgendaItem } from "./live-types";

type Snapshot =
  | { status: "loading" }
  | { status: "ready"; page: RoomPageView; locked: boolean; members: MentionableMember[]; reader: Reader }
  | { status: "failed"; message: string }
  // The question reaches past where the reader is: a veil to lift on the room's own page, not an error to retry.
  | { status: "veiled"; message: string };

type Reader = RoomReader & { shape: BookShape | null };

type Props = {
  clubId: string;
  item: LiveAgendaItem;
  isMarker: boolean;
  viewer: Viewer;
};

/**
 * One agenda question with its live replies. Mount it keyed by the room: its replies and lock
 * are loaded fresh when it is chosen, and the room's own live connection keeps them current.
 */
export function LiveRoomPanel({ clubId, item, isMarker, viewer }: Props) {
  const t = useTranslations("meeting");
  const unavailable = t("room.unavailable");
  const [snapshot, setSnapshot] = useState<Snapshot>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const heading = useId();

  useEffect(() => {
    let cancelled = false;
    void requestJson<RoomPageView & { room: RoomStateView; members: MentionableMember[]; reader: Reader }>(`/api/rooms/${item.roomId}`).then((result) => {
      if (cancelled) return;
      setSnapshot(
        result.ok
          ? { status: "ready", page: result.data, locked: result.data.room.locked, members: result.data.members, reader: result.data.reader }
          : result.error.code === "forbidden"
            ? { status: "veiled", message: result.error.message }
            : { status: "failed", message: result.error.code === "not_found" ? unavailable : result.error.message },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [item.roomId, attempt, unavailable]);

  return (
    <section aria-labelledby={heading} className="min-w-0 space-y-6">
      <header className="space-y-2 border-b border-line pb-5">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs font-medium uppercase tracking-wider text-muted">
          {t("agenda.question", { position: item.position })}
          {isMarker ? <span className="rounded-full bg-accent-soft px-2 py-0.5 text-[11px] text-accent-strong">{t("agenda.nowDiscussing")}</span> : null}
        </p>
        <h2 id={heading} className="font-serif text-2xl font-semibold leading-snug">
          {item.question}
        </h2>
        <Link href={`/clubs/${clubId}/rooms/${item.roomId}`} className="inline-block text-sm text-accent hover:underline">
          {t("room.openRoom")}
        </Link>
      </header>

      {snapshot.status === "loading" ? (
        <div aria-busy="true" className="space-y-3">
          <p className="text-sm text-muted">{t("room.loading")}</p>
          <div aria-hidden className="h-24 animate-pulse rounded-lg border border-line bg-white/70" />
          <div aria-hidden className="h-16 animate-pulse rounded-lg border border-line bg-white/50" />
        </div>
      ) : snapshot.status === "veiled" ? (
        <div role="note" className="space-y-2 rounded-lg border border-line bg-white p-4 text-sm">
          <p className="text-muted">{snapshot.message}</p>
          <Link href={`/clubs/${clubId}/rooms/${item.roomId}`} className="font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent">
            {t("room.openToChoose")}
          </Link>
        </div>
      ) : snapshot.status === "failed" ? (
        <div role="alert" className="space-y-2 rounded-lg border border-line bg-white p-4 text-sm">
          <p className="text-danger">{snapshot.message}</p>
          <button
            type="button"
            onClick={() => {
              setSnapshot({ status: "loading" });
              setAttempt((count) => count + 1);
            }}
            className="font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
          >
            {t("room.retry")}
          </button>
        </div>
      ) : (
        <RoomDiscussion
          key={item.roomId}
          roomId={item.roomId}
          clubId={clubId}
          viewer={viewer}
          initialPage={snapshot.page}
          initialLocked={snapshot.locked}
          // The meeting's own strip already says who is here; typing still shows.
          showHereNow={false}
          members={snapshot.members}
          reader={snapshot.reader}
        />
      )}
    </section>
  );
}
