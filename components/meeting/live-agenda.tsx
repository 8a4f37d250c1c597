"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { LiveAgendaItem } from "./live-types";

type Props = {
  agenda: LiveAgendaItem[];
  markerRoomId: string | null;
  selectedRoomId: string | null;
  /** Moderators get a "Discuss this now" control on each question. */
  mayMark: boolean;
  /** The question a marker change is being saved for: its controls wait. */
  pending: boolean;
  onSelect: (roomId: string) => void;
  onMark: (roomId: string | null) => void;
};

/** The meeting's questions in order; the one being discussed carries the marker. */
export function LiveAgenda({ agenda, markerRoomId, selectedRoomId, mayMark, pending, onSelect, onMark }: Props) {
  const t = useTranslations("meeting.agenda");
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  const hidden = (chunks: ReactNode) => <span aria-hidden>{chunks}</span>;
  // Seen as "Discuss this now", heard as "Discuss question 2 now".
  const discussLabel = (position: number) => t.rich("discussNow", { position, sr, hidden });
  const stopLabel = (position: number) => t.rich("stopDiscussing", { position, sr });
  return (
    <ol className="space-y-2.5">
      {agenda.map((item) => {
        const isMarker = item.roomId === markerRoomId;
        const selected = item.roomId === selectedRoomId;
        return (
          <li key={item.roomId}>
            <div
              className={`overflow-hidden rounded-lg border bg-white shadow-sm ${
                selected ? "border-accent/50 ring-1 ring-accent/25" : "border-line"
              } ${isMarker ? "border-l-4 border-l-accent" : ""}`}
            >
              <button
                type="button"
                onClick={() => onSelect(item.roomId)}
                aria-current={selected ? "true" : undefined}
                className={`block w-full px-4 py-3 text-left focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent ${
                  selected ? "bg-accent-soft/40" : "hover:bg-paper/70"
                }`}
              >
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="text-xs font-medium uppercase tracking-wider text-muted">{t("question", { position: item.position })}</span>
                  {isMarker ? (
                    <span className="inline-flex items-center gap-1.5 rounded-full bg-accent px-2 py-0.5 text-[11px] font-medium uppercase tracking-wide text-white">
                      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-white" />
                      <span className="sr-only">, </span>
                      {t("nowDiscussing")}
                    </span>
                  ) : null}
                  <span className="sr-only">: </span>
                </span>
                <span className={`mt-1 block font-serif text-[15px] leading-snug text-ink ${selected ? "" : "line-clamp-3"}`}>{item.question}</span>
              </button>
              {mayMark ? (
                <div className="flex justify-end border-t border-line/70 bg-paper/40 px-3 py-1.5">
                  {isMarker ? (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => onMark(null)}
                      className="rounded px-1.5 py-0.5 text-sm text-muted hover:text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
                    >
                      {stopLabel(item.position)}
                    </button>
                  ) : (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() => onMark(item.roomId)}
                      className="rounded px-1.5 py-0.5 text-sm font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
                    >
                      {discussLabel(item.position)}
                    </button>
                  )}
                </div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
