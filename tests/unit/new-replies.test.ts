import { describe, expect, it } from "vitest";
import { stillNew } from "@/lib/discussion/new-replies";

const reply = (id: string, seq: number, parentId: string | null = null, state: "visible" | "deleted" | "hidden" = "visible") => ({ id, seq, parentId, state });

describe("stillNew", () => {
  it("drops replies seen on screen and ones deleted or hidden since, keeping the order given", () => {
    const replies = [reply("a", 1), reply("b", 2), reply("c", 3, null, "deleted"), reply("d", 4, null, "hidden"), reply("e", 5)];
    expect(stillNew(["e", "a", "b", "c", "d", "gone"], replies, new Set(["b"]))).toEqual(["e", "a"]);
  });
});
