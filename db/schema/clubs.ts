import { integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid, index } from "drizzle-orm/pg-core";

/** A book's parts and chapters (lib/books/points.ts: BookShape, validated by lib/validation/book-shape.ts). */
type StoredBookShape = { chapters: number; parts: { title: string; first: number; last: number }[] };
import { users } from "./users";

export const clubs = pgTable("clubs", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  // Set once the club has a book; points at books.id (no FK: the two tables reference each other).
  currentBookId: uuid("current_book_id"),
  // The language the club discusses in ("en" or "es", lib/i18n/locales.ts): search reads its
  // replies with that language's text-search configuration (docs/decisions/0026-search.md).
  language: text("language").notNull().default("en"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const clubRole = pgEnum("club_role", ["owner", "moderator", "member"]);

export const clubMembers = pgTable(
  "club_members",
  {
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: clubRole("role").notNull().default("member"),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.clubId, table.userId] }),
    index("club_members_user_idx").on(table.userId),
  ],
);

export const books = pgTable(
  "books",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    author: text("author").notNull(),
    year: integer("year"),
    coverUrl: text("cover_url"),
    // Spoiler-free: shown open on the book page.
    description: text("description").notNull().default(""),
    // The full summary, ending included: shown only behind a spoiler warning.
    summary: text("summary").notNull().default(""),
    // Null until a moderator gives the book its chapters; points in the book (progress, a room's
    // reach, a meeting's target) are chapter numbers within it.
    shape: jsonb("shape").$type<StoredBookShape>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("books_club_idx").on(table.clubId)],
);

export type Club = typeof clubs.$inferSelect;
export type ClubRole = (typeof clubRole.enumValues)[number];
export type Book = typeof books.$inferSelect;
