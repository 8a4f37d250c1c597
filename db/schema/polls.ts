import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { books, clubs } from "./clubs";
import { users } from "./users";

/** A plain poll (a question with options) or a next-book vote (options are books). */
export const pollKind = pgEnum("poll_kind", ["question", "next_book"]);

/** How a ballot is cast: one option, several, or all in order of preference (instant runoff). */
export const pollVoting = pgEnum("poll_voting", ["single", "multiple", "ranked"]);

/** A club's poll. Opened by a moderator; closes at closesAt or by hand, whichever comes first. */
export const polls = pgTable(
  "polls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    kind: pollKind("kind").notNull(),
    question: text("question").notNull(),
    description: text("description").notNull().default(""),
    voting: pollVoting("voting").notNull(),
    // "multiple": at most this many options on one ballot (null: as many as there are).
    maxChoices: integer("max_choices"),
    // False: nobody (moderators included) sees the tally until the poll closes.
    resultsWhileOpen: boolean("results_while_open").notNull().default(true),
    // True: nobody, moderators included, is shown who voted for what; only counts.
    anonymous: boolean("anonymous").notNull().default(false),
    // Next-book votes: members may propose books while this is true (a moderator ends proposals).
    proposalsOpen: boolean("proposals_open").notNull().default(false),
    // The instant the poll closes by itself (UTC); null: only by hand.
    closesAt: timestamp("closes_at", { withTimezone: true }),
    // The IANA zone the closing time was set in (the moderator's or club's), for editing it.
    timeZone: text("time_zone").notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedById: uuid("closed_by_id").references(() => users.id, { onDelete: "set null" }),
    // A closed next-book vote whose winner became the club's book: that book.
    adoptedBookId: uuid("adopted_book_id").references(() => books.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("polls_club_created_idx").on(table.clubId, table.createdAt)],
);

/** One option of a poll: its text, or for a next-book vote a book (title, author, link, cover). */
export const pollOptions = pgTable(
  "poll_options",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    // The option's text; for a book, its title.
    title: text("title").notNull(),
    author: text("author"),
    link: text("link"),
    coverUrl: text("cover_url"),
    // The member who proposed the book (null: the moderator's own option, or the account is gone).
    proposedById: uuid("proposed_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("poll_options_poll_idx").on(table.pollId, table.position)],
);

/**
 * A member's ballot, one row per option they chose: rank 1 for single and multiple choice; for a
 * ranked ballot 1 is their first preference. Changing a vote replaces all of a member's rows.
 */
export const pollVotes = pgTable(
  "poll_votes",
  {
    pollId: uuid("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    optionId: uuid("option_id")
      .notNull()
      .references(() => pollOptions.id, { onDelete: "cascade" }),
    rank: integer("rank").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.pollId, table.userId, table.optionId] }), index("poll_votes_option_idx").on(table.optionId)],
);

export type Poll = typeof polls.$inferSelect;
export type PollOption = typeof pollOptions.$inferSelect;
export type PollVote = typeof pollVotes.$inferSelect;
export type PollKind = (typeof pollKind.enumValues)[number];
export type PollVoting = (typeof pollVoting.enumValues)[number];
