import "server-only";
import { getDb, databaseInfo, type Database } from "@/db/index";
import { rateLimits } from "@/db/schema/rate-limits";

/**
 * What rate-limiter-flexible's Drizzle store needs to keep its counters in the `rate_limits`
 * table, so every app node on one Postgres counts together; null on PGlite, where the app is a
 * single process and counters are kept in its memory instead (lib/doors/limits.ts).
 */
export function sharedRateLimitStore(): { storeClient: Database; schema: typeof rateLimits } | null {
  return databaseInfo().driver === "postgres" ? { storeClient: getDb(), schema: rateLimits } : null;
}
