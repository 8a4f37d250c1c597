"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

export type AgendaRoom = { id: string; position: number; question: string };

type Props = {
  rooms: AgendaRoom[];
  /** The chosen room ids, in agenda order. */
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
};

function focusSoon(id: string) {
  // After React has moved the row, so focus lands on the button in its new place.
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * The agenda: a checkbox per question of the current book. Chosen questions rise to the top in
 * the order they will be discussed, and each has "move up" and "move down" buttons.
 */
export function AgendaPicker({ rooms, value, onChange, error }: Props) {
  const t = useTranslations("meeting.picker");
  const [announcement, setAnnouncement] = useState("");
  const byId = new Map(rooms.map((room) => [room.id, room]));
  const chosen = value.map((id) => byId.get(id)).filter((room): room is AgendaRoom => room !== undefined);
  const others = rooms.filter((room) => !value.includes(room.id));

  function toggle(room: AgendaRoom, checked: boolean) {
    const next = checked ? [...value, room.id] : value.filter((id) => id !== room.id);
    onChange(next);
    setAnnouncement(
      checked ? t("added", { position: room.position, number: next.length, count: next.length }) : t("removed", { position: room.position }),
    );
    focusSoon(`agenda-${room.id}`);
  }

  function move(room: AgendaRoom, by: -1 | 1) {
    const index = value.indexOf(room.id);
    const target = index + by;
    if (index < 0 || target < 0 || target >= value.length) return;
    const next = [...value];
    next.splice(index, 1);
    next.splice(target, 0, room.id);
    onChange(next);
    setAnnouncement(t("moved", { position: room.position, number: target + 1, count: next.length }));
    // At either end the button just used turns off; keep focus on its partner instead.
    const atEdge = (by === -1 && target === 0) || (by === 1 && target === next.length - 1);
    focusSoon(`agenda-${room.id}-${(by === -1) !== atEdge ? "up" : "down"}`);
  }

  if (rooms.length === 0) {
    return (
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-ink">{t("legend")}</legend>
        <p className="rounded-md border border-dashed border-line bg-paper/60 px-3 py-2 text-sm text-muted">
          {t("empty")}
        </p>
      </fieldset>
    );
  }

  const rowClass = "flex items-start gap-3 rounded-md border px-3 py-2.5";
  return (
    <fieldset className="space-y-2" aria-describedby={`agenda-hint${error ? " agenda-error" : ""}`}>
      <legend className="text-sm font-medium text-ink">{t("legendOptional")}</legend>
      <p id="agenda-hint" className="text-xs text-muted">
        {t("hint")}
      </p>
      <ul className="space-y-2">
        {chosen.map((room, index) => (
          <li key={room.id} className={`${rowClass} border-accent/40 bg-accent-soft/60`}>
            <input
              id={`agenda-${room.id}`}
              type="checkbox"
              checked
              onChange={(event) => toggle(room, event.target.checked)}
              className="mt-1 size-4 shrink-0 accent-accent"
            />
            <label htmlFor={`agenda-${room.id}`} className="flex min-w-0 flex-1 items-start gap-2 text-sm leading-relaxed text-ink">
              <span aria-hidden className="mt-0.5 shrink-0 rounded bg-accent px-1.5 text-xs leading-5 font-semibold text-white">
                {index + 1}
              </span>
              <span className="min-w-0">
                <span className="sr-only">{t("chosenSr", { number: index + 1, position: room.position })}</span>
                <span className="line-clamp-3">{room.question}</span>
              </span>
            </label>
            <span className="flex shrink-0 flex-col gap-1 sm:flex-row">
              <button
                id={`agenda-${room.id}-up`}
                type="button"
                onClick={() => move(room, -1)}
                disabled={index === 0}
                aria-label={t("moveUp", { position: room.position })}
                className="rounded border border-line bg-white px-2 py-0.5 text-sm text-ink hover:bg-paper disabled:opacity-40"
              >
                <span aria-hidden>↑</span>
              </button>
              <button
                id={`agenda-${room.id}-down`}
                type="button"
                onClick={() => move(room, 1)}
                disabled={index === chosen.length - 1}
                aria-label={t("moveDown", { position: room.position })}
                className="rounded border border-line bg-white px-2 py-0.5 text-sm text-ink hover:bg-paper disabled:opacity-40"
              >
                <span aria-hidden>↓</span>
              </button>
            </span>
          </li>
        ))}
        {others.map((room) => (
          <li key={room.id} className={`${rowClass} border-line bg-white`}>
            <input
              id={`agenda-${room.id}`}
              type="checkbox"
              checked={false}
              onChange={(event) => toggle(room, event.target.checked)}
              className="mt-1 size-4 shrink-0 accent-accent"
            />
            <label htmlFor={`agenda-${room.id}`} className="flex min-w-0 flex-1 items-start gap-2 text-sm leading-relaxed text-ink/80">
              <span aria-hidden className="mt-0.5 shrink-0 text-xs leading-5 font-medium text-muted">
                {t("short", { position: room.position })}
              </span>
              <span className="min-w-0">
                <span className="sr-only">{t("questionSr", { position: room.position })}</span>
                <span className="line-clamp-3">{room.question}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {error ? (
        <p id="agenda-error" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
