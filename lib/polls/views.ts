import { tallyPoll, type RunoffRound, type Tally } from "./tally";

// What pages and live clients are given about a poll, for one reader: plain, serializable data.
// The rules of who sees what are here, in one place, and nowhere in components:
// - results are left out entirely (null) while a poll runs with results hidden, for everyone,
//   moderators included; they appear once it closes;
// - an anonymous poll never names voters, to anyone; a named one lists them per option.

type PollKindName = "question" | "next_book";
export type PollVotingName = "single" | "multiple" | "ranked";

/** A voter or proposer as shown: their name in the club, or null for a deleted account ("A former member"). */
export type PersonName = string | null;

export type PollOptionView = {
  id: string;
  title: string;
  author: string | null;
  link: string | null;
  coverUrl: string | null;
  /** Who proposed it (a member's proposal); undefined for the moderator's own options. */
  proposedBy?: PersonName;
};

export type PollResultsView =
  | {
      kind: "plain";
      ballots: number;
      counts: { optionId: string; votes: number; voters: PersonName[] | null }[];
      winners: string[];
      tie: boolean;
    }
  | {
      kind: "ranked";
      ballots: number;
      rounds: RunoffRound[];
      winners: string[];
      tie: boolean;
      /** Named polls: who ranked each option first. Null when anonymous. */
      firstChoiceVoters: Record<string, PersonName[]> | null;
    };

export type PollView = {
  id: string;
  clubId: string;
  kind: PollKindName;
  question: string;
  description: string;
  voting: PollVotingName;
  maxChoices: number | null;
  resultsWhileOpen: boolean;
  anonymous: boolean;
  /** Whether members may propose books now (an open next-book vote with proposals open). */
  proposalsOpen: boolean;
  /** ISO instants. */
  closesAt: string | null;
  closedAt: string | null;
  /** The zone the closing time was set in. */
  timeZone: string;
  open: boolean;
  adoptedBook: { id: string; title: string } | null;
  options: PollOptionView[];
  /** How many members have voted: shown even while results are hidden (turnout, not the count). */
  voterCount: number;
  /** The reader's own ballot, first preference first; empty when they have not voted. */
  myBallot: string[];
  /** Null while results are hidden. */
  results: PollResultsView | null;
  may: { vote: boolean; propose: boolean; manage: boolean };
};

type PollFacts = {
  id: string;
  clubId: string;
  kind: PollKindName;
  question: string;
  description: string;
  voting: PollVotingName;
  maxChoices: number | null;
  resultsWhileOpen: boolean;
  anonymous: boolean;
  proposalsOpen: boolean;
  closesAt: Date | null;
  closedAt: Date | null;
  timeZone: string;
};

/** Closed by hand, or its closing instant has come: a poll is closed on read, no job needed. */
export function isPollOpen(poll: { closedAt: Date | null; closesAt: Date | null }, now: Date): boolean {
  return poll.closedAt === null && (poll.closesAt === null || poll.closesAt.getTime() > now.getTime());
}

/** Whether anyone may see the count now: always once closed; while open, only if the moderator chose live results. */
function resultsVisible(poll: { resultsWhileOpen: boolean; closedAt: Date | null; closesAt: Date | null }, now: Date): boolean {
  return poll.resultsWhileOpen || !isPollOpen(poll, now);
}

/** Each member's ballot, in rank order, from its rows. */
function ballotsOf(rows: readonly { userId: string; optionId: string; rank: number }[]): { voterId: string; choices: string[] }[] {
  const byVoter = new Map<string, { optionId: string; rank: number }[]>();
  for (const row of rows) byVoter.set(row.userId, [...(byVoter.get(row.userId) ?? []), row]);
  return [...byVoter].map(([voterId, choices]) => ({ voterId, choices: choices.sort((a, b) => a.rank - b.rank).map((choice) => choice.optionId) }));
}

/** The poll's count from its rows (who voted for what), by its voting mode. */
export function countPoll(poll: { voting: PollVotingName }, optionIds: readonly string[], rows: readonly { userId: string; optionId: string; rank: number }[]): Tally {
  return tallyPoll(poll.voting, optionIds, ballotsOf(rows));
}

/**
 * One reader's view of a poll. `nameOf` says how a voter or proposer is shown (null for a deleted
 * account); `may` is what lib/permissions.ts allows this reader now.
 */
export function pollView(input: {
  poll: PollFacts;
  adoptedBook: { id: string; title: string } | null;
  options: readonly (Omit<PollOptionView, "proposedBy"> & { proposedById: string | null })[];
  rows: readonly { userId: string; optionId: string; rank: number }[];
  viewerId: string;
  nameOf: (userId: string) => PersonName;
  may: PollView["may"];
  now: Date;
}): PollView {
  const { poll, now } = input;
  const open = isPollOpen(poll, now);
  const optionIds = input.options.map((option) => option.id);
  const ballots = ballotsOf(input.rows);
  const mine = ballots.find((ballot) => ballot.voterId === input.viewerId);
  return {
    id: poll.id,
    clubId: poll.clubId,
    kind: poll.kind,
    question: poll.question,
    description: poll.description,
    voting: poll.voting,
    maxChoices: poll.maxChoices,
    resultsWhileOpen: poll.resultsWhileOpen,
    anonymous: poll.anonymous,
    proposalsOpen: open && poll.kind === "next_book" && poll.proposalsOpen,
    closesAt: poll.closesAt?.toISOString() ?? null,
    closedAt: poll.closedAt?.toISOString() ?? (open ? null : (poll.closesAt?.toISOString() ?? null)),
    timeZone: poll.timeZone,
    open,
    adoptedBook: input.adoptedBook,
    options: input.options.map(({ proposedById, ...option }) => (proposedById ? { ...option, proposedBy: input.nameOf(proposedById) } : option)),
    voterCount: ballots.length,
    myBallot: mine?.choices ?? [],
    results: resultsVisible(poll, now) ? resultsView(tallyPoll(poll.voting, optionIds, ballots), poll.anonymous, input.nameOf) : null,
    may: input.may,
  };
}

function resultsView(tally: Tally, anonymous: boolean, nameOf: (userId: string) => PersonName): PollResultsView {
  const names = (ids: readonly string[]) => ids.map(nameOf).sort(byName);
  if (tally.kind === "plain") {
    return {
      kind: "plain",
      ballots: tally.ballots,
      counts: tally.counts.map((count) => ({ optionId: count.optionId, votes: count.votes, voters: anonymous ? null : names(count.voterIds) })),
      winners: tally.winners,
      tie: tally.tie,
    };
  }
  return {
    kind: "ranked",
    ballots: tally.ballots,
    rounds: tally.rounds,
    winners: tally.winners,
    tie: tally.tie,
    firstChoiceVoters: anonymous ? null : Object.fromEntries(Object.entries(tally.firstChoiceVoterIds).map(([optionId, ids]) => [optionId, names(ids)])),
  };
}

// Names in alphabetical order, former members last.
function byName(a: PersonName, b: PersonName): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a.localeCompare(b);
}
