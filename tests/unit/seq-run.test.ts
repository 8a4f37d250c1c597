import { describe, expect, it } from "vitest";
import { advanceSeqRun, resetSeqRun, seqRunFrom } from "@/lib/discussion/seq-run";

// A live page resumes after the last seq it holds without a gap (lib/discussion/seq-run.ts).

describe("the seqs a live page holds without a gap", () => {
  it("moves over replies that arrive in seq order", () => {
    expect(advanceSeqRun(seqRunFrom(10), [11, 12, 13]).through).toBe(13);
  });

  it("does not move past a reply still on its way: a drop now resumes after the gap", () => {
    // 12 and 13 committed together; 13's broadcast came first, then the connection dropped.
    const run = advanceSeqRun(seqRunFrom(10), [11, 13]);
    expect(run.through).toBe(11);
    expect([...run.ahead]).toEqual([13]);
    // 12 arrives (live or by catch-up): the run closes over 13 too.
    expect(advanceSeqRun(run, [12])).toEqual({ through: 13, ahead: new Set() });
  });

  it("ignores seqs it already holds, and the page's own reply counts like any other", () => {
    const run = advanceSeqRun(seqRunFrom(5), [3, 5, 6]);
    expect(run).toEqual({ through: 6, ahead: new Set() });
    expect(advanceSeqRun(run, [6, 4])).toBe(run);
  });

  it("a reloaded first screen counts everything up to its seq as held, keeping what came after", () => {
    const run = advanceSeqRun(seqRunFrom(10), [11, 25, 31]);
    const reloaded = resetSeqRun(run, 30);
    expect(reloaded).toEqual({ through: 31, ahead: new Set() });
    // An older read never moves it back.
    expect(resetSeqRun(reloaded, 20)).toBe(reloaded);
  });
});
