"use client";

import { useTranslations } from "next-intl";
import type { Connection } from "./use-room-live";

const connectionKeys = {
  connecting: "connection.connecting",
  live: "connection.live",
  reconnecting: "connection.reconnecting",
  offline: "connection.offline",
  unavailable: "connection.unavailable",
  revoked: "connection.revoked",
} as const satisfies Record<Connection, string>;

// What a screen reader (and a hover) hears besides the word: what it means for the room.
const connectionHints = {
  reconnecting: "connection.hintReconnecting",
  offline: "connection.hintOffline",
} as const satisfies Partial<Record<Connection, string>>;

/**
 * The room's live-connection line: a role=status that tests and screen readers read (the count
 * of new replies has its own, components/discussion/new-replies-announcer.tsx). The words are
 * short so they are never cut off, at any width.
 */
export function ConnectionStatus({ connection }: { connection: Connection }) {
  const t = useTranslations("discussion");
  const dot = connection === "live" ? "bg-emerald-600" : connection === "unavailable" || connection === "revoked" || connection === "offline" ? "bg-danger" : "bg-amber-500";
  const hintKey = connection === "reconnecting" || connection === "offline" ? connectionHints[connection] : null;
  const hint = hintKey ? t(hintKey) : undefined;
  return (
    <p role="status" aria-live="polite" className="flex min-w-0 items-center gap-1.5 text-sm text-muted" title={hint}>
      <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${dot}`} />
      <span data-testid="connection-state">{t(connectionKeys[connection])}</span>
      {hint ? <span className="sr-only">: {hint}</span> : null}
    </p>
  );
}
