import { describe, expect, it } from "vitest";
import { firstInDisplayOrder, stillNew } from "@/lib/discussion/new-replies";
import { buildThreadTree } from "@/lib/discussion/threads";

const reply = (id: string, seq: number, parentId: string | null = null, state: "visible" | "deleted" | "hidden" = "visible") => ({ id, seq, parentId, state });

describe("stillNew", () => {
  it("drops replies seen on screen and ones deleted or hidden since, keeping the order given", () => {
    const replies = [reply("a", 1), reply("b", 2), reply("c", 3, null, "deleted"), reply("d", 4, null, "hidden"), reply("e", 5)];
    expect(stillNew(["e", "a", "b", "c", "d", "gone"], replies, new Set(["b"]))).toEqual(["e", "a"]);
  });
});

describe("firstInDisplayOrder", () => {
  it("finds a new answer inside an early thread before a new thread posted earlier", () => {
    // Thread "t1" (seq 1) gets an answer "late" (seq 4) after thread "t2" (seq 3) was posted.
    const tree = buildThreadTree([reply("t1", 1), reply("old", 2, "t1"), reply("t2", 3), reply("late", 4, "t1")]);
    expect(firstInDisplayOrder(tree, new Set(["t2", "late"]))).toBe("late");
    expect(firstInDisplayOrder(tree, new Set(["t2"]))).toBe("t2");
    expect(firstInDisplayOrder(tree, new Set(["nowhere"]))).toBeNull();
  });
});
