import type { Connection } from "./use-room-live";

const connectionText: Record<Connection, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting… new replies will appear when the connection is back.",
  unavailable: "Live updates are unavailable. Reload to try again.",
  revoked: "Live updates stopped.",
};

/** The room's live-connection line: the page's one role=status, which tests and screen readers read. */
export function ConnectionStatus({ connection }: { connection: Connection }) {
  const dot = connection === "live" ? "bg-emerald-600" : connection === "unavailable" || connection === "revoked" ? "bg-danger" : "bg-amber-500";
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-1.5 text-muted">
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${dot}`} />
      <span className={connection === "live" ? "" : "max-w-56 truncate"} title={connectionText[connection]}>
        {connectionText[connection]}
      </span>
    </p>
  );
}
