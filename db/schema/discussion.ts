import { sql } from "drizzle-orm";
import { type AnyPgColumn, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { books, clubs } from "./clubs";
import { users } from "./users";

/** Postgres's `regconfig`: the name of a text-search configuration. */
const regconfig = customType<{ data: string }>({ dataType: () => "regconfig" });
/** Postgres's `tsvector`: a document's normalized words, for full-text search. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A discussion question; each one is a room that replies thread under. */
export const rooms = pgTable(
  "rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    bookId: uuid("book_id")
      .notNull()
      .references(() => books.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    question: text("question").notNull(),
    section: text("section"),
    // How far into the book the question reaches, as a point's rank (lib/books/points.ts: 0 no
    // spoilers, n through chapter n, 10000 the ending); null when nobody said.
    reach: integer("reach"),
    // Last sequence number handed to a reply in this room. Posting bumps it in the statement that
    // inserts the reply, its transaction's last (docs/decisions/0019): the row stays locked only
    // to the commit, so sequence order is commit order and "replies after N" misses nothing.
    replySeq: integer("reply_seq").notNull().default(0),
    // Replies a reader can see: neither deleted nor hidden (kept in step by every write that
    // posts, deletes, hides or unhides a reply).
    replyCount: integer("reply_count").notNull().default(0),
    lastReplyAt: timestamp("last_reply_at", { withTimezone: true }),
    // A locked room takes no new replies except from moderators.
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    // Deleting a question that has replies archives it: hidden from the list, never destroyed.
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("rooms_book_position_idx").on(table.bookId, table.position), index("rooms_club_idx").on(table.clubId)],
);

export const replies = pgTable(
  "replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => replies.id, { onDelete: "cascade" }),
    // How many ancestors the reply has (0: it answers the question), never more than
    // maxReplyDepth - 1 (lib/discussion/depth.ts). A reply to one at the deepest level is threaded
    // beside it, under its parent, and keeps the reply it answers here.
    depth: integer("depth").notNull().default(0),
    replyToId: uuid("reply_to_id").references((): AnyPgColumn => replies.id, { onDelete: "set null" }),
    // The thread the reply belongs to: the id of its top-level reply (its own id when it answers
    // the question). Stored so a room is read a thread at a time (issue 11: rooms read by the page).
    threadId: uuid("thread_id")
      .notNull()
      .references((): AnyPgColumn => replies.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    body: text("body").notNull(),
    // Rendered and sanitized once, at write time, so reading a busy room renders no Markdown.
    bodyHtml: text("body_html").notNull(),
    // Chosen by the client per submission; a retried post with the same key returns the first reply.
    idempotencyKey: uuid("idempotency_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    // A deleted reply keeps its row (and so the thread's shape); its text is cleared.
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
    hiddenById: uuid("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }),
    // Reactions on this reply, all kinds together: the "Most reacted" sort reads it.
    reactionCount: integer("reaction_count").notNull().default(0),
    // How far into the book the reply may spoil, as a point's rank (lib/books/points.ts: 0 no
    // spoilers). Set at write time, never past the author's own progress (lib/discussion/spoilers.ts).
    spoilerLevel: integer("spoiler_level").notNull().default(0),
    // The text-search configuration of the club's language (chapterhouse_en or chapterhouse_es,
    // both unaccented): set by a trigger when the reply is inserted, rewritten when the club's
    // language changes (migration 0015, docs/decisions/0026-search.md).
    searchConfig: regconfig("search_config").notNull().default(sql`'chapterhouse_en'::regconfig`),
    // The reply's words for search, inline spoilers (`||...||`) left out so no search shows them:
    // reply_search_text drops everything from the first "||" to the last (migration 0016), which
    // covers every pair the renderer could veil, at the cost of words between unrelated bars.
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector(search_config, reply_search_text(body))`),
  },
  (table) => [
    uniqueIndex("replies_room_seq_key").on(table.roomId, table.seq),
    uniqueIndex("replies_author_idempotency_key").on(table.authorId, table.idempotencyKey),
    index("replies_parent_idx").on(table.parentId),
    // A thread's replies in posting order, page by page (room, thread, seq).
    index("replies_room_thread_seq_idx").on(table.roomId, table.threadId, table.seq),
    // A room's threads (its top-level replies) in posting order, page by page.
    index("replies_room_threads_idx").on(table.roomId, table.seq).where(sql`${table.parentId} IS NULL`),
    // A room's threads by "Most reacted" (more reactions first, ties oldest first), page by page:
    // the key is negated so one ascending row comparison pages it (db/queries/room-pages.ts).
    index("replies_room_reacted_threads_idx")
      .on(table.roomId, sql`(- ${table.reactionCount})`, table.seq)
      .where(sql`${table.parentId} IS NULL`),
    // A room's pinned replies: a handful among thousands, read for every first screen.
    index("replies_room_pinned_idx").on(table.roomId, table.pinnedAt).where(sql`${table.pinnedAt} IS NOT NULL`),
    // Unread counts (db/queries/read-positions.ts): the visible replies of a room after a
    // position, with their author, read from the index alone.
    index("replies_search_idx").using("gin", table.searchVector),
    index("replies_room_visible_seq_idx")
      .on(table.roomId, table.seq, table.authorId)
      .where(sql`${table.deletedAt} IS NULL AND ${table.hiddenAt} IS NULL`),
  ],
);

export type Room = typeof rooms.$inferSelect;
export type Reply = typeof replies.$inferSelect;

/** Earlier versions of a reply, one row per edit, holding the text as it was before that edit. */
export const replyRevisions = pgTable(
  "reply_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    replyId: uuid("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    // When this version was written (the reply's creation or an earlier edit).
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("reply_revisions_reply_idx").on(table.replyId, table.replacedAt)],
);

export type ReplyRevision = typeof replyRevisions.$inferSelect;

/**
 * How far a member has read a room: every reply with seq <= lastReadSeq has been on their screen.
 * A room with no row has never been opened by them. Unread = visible replies by others after it.
 */
export const readPositions = pgTable(
  "read_positions",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    lastReadSeq: integer("last_read_seq").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.roomId] }), index("read_positions_room_idx").on(table.roomId)],
);

export type ReadPosition = typeof readPositions.$inferSelect;

/**
 * The members a reply @mentions, resolved when it was written: a later rename still points at
 * the same person. At most 10 per reply are notified (lib/discussion/mentions).
 */
export const replyMentions = pgTable(
  "reply_mentions",
  {
    replyId: uuid("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.replyId, table.userId] }), index("reply_mentions_user_idx").on(table.userId)],
);

/** The fixed set of reactions, stored by name; the client draws each one's emoji. */
export const reactionKind = pgEnum("reaction_kind", ["thumbs_up", "heart", "laugh", "surprised", "sad", "idea"]);

/** One member's reaction of one kind on one reply; toggling off deletes the row. */
export const reactions = pgTable(
  "reactions",
  {
    replyId: uuid("reply_id")
      .notNull()
      .references(() => replies.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: reactionKind("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.replyId, table.userId, table.kind] }), index("reactions_user_idx").on(table.userId)],
);

export type Reaction = typeof reactions.$inferSelect;
export type ReactionKind = (typeof reactionKind.enumValues)[number];
