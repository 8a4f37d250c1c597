// Counting a poll's ballots: pure, so browser, server and unit tests share one rule
// (docs/decisions/0027-polls.md). No database, no clock, no words.

/** One member's ballot: the options they chose; for a ranked ballot, first preference first. */
export type Ballot = { voterId: string; choices: readonly string[] };

/** An option's votes in a plain (single or multiple choice) count, and who gave them. */
type OptionCount = { optionId: string; votes: number; voterIds: string[] };

/**
 * A single or multiple choice count. `winners` are the options with the most votes (none when
 * nobody voted); more than one is a tie, reported as such: no option is picked arbitrarily.
 */
export type PlainTally = { kind: "plain"; ballots: number; counts: OptionCount[]; winners: string[]; tie: boolean };

/** One round of an instant runoff. */
export type RunoffRound = {
  /** 1-based. */
  round: number;
  /** Votes of each option still in the count this round (options already eliminated are absent). */
  counts: { optionId: string; votes: number }[];
  /** Ballots whose every ranked option has been eliminated: they count for nobody from here on. */
  exhausted: number;
  /** Ballots still counting (not exhausted): a majority is more than half of these. */
  continuing: number;
  /** Eliminated at the end of this round (several when a tie at the bottom could not be broken). */
  eliminated: string[];
  /** How the elimination was decided: the fewest votes outright, by an earlier round's counts, or all tied together. */
  elimination: "fewest" | "earlier-round" | "tied-together" | null;
  /** Set in the deciding round: the option with a majority of continuing ballots (or the last one left). */
  elected: string | null;
};

/**
 * An instant runoff. `winners` holds the elected option, or every option left in a tie nothing
 * could break (all continuing options with equal votes); empty when nobody voted.
 * `firstChoiceVoterIds` says who ranked each option first, for named polls.
 */
export type RankedTally = {
  kind: "ranked";
  ballots: number;
  rounds: RunoffRound[];
  winners: string[];
  tie: boolean;
  firstChoiceVoterIds: Record<string, string[]>;
};

export type Tally = PlainTally | RankedTally;

/**
 * Counts single or multiple choice ballots: one vote per option chosen (a ballot naming an option
 * twice, or an option not in `optionIds`, counts it once or not at all). Options keep the order
 * of `optionIds`.
 */
export function countPlain(optionIds: readonly string[], ballots: readonly Ballot[]): PlainTally {
  const counts = new Map(optionIds.map((id) => [id, { optionId: id, votes: 0, voterIds: [] as string[] }]));
  let cast = 0;
  for (const ballot of ballots) {
    const chosen = new Set(ballot.choices.filter((id) => counts.has(id)));
    if (chosen.size === 0) continue;
    cast += 1;
    for (const id of chosen) {
      const count = counts.get(id);
      if (!count) continue;
      count.votes += 1;
      count.voterIds.push(ballot.voterId);
    }
  }
  const list = [...counts.values()];
  const top = Math.max(0, ...list.map((count) => count.votes));
  const winners = top === 0 ? [] : list.filter((count) => count.votes === top).map((count) => count.optionId);
  return { kind: "plain", ballots: cast, counts: list, winners, tie: winners.length > 1 };
}

/**
 * Instant-runoff voting. Each round every ballot counts for its highest-ranked option still in
 * the count; an option with more than half of the continuing ballots is elected (so is the last
 * option left). Otherwise the option with the fewest votes is eliminated and its ballots move on.
 *
 * Ties for fewest are broken backwards, by the rule of the ACT's Hare-Clark count (Electoral Act
 * 1992 (ACT), Schedule 4 clause 8(2), as amended in 2015): the tied option with fewer votes at the
 * last count goes; if several are still tied, the others drop out of the comparison and the
 * count before is looked at, and so on back to round 1. Where that rule then draws lots, we
 * draw none: options still tied are eliminated together when that leaves an option standing,
 * and when every option left has the same votes the result is a tie among them, which the
 * moderator settles (docs/decisions/0027-polls.md).
 */
export function instantRunoff(optionIds: readonly string[], ballots: readonly Ballot[]): RankedTally {
  const known = new Set(optionIds);
  // Each ballot's preferences, first to last, without unknown options or repeats.
  const rankings = ballots
    .map((ballot) => ({ voterId: ballot.voterId, choices: [...new Set(ballot.choices.filter((id) => known.has(id)))] }))
    .filter((ballot) => ballot.choices.length > 0);
  const firstChoiceVoterIds: Record<string, string[]> = Object.fromEntries(optionIds.map((id) => [id, [] as string[]]));
  for (const ballot of rankings) firstChoiceVoterIds[ballot.choices[0] as string]?.push(ballot.voterId);

  const result: RankedTally = { kind: "ranked", ballots: rankings.length, rounds: [], winners: [], tie: false, firstChoiceVoterIds };
  if (rankings.length === 0) return result;

  const continuing = new Set(optionIds);
  // Earlier rounds' counts, for breaking ties backwards.
  const history: Map<string, number>[] = [];
  for (let round = 1; continuing.size > 0; round++) {
    const votes = new Map([...continuing].map((id) => [id, 0]));
    let exhausted = 0;
    for (const ballot of rankings) {
      const choice = ballot.choices.find((id) => continuing.has(id));
      if (choice === undefined) exhausted += 1;
      else votes.set(choice, (votes.get(choice) ?? 0) + 1);
    }
    const live = rankings.length - exhausted;
    const entry: RunoffRound = {
      round,
      counts: optionIds.filter((id) => continuing.has(id)).map((id) => ({ optionId: id, votes: votes.get(id) ?? 0 })),
      exhausted,
      continuing: live,
      eliminated: [],
      elimination: null,
      elected: null,
    };
    result.rounds.push(entry);

    const leader = [...votes].find(([, count]) => count * 2 > live);
    if (leader || continuing.size === 1) {
      const elected = leader ? leader[0] : ([...continuing][0] as string);
      entry.elected = elected;
      result.winners = [elected];
      return result;
    }

    const fewest = Math.min(...votes.values());
    const lowest = [...votes].filter(([, count]) => count === fewest).map(([id]) => id);
    if (lowest.length === continuing.size) {
      // Everyone left has the same votes: eliminating them all would leave nobody.
      result.winners = optionIds.filter((id) => continuing.has(id));
      result.tie = true;
      return result;
    }
    const { eliminated, elimination } = breakBottomTie(lowest, history);
    entry.eliminated = eliminated;
    entry.elimination = elimination;
    for (const id of eliminated) continuing.delete(id);
    history.push(votes);
  }
  return result;
}

/** Which of the options tied for fewest votes go, by the rule instantRunoff describes. */
function breakBottomTie(
  tied: string[],
  history: readonly Map<string, number>[],
): { eliminated: string[]; elimination: RunoffRound["elimination"] } {
  if (tied.length === 1) return { eliminated: tied, elimination: "fewest" };
  let candidates = tied;
  for (let index = history.length - 1; index >= 0 && candidates.length > 1; index--) {
    const earlier = history[index] as Map<string, number>;
    const fewest = Math.min(...candidates.map((id) => earlier.get(id) ?? 0));
    candidates = candidates.filter((id) => (earlier.get(id) ?? 0) === fewest);
  }
  if (candidates.length === 1) return { eliminated: candidates, elimination: "earlier-round" };
  return { eliminated: candidates, elimination: "tied-together" };
}

/** Counts ballots by the poll's voting mode. */
export function tallyPoll(voting: "single" | "multiple" | "ranked", optionIds: readonly string[], ballots: readonly Ballot[]): Tally {
  return voting === "ranked" ? instantRunoff(optionIds, ballots) : countPlain(optionIds, ballots);
}
