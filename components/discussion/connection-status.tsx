import type { Connection } from "./use-room-live";

const connectionText: Record<Connection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  unavailable: "Live updates unavailable. Reload to try again.",
  revoked: "Live updates stopped.",
};

// What a screen reader (and a hover) hears besides the word: what it means for the room.
const connectionHint: Partial<Record<Connection, string>> = {
  reconnecting: "new replies will appear when the connection is back",
  offline: "your device has no network; new replies will appear when it is back",
};

/**
 * The room's live-connection line: the page's one role=status, which tests and screen readers
 * read. The words are short so they are never cut off, at any width.
 */
export function ConnectionStatus({ connection }: { connection: Connection }) {
  const dot = connection === "live" ? "bg-emerald-600" : connection === "unavailable" || connection === "revoked" || connection === "offline" ? "bg-danger" : "bg-amber-500";
  const hint = connectionHint[connection];
  return (
    <p role="status" aria-live="polite" className="flex min-w-0 items-center gap-1.5 text-sm text-muted" title={hint}>
      <span aria-hidden className={`inline-block h-2 w-2 shrink-0 rounded-full ${dot}`} />
      <span data-testid="connection-state">{connectionText[connection]}</span>
      {hint ? <span className="sr-only">: {hint}</span> : null}
    </p>
  );
}
