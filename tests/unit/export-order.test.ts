import { describe, expect, it } from "vitest";
import { depthFirst, groupThreads } from "@/lib/export/club-source";

const row = (id: string, parentId: string | null, seq: number, visible = true) => ({ id, parentId, threadId: "t", seq, visible });

describe("the export's reading order", () => {
  it("orders a thread depth first, answers in posting order, as the room shows it", () => {
    // a ← b, a ← c, b ← d (posted after c): a, b, d, c.
    const placed = depthFirst(["a"], [row("a", null, 1), row("b", "a", 2), row("c", "a", 3), row("d", "b", 4)]);
    expect(placed.map((reply) => [reply.id, reply.depth])).toEqual([
      ["a", 0],
      ["b", 1],
      ["d", 2],
      ["c", 1],
    ]);
  });

  it("says which hidden or deleted replies have a visible reply somewhere under them", () => {
    const placed = depthFirst(["a"], [row("a", null, 1, false), row("b", "a", 2, false), row("c", "b", 3), row("e", "a", 4, false)]);
    const below = Object.fromEntries(placed.map((reply) => [reply.id, reply.visibleBelow]));
    expect(below).toEqual({ a: true, b: true, c: false, e: false });
  });

  it("groups threads to fit a batch, a thread larger than a batch on its own", () => {
    const threads = [
      { id: "a", seq: 1, size: 100 },
      { id: "b", seq: 2, size: 150 },
      { id: "c", seq: 3, size: 10 },
      { id: "d", seq: 4, size: 900 },
      { id: "e", seq: 5, size: 1 },
    ];
    expect(groupThreads(threads, 250)).toEqual([["a", "b"], ["c"], ["d"], ["e"]]);
  });
});
