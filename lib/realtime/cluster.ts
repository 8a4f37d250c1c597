import "server-only";
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisStreamsAdapter } from "@socket.io/redis-streams-adapter";
import pg from "pg";
import { createClient } from "redis";
import { getEnv } from "@/lib/env";

// How the app nodes share live traffic (docs/decisions/0021-many-nodes.md). Socket.IO's adapter
// carries every broadcast, fetchSockets, socketsLeave, disconnectSockets and serverSideEmit to
// the other nodes: with Redis through a Redis stream (@socket.io/redis-streams-adapter), with
// Postgres through LISTEN/NOTIFY (@socket.io/postgres-adapter, payloads over 8000 bytes through
// the socket_io_attachments table of migration 0012; this adapter version never creates it). On
// PGlite there is one node and the in-memory adapter.

/** Which adapter a node uses: "memory" (one node), "postgres" or "redis". */
type AdapterKind = "memory" | "postgres" | "redis";

/** What server.ts hands to attachRealtime: the adapter's constructor (none: in memory) and how to let go of its connections. */
export type ClusterAdapter = {
  kind: AdapterKind;
  /** Socket.IO's `adapter` option; undefined for the in-memory adapter. */
  adapter: ReturnType<typeof createPostgresAdapter> | ReturnType<typeof createRedisStreamsAdapter> | undefined;
  /** Closes the adapter's own connections (after io.close()); never rejects. */
  close: () => Promise<void>;
};

/**
 * The adapter REALTIME_ADAPTER asks for ("auto": Redis when REDIS_URL is set, else Postgres when
 * DATABASE_URL is set, else memory). Connects to Redis before resolving, so no socket is ever
 * served by a half-made adapter; throws when Redis cannot be reached, or when the adapter asked
 * for lacks its URL.
 */
export async function clusterAdapter(): Promise<ClusterAdapter> {
  const env = getEnv();
  const kind: AdapterKind =
    env.REALTIME_ADAPTER !== "auto" ? env.REALTIME_ADAPTER : env.REDIS_URL ? "redis" : env.DATABASE_URL ? "postgres" : "memory";
  const logError = (error: unknown) => console.error(`Live adapter (${kind}):`, error);
  console.log(`> Live traffic between nodes: ${kind === "memory" ? "none (in-memory adapter, one node)" : `${kind} adapter`}`);

  if (kind === "redis") {
    if (!env.REDIS_URL) throw new Error("REALTIME_ADAPTER=redis needs REDIS_URL.");
    const client = createClient({ url: env.REDIS_URL });
    // node-redis reconnects by itself; an unhandled "error" event would end the process instead.
    client.on("error", logError);
    await client.connect();
    const prefix = env.REDIS_KEY_PREFIX;
    return {
      kind,
      adapter: createRedisStreamsAdapter(client, {
        streamName: `${prefix}:socket.io`,
        channelPrefix: `${prefix}:socket.io`,
        sessionKeyPrefix: `${prefix}:sio:session:`,
        // Events are JSON (the app sends no binary), which skips msgpack on every broadcast.
        onlyPlaintext: true,
      }),
      close: () => client.quit().then(() => undefined, logError),
    };
  }

  if (kind === "postgres") {
    if (!env.DATABASE_URL) throw new Error("REALTIME_ADAPTER=postgres needs DATABASE_URL.");
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      // One connection LISTENs; the rest send NOTIFYs, one short query per broadcast.
      max: env.REALTIME_POOL_SIZE,
      // A broadcast waits for its NOTIFY before the local delivery (socket.io-adapter's
      // ClusterAdapter): bound the wait when Postgres is away instead of hanging every emit.
      connectionTimeoutMillis: 10_000,
    });
    pool.on("error", logError);
    return {
      kind,
      adapter: createPostgresAdapter(pool, { tableName: "socket_io_attachments", errorHandler: logError }),
      close: () => pool.end().catch(logError),
    };
  }

  return { kind, adapter: undefined, close: () => Promise.resolve() };
}
