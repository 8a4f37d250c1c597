import { describe, expect, it } from "vitest";
import { countPlain, instantRunoff, type Ballot } from "@/lib/polls/tally";

/** Ballots from "A>B>C" strings, one per voter. */
function ballots(...rankings: string[]): Ballot[] {
  return rankings.map((ranking, index) => ({ voterId: `v${index + 1}`, choices: ranking === "" ? [] : ranking.split(">") }));
}

function times(count: number, ranking: string): string[] {
  return Array.from({ length: count }, () => ranking);
}

describe("single and multiple choice", () => {
  it("counts one vote per option chosen and names the winner", () => {
    const tally = countPlain(["A", "B", "C"], ballots("A", "A", "B", "A>C"));
    expect(tally.counts.map((count) => [count.optionId, count.votes])).toEqual([["A", 3], ["B", 1], ["C", 1]]);
    expect(tally.ballots).toBe(4);
    expect(tally.winners).toEqual(["A"]);
    expect(tally.tie).toBe(false);
  });

  it("reports a tie at the top as a tie, with no winner picked", () => {
    const tally = countPlain(["A", "B", "C"], ballots("A", "B", "C>A", "B"));
    expect(tally.winners).toEqual(["A", "B"]);
    expect(tally.tie).toBe(true);
  });

  it("has no winner when nobody voted, and ignores unknown options and repeats", () => {
    expect(countPlain(["A", "B"], []).winners).toEqual([]);
    const tally = countPlain(["A", "B"], ballots("A>A>Z", "Z"));
    expect(tally.ballots).toBe(1);
    expect(tally.counts.find((count) => count.optionId === "A")?.votes).toBe(1);
  });

  it("lists who voted for each option", () => {
    const tally = countPlain(["A", "B"], ballots("A", "B>A"));
    expect(tally.counts.find((count) => count.optionId === "A")?.voterIds).toEqual(["v1", "v2"]);
  });
});

describe("instant runoff", () => {
  it("elects a first-round majority in one round", () => {
    const tally = instantRunoff(["A", "B", "C"], ballots("A", "A", "B>A", "A>C"));
    expect(tally.rounds).toHaveLength(1);
    expect(tally.rounds[0]?.elected).toBe("A");
    expect(tally.winners).toEqual(["A"]);
  });

  it("moves an eliminated option's ballots to their next preference, round by round", () => {
    // Round 1: A 4, B 3, C 2 of 9: no majority, C goes. Round 2: C's ballots go to B: B 5 of 9 wins.
    const tally = instantRunoff(["A", "B", "C"], ballots(...times(4, "A"), ...times(3, "B>A"), "C>B", "C>B"));
    expect(tally.rounds.map((round) => round.counts.map((count) => count.votes))).toEqual([
      [4, 3, 2],
      [4, 5],
    ]);
    expect(tally.rounds[0]?.eliminated).toEqual(["C"]);
    expect(tally.rounds[1]?.elected).toBe("B");
    expect(tally.winners).toEqual(["B"]);
  });

  it("counts exhausted ballots and takes a majority of the ballots still counting", () => {
    // Round 1: A 3, B 2, C 2, D 1. D goes (exhausts). Round 2: A 3, B 2, C 2 of 7: no majority;
    // B and C tie for fewest with 2 each, and in round 1 they were equal too: both go together.
    // Round 3: A 3 + the C voter who ranked A = 4 of 5 continuing (two exhausted): A is elected.
    const tally = instantRunoff(["A", "B", "C", "D"], ballots("A", "A", "A", "B", "B", "C>A", "C", "D"));
    expect(tally.rounds).toHaveLength(3);
    expect(tally.rounds[0]).toMatchObject({ eliminated: ["D"], exhausted: 0, continuing: 8, elimination: "fewest" });
    expect(tally.rounds[1]).toMatchObject({ eliminated: ["B", "C"], exhausted: 1, continuing: 7, elimination: "tied-together" });
    expect(tally.rounds[2]).toMatchObject({ exhausted: 4, continuing: 4, elected: "A" });
    expect(tally.rounds[2]?.counts).toEqual([{ optionId: "A", votes: 4 }]);
  });

  it("breaks a tie for fewest by the round before (backwards)", () => {
    // Round 1: A 5, B 4, C 3, D 1 (D>C). Round 2: A 5, B 4, C 4: B and C tie for fewest;
    // in round 1 C had fewer (3 < 4), so C goes, not B.
    const tally = instantRunoff(["A", "B", "C", "D"], ballots(...times(5, "A"), ...times(4, "B"), ...times(3, "C>B"), "D>C"));
    expect(tally.rounds[1]?.counts).toEqual([
      { optionId: "A", votes: 5 },
      { optionId: "B", votes: 4 },
      { optionId: "C", votes: 4 },
    ]);
    expect(tally.rounds[1]?.eliminated).toEqual(["C"]);
    expect(tally.rounds[1]?.elimination).toBe("earlier-round");
    expect(tally.winners).toEqual(["B"]);
  });

  it("declares a tie when every option left has the same votes", () => {
    const tally = instantRunoff(["A", "B", "C"], ballots("A>C", "B", "C>A", "A", "B", "C"));
    expect(tally.tie).toBe(true);
    expect(tally.winners).toEqual(["A", "B", "C"]);
    expect(tally.rounds).toHaveLength(1);
    expect(tally.rounds[0]?.elected).toBeNull();
  });

  it("declares a two-way tie after the others are eliminated", () => {
    const tally = instantRunoff(["A", "B", "C"], ballots("A", "A", "B", "B", "C"));
    // C goes (exhausts); A 2 and B 2 of 4 continuing: no majority, and they are all that is left.
    expect(tally.rounds).toHaveLength(2);
    expect(tally.rounds[1]?.exhausted).toBe(1);
    expect(tally.tie).toBe(true);
    expect(tally.winners).toEqual(["A", "B"]);
  });

  it("eliminates options with no first preferences together in the first round", () => {
    const tally = instantRunoff(["A", "B", "C", "D"], ballots("A", "A", "B"));
    expect(tally.rounds[0]?.elected).toBe("A");
    const split = instantRunoff(["A", "B", "C", "D"], ballots("A", "B", "A>B", "B>A", "C>A"));
    expect(split.rounds[0]?.eliminated).toEqual(["D"]);
    expect(split.winners).toEqual(["A"]);
  });

  it("has no rounds and no winner when nobody voted", () => {
    expect(instantRunoff(["A", "B"], [])).toMatchObject({ rounds: [], winners: [], tie: false, ballots: 0 });
  });

  it("says who ranked each option first", () => {
    expect(instantRunoff(["A", "B"], ballots("B>A", "A")).firstChoiceVoterIds).toEqual({ A: ["v2"], B: ["v1"] });
  });
});
