import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clubs } from "./clubs";
import { users } from "./users";

export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    // SHA-256 (hex) of the secret in the link, never the secret itself: a copy of the database
    // opens no club. The link holds the raw token; lookups hash what they are given
    // (lib/clubs/invites.ts hashInviteToken). The column keeps its name "token" (migration 0004 hashed it in place).
    tokenHash: text("token").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // Null: any number of people may join through the link until it expires.
    maxUses: integer("max_uses"),
    uses: integer("uses").notNull().default(0),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("invites_token_key").on(table.tokenHash), index("invites_club_idx").on(table.clubId)],
);

export type Invite = typeof invites.$inferSelect;
