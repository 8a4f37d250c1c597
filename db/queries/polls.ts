import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { books } from "@/db/schema/clubs";
import { meetings } from "@/db/schema/meetings";
import { pollOptions, polls, pollVotes, type Poll, type PollOption } from "@/db/schema/polls";
import { users } from "@/db/schema/users";
import { insertClubBook } from "./books";
import { shownName } from "./former-members";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** What a moderator sets when opening a poll; the closing instant is already resolved from their zone. */
export type PollValues = Pick<
  Poll,
  "kind" | "question" | "description" | "voting" | "maxChoices" | "resultsWhileOpen" | "anonymous" | "proposalsOpen" | "closesAt" | "timeZone"
>;

/** An option as written: its text, or a book's title with its author, link and cover. */
export type OptionValues = Pick<PollOption, "title" | "author" | "link" | "coverUrl">;

const pollColumns = {
  id: polls.id,
  clubId: polls.clubId,
  kind: polls.kind,
  question: polls.question,
  description: polls.description,
  voting: polls.voting,
  maxChoices: polls.maxChoices,
  resultsWhileOpen: polls.resultsWhileOpen,
  anonymous: polls.anonymous,
  proposalsOpen: polls.proposalsOpen,
  closesAt: polls.closesAt,
  timeZone: polls.timeZone,
  closedAt: polls.closedAt,
  adoptedBookId: polls.adoptedBookId,
  createdAt: polls.createdAt,
};

/** A poll as the doors read it: its row's columns in pollColumns, typed from the schema. */
export type PollRow = Pick<Poll, keyof typeof pollColumns>;

/** An option with who proposed it: proposerName is null for none, or a deleted account (db/queries/former-members.ts). */
export type OptionRow = OptionValues & { id: string; position: number; proposedById: string | null; proposerName: string | null };

/** One row of a ballot: rank 1 is a ranked ballot's first preference (and every plain choice). */
export type BallotRow = { userId: string; optionId: string; rank: number; /** Null: a deleted account. */ voterName: string | null };

/** Whether a poll takes no more writes at `now`: closed by hand, or its closing time has come. */
function closedAt(poll: { closedAt: Date | null; closesAt: Date | null }, now: Date): boolean {
  return poll.closedAt !== null || (poll.closesAt !== null && poll.closesAt.getTime() <= now.getTime());
}

/** Opens a poll with its options, together or not at all. */
export async function createPoll(input: { clubId: string; createdById: string; values: PollValues; options: OptionValues[] }): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const [poll] = await tx
      .insert(polls)
      .values({ clubId: input.clubId, createdById: input.createdById, ...input.values })
      .returning({ id: polls.id });
    if (!poll) throw new Error("Insert returned no poll");
    if (input.options.length > 0) {
      await tx.insert(pollOptions).values(input.options.map((option, index) => ({ pollId: poll.id, position: index + 1, ...option })));
    }
    return poll;
  });
}

/** A poll, only if it belongs to this club: ids mixed across clubs find nothing. */
export async function getClubPoll(input: { clubId: string; pollId: string }): Promise<PollRow | null> {
  const [row] = await getDb()
    .select(pollColumns)
    .from(polls)
    .where(and(eq(polls.id, input.pollId), eq(polls.clubId, input.clubId)))
    .limit(1);
  return row ?? null;
}

/** Every poll of a club, newest first, with how many members voted and whether `userId` did. */
export async function listClubPolls(input: { clubId: string; userId: string; limit: number }) {
  // Written out with aliases: inside a subquery an unqualified "id" would name the inner table's own.
  const voters = sql<number>`(select count(distinct pv.user_id)::int from poll_votes pv where pv.poll_id = "polls"."id")`;
  const voted = sql<boolean>`exists (select 1 from poll_votes pv where pv.poll_id = "polls"."id" and pv.user_id = ${input.userId})`;
  const optionCount = sql<number>`(select count(*)::int from poll_options po where po.poll_id = "polls"."id")`;
  return getDb()
    .select({ ...pollColumns, voterCount: voters, viewerVoted: voted, optionCount })
    .from(polls)
    .where(eq(polls.clubId, input.clubId))
    .orderBy(desc(polls.createdAt), asc(polls.id))
    .limit(input.limit);
}

async function readOptions(db: Database | Transaction, pollId: string): Promise<OptionRow[]> {
  const rows = await db
    .select({
      id: pollOptions.id,
      position: pollOptions.position,
      title: pollOptions.title,
      author: pollOptions.author,
      link: pollOptions.link,
      coverUrl: pollOptions.coverUrl,
      proposedById: pollOptions.proposedById,
      proposerName: shownName(users),
    })
    .from(pollOptions)
    .leftJoin(users, eq(users.id, pollOptions.proposedById))
    .where(eq(pollOptions.pollId, pollId))
    .orderBy(asc(pollOptions.position), asc(pollOptions.createdAt));
  return rows;
}

async function readBallots(db: Database | Transaction, pollId: string): Promise<BallotRow[]> {
  const rows = await db
    .select({ userId: pollVotes.userId, optionId: pollVotes.optionId, rank: pollVotes.rank, voterName: shownName(users) })
    .from(pollVotes)
    .innerJoin(users, eq(users.id, pollVotes.userId))
    .where(eq(pollVotes.pollId, pollId))
    .orderBy(asc(pollVotes.userId), asc(pollVotes.rank));
  return rows;
}

/** A poll's options in their order, each with who proposed it. */
export async function listPollOptions(input: { pollId: string }): Promise<OptionRow[]> {
  return readOptions(getDb(), input.pollId);
}

/** Every ballot row of a poll, grouped by voter and in rank order. */
export async function listPollBallots(input: { pollId: string }): Promise<BallotRow[]> {
  return readBallots(getDb(), input.pollId);
}

/** Locks the poll's row for the rest of the transaction: votes, proposals and closing take turns. */
async function lockPoll(tx: Transaction, input: { pollId: string; clubId: string }): Promise<PollRow | null> {
  const [row] = await tx
    .select(pollColumns)
    .from(polls)
    .where(and(eq(polls.id, input.pollId), eq(polls.clubId, input.clubId)))
    .for("update")
    .limit(1);
  return row ?? null;
}

export type BallotWrite = { status: "saved" | "not_found" | "closed" | "unknown_option" };

/**
 * Replaces a member's ballot with `choices` (in preference order; empty withdraws it), in one
 * transaction under the poll's lock, refused once the poll is closed at `now`: after a close by
 * hand, and from its closing instant on.
 */
export async function replaceBallot(input: { pollId: string; clubId: string; userId: string; choices: string[]; now: Date }): Promise<BallotWrite> {
  return getDb().transaction(async (tx) => {
    const poll = await lockPoll(tx, input);
    if (!poll) return { status: "not_found" };
    if (closedAt(poll, input.now)) return { status: "closed" };
    if (input.choices.length > 0) {
      const found = await tx
        .select({ id: pollOptions.id })
        .from(pollOptions)
        .where(and(eq(pollOptions.pollId, poll.id), inArray(pollOptions.id, input.choices)));
      if (found.length !== new Set(input.choices).size) return { status: "unknown_option" };
    }
    await tx.delete(pollVotes).where(and(eq(pollVotes.pollId, poll.id), eq(pollVotes.userId, input.userId)));
    if (input.choices.length > 0) {
      await tx.insert(pollVotes).values(input.choices.map((optionId, index) => ({ pollId: poll.id, userId: input.userId, optionId, rank: index + 1 })));
    }
    return { status: "saved" };
  });
}

export type ProposalWrite =
  | { status: "added"; optionId: string }
  | { status: "not_found" | "closed" | "proposals_closed" | "duplicate" | "too_many" | "not_next_book" };

/**
 * Adds a member's book to an open next-book vote while proposals are open, at the end of the
 * list. The same title and author (ignoring case and spaces at the ends) is refused as a
 * duplicate; at most `maxOptions` options in all.
 */
export async function addProposal(input: { pollId: string; clubId: string; userId: string; values: OptionValues; now: Date; maxOptions: number }): Promise<ProposalWrite> {
  return getDb().transaction(async (tx) => {
    const poll = await lockPoll(tx, input);
    if (!poll) return { status: "not_found" };
    if (poll.kind !== "next_book") return { status: "not_next_book" };
    if (closedAt(poll, input.now)) return { status: "closed" };
    if (!poll.proposalsOpen) return { status: "proposals_closed" };
    const existing = await tx.select({ title: pollOptions.title, author: pollOptions.author, position: pollOptions.position }).from(pollOptions).where(eq(pollOptions.pollId, poll.id));
    if (existing.length >= input.maxOptions) return { status: "too_many" };
    const key = (title: string, author: string | null) => `${title.trim().toLocaleLowerCase()}\u0000${(author ?? "").trim().toLocaleLowerCase()}`;
    const wanted = key(input.values.title, input.values.author);
    if (existing.some((option) => key(option.title, option.author) === wanted)) return { status: "duplicate" };
    const position = Math.max(0, ...existing.map((option) => option.position)) + 1;
    const [option] = await tx
      .insert(pollOptions)
      .values({ pollId: poll.id, position, proposedById: input.userId, ...input.values })
      .returning({ id: pollOptions.id });
    if (!option) throw new Error("Insert returned no option");
    return { status: "added", optionId: option.id };
  });
}

/** Ends proposals for a next-book vote (members can still vote); "unchanged" when they had already ended. */
export async function endProposals(input: { pollId: string; clubId: string }): Promise<"ended" | "unchanged" | "not_found"> {
  return getDb().transaction(async (tx) => {
    const poll = await lockPoll(tx, input);
    if (!poll) return "not_found";
    if (!poll.proposalsOpen) return "unchanged";
    await tx.update(polls).set({ proposalsOpen: false }).where(eq(polls.id, poll.id));
    return "ended";
  });
}

/** What a closed poll is decided from: its options and every ballot, read under its lock. */
export type FrozenPoll = { poll: PollRow; options: OptionRow[]; ballots: BallotRow[] };

export type SettleResult =
  | { status: "not_found" | "already_closed" | "still_open" | "already_adopted" }
  | { status: "settled"; closed: boolean; adoptedBookId: string | null };

/**
 * Closes a poll by hand (`close`) and/or makes a next-book vote's chosen option the club's new
 * current book (`adopt`), in one transaction under the poll's lock, so no vote can land between
 * the count and the book. `adopt` is handed the frozen poll and names the option to adopt; it may
 * throw to refuse (a tie nobody settled), which rolls the close back too. The book is created as
 * db/queries/books.ts creates any club book, and made current there.
 */
export async function settlePoll(input: {
  pollId: string;
  clubId: string;
  userId: string;
  now: Date;
  close: boolean;
  adopt: ((frozen: FrozenPoll) => OptionRow) | null;
}): Promise<SettleResult> {
  return getDb().transaction(async (tx) => {
    const poll = await lockPoll(tx, input);
    if (!poll) return { status: "not_found" };
    const wasClosed = closedAt(poll, input.now);
    if (input.close && wasClosed && !input.adopt) return { status: "already_closed" };
    if (!input.close && !wasClosed) return { status: "still_open" };
    if (input.close && !wasClosed) {
      await tx.update(polls).set({ closedAt: input.now, closedById: input.userId, proposalsOpen: false }).where(eq(polls.id, poll.id));
    }
    if (!input.adopt) return { status: "settled", closed: !wasClosed, adoptedBookId: null };
    if (poll.adoptedBookId) return { status: "already_adopted" };
    const option = input.adopt({ poll, options: await readOptions(tx, poll.id), ballots: await readBallots(tx, poll.id) });
    const book = await insertClubBook(tx, {
      clubId: poll.clubId,
      // Books take only https covers (lib/validation/books.ts); an http one stays on the poll.
      values: { title: option.title, author: option.author ?? "", year: null, coverUrl: option.coverUrl?.startsWith("https://") ? option.coverUrl : null, description: "" },
      makeCurrent: true,
    });
    await tx.update(polls).set({ adoptedBookId: book.id }).where(eq(polls.id, poll.id));
    return { status: "settled", closed: input.close && !wasClosed, adoptedBookId: book.id };
  });
}

/** The title of a poll's adopted book, if it is still the club's. */
export async function getAdoptedBook(input: { clubId: string; bookId: string }): Promise<{ id: string; title: string } | null> {
  const [row] = await getDb()
    .select({ id: books.id, title: books.title })
    .from(books)
    .where(and(eq(books.id, input.bookId), eq(books.clubId, input.clubId)))
    .limit(1);
  return row ?? null;
}

/**
 * The zones a new poll's closing time may default to: the moderator's own (their profile), and
 * the club's (the zone of its most recently scheduled meeting). Either may be null.
 */
export async function getPollZoneDefaults(input: { clubId: string; userId: string }): Promise<{ userZone: string | null; clubZone: string | null }> {
  const db = getDb();
  const [user] = await db.select({ zone: users.timeZone }).from(users).where(eq(users.id, input.userId)).limit(1);
  const [meeting] = await db.select({ zone: meetings.timeZone }).from(meetings).where(eq(meetings.clubId, input.clubId)).orderBy(desc(meetings.createdAt)).limit(1);
  return { userZone: user?.zone ?? null, clubZone: meeting?.zone ?? null };
}
