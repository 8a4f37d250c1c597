"use client";

import { useTranslations } from "next-intl";
import type { PresentMember } from "@/lib/realtime/events";
import type { MeetingConnection } from "./live-types";

// Calm tints from the page's palette; a person keeps theirs because it follows from their id.
const tints = [
  "bg-accent-soft text-accent-strong",
  "bg-amber-100 text-amber-900",
  "bg-rose-100 text-rose-900",
  "bg-sky-100 text-sky-900",
  "bg-emerald-100 text-emerald-900",
  "bg-violet-100 text-violet-900",
];

function tintFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return tints[hash % tints.length] ?? tints[0]!;
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => Array.from(word)[0]?.toUpperCase() ?? "").join("") || "?";
}

const maxAvatars = 6;

const noted = ["connecting", "reconnecting", "unavailable"] as const;
type NotedConnection = (typeof noted)[number];

function isNoted(connection: MeetingConnection): connection is NotedConnection {
  return (noted as readonly string[]).includes(connection);
}

/** Who is at the meeting now, one entry per person however many tabs they have open. */
export function LivePresence({ present, connection }: { present: PresentMember[]; connection: MeetingConnection }) {
  const t = useTranslations("meeting.presence");
  const note = isNoted(connection) ? t(connection) : null;
  const shown = present.slice(0, maxAvatars);
  const more = present.length - shown.length;

  return (
    <div className="flex min-w-0 items-center gap-3">
      {/* A small overlap: at -space-x-2 the next avatar covered the last letter ("RR" read as "RF"). */}
      <div aria-hidden className="flex shrink-0 -space-x-1">
        {shown.map((person) => (
          <span
            key={person.id}
            title={person.name}
            className={`inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold ring-2 ring-white ${tintFor(person.id)}`}
          >
            {initialsOf(person.name)}
          </span>
        ))}
        {more > 0 ? (
          <span className="inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-paper text-xs font-medium text-muted ring-2 ring-white">{t("more", { count: more })}</span>
        ) : null}
      </div>
      {/* Polite: arrivals and departures are read out between other things, never over them. */}
      <p aria-live="polite" className="min-w-0 text-sm leading-snug">
        {present.length > 0 ? (
          <>
            <span className="font-medium text-ink">{t("hereNow")}</span>
            <span className="text-muted">{present.map((person) => person.name).join(", ")}</span>
          </>
        ) : connection === "live" ? (
          <span className="text-muted">{t("nobodyElse")}</span>
        ) : null}
        {note ? <span className={`${present.length > 0 ? "ml-2 " : ""}text-muted`}>{note}</span> : null}
      </p>
    </div>
  );
}
