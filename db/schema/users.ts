import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-cased; the unique index is on the stored value.
    email: text("email").notNull(),
    name: text("name").notNull(),
    // Null for accounts that only ever signed in through an OAuth provider.
    passwordHash: text("password_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Carried in every session token; raising it ends every session signed in before
    // (password change, "sign out everywhere"). See docs/decisions/0010-sessions-that-end.md.
    sessionVersion: integer("session_version").notNull().default(0),
    // An IANA zone the member chose (or their browser reported): the daily digest goes out at
    // 9:00 there. Null: not known yet, and UTC is used.
    timeZone: text("time_zone"),
    // The language the member chose in their profile ("en" or "es", lib/i18n/locales.ts). Null:
    // follow the browser (Accept-Language), and browserLocale for what is sent when no browser asks.
    locale: text("locale"),
    // The language their browser asked for at their last sign-in, sign-up or profile save: emails,
    // digests and reminders use it when they chose none. Null: never seen, English.
    browserLocale: text("browser_locale"),
    // Set when the member deleted their account: the row stays so their replies keep their
    // threads' shape, shown as "a former member"; everything personal is cleared
    // (docs/decisions/0028-account-deletion.md).
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("users_email_key").on(sql`lower(${table.email})`)],
);

/**
 * Sessions signed out one at a time (plain "Sign out"): the session id a token carries, kept
 * until no token of that session can still be valid, then pruned.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: uuid("session_id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("revoked_sessions_user_idx").on(table.userId), index("revoked_sessions_expires_idx").on(table.expiresAt)],
);

export type User = typeof users.$inferSelect;
