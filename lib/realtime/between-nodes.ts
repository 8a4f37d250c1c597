import "server-only";
import type { InterServerEvents } from "./events";
import type { RealtimeServer } from "./publish";

// Messages between app nodes (serverSideEmit), apart from ./publish.ts because presence and the
// server send them too, and only the doors may publish live events.

// The servers whose adapter reaches other nodes. On globalThis for the same reason as the
// server: Next's module graph must see what server.ts's recorded.
const clusteredKey = Symbol.for("chapterhouse.realtime.clustered");
type GlobalWithClustered = typeof globalThis & { [clusteredKey]?: WeakSet<RealtimeServer> };

function clusteredServers(): WeakSet<RealtimeServer> {
  const holder = globalThis as GlobalWithClustered;
  holder[clusteredKey] ??= new WeakSet();
  return holder[clusteredKey];
}

/** Records that `io` shares its traffic with other nodes (attachRealtime, given a cluster adapter). */
export function markClustered(io: RealtimeServer): void {
  clusteredServers().add(io);
}

/**
 * Sends an event to the other app nodes (none with the in-memory adapter, which would only warn).
 * Fire and forget: a node that misses it falls back on expiry (typing marks, cached standings).
 */
export function emitToOtherNodes<Event extends keyof InterServerEvents>(
  io: RealtimeServer,
  event: Event,
  ...args: Parameters<InterServerEvents[Event]>
): void {
  if (clusteredServers().has(io)) io.serverSideEmit(event, ...args);
}
