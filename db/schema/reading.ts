import { boolean, index, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { books } from "./clubs";
import { replies, rooms } from "./discussion";
import { users } from "./users";

/**
 * Where a member has read to in a book, as a point's rank (lib/books/points.ts: 0 not started,
 * n through chapter n, 10000 finished). No row: they haven't said, which counts as not started.
 * `shared`: whether other members see it; moderators always do.
 */
export const readingProgress = pgTable(
  "reading_progress",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    bookId: uuid("book_id")
      .notNull()
      .references(() => books.id, { onDelete: "cascade" }),
    reached: integer("reached").notNull().default(0),
    shared: boolean("shared").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.bookId] }), index("reading_progress_book_idx").on(table.bookId)],
);

/** A member chose to open a room that reaches past their progress ("I've read it / show anyway"). */
export const roomVeilLifts = pgTable(
  "room_veil_lifts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    liftedAt: timestamp("lifted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.roomId] }), index("room_veil_lifts_room_idx").on(table.roomId)],
);

/** A member chose to see one reply that reaches past their progress ("Show"); remembered per reply. */
export const replyReveals = pgTable(
  "reply_reveals",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    replyId: uuid("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    revealedAt: timestamp("revealed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.replyId] }), index("reply_reveals_reply_idx").on(table.replyId)],
);
