import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The counters of lib/doors/limits.ts, shared by every app node on one Postgres. The shape is
 * rate-limiter-flexible's Drizzle store's (key, points, expire): one row per limited key, its
 * points in the current window, and when that window ends. Keys are hashed there, so no email
 * or address is stored here. Created by a migration, never at run time: two nodes starting at
 * once would race on CREATE TABLE.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
