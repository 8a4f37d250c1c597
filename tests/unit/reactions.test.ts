import { describe, expect, it } from "vitest";
import { reactionSummary } from "@/lib/discussion/reaction-kinds";
import { buildThreadTree } from "@/lib/discussion/threads";
import { canReactInRoom, replyActions } from "@/lib/permissions";

const people = (...names: string[]) => names.map((name) => ({ id: name.toLowerCase(), name }));

describe("reactionSummary", () => {
  it("names who reacted, in order, with the count and emoji", () => {
    expect(reactionSummary({ kind: "thumbs_up", users: people("Ruth", "Kathy", "Tommy") }, null)).toBe("👍 3 — Ruth, Kathy and Tommy");
    expect(reactionSummary({ kind: "heart", users: people("Ruth") }, null)).toBe("❤️ 1 — Ruth");
  });

  it("calls the viewer 'you', first", () => {
    expect(reactionSummary({ kind: "idea", users: people("Ruth", "Kathy") }, "kathy")).toBe("💡 2 — You and Ruth");
    expect(reactionSummary({ kind: "idea", users: people("Kathy") }, "kathy")).toBe("💡 1 — You");
  });

  it("stops naming after eight and says how many more", () => {
    const many = people("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10");
    expect(reactionSummary({ kind: "laugh", users: many }, null)).toBe("😂 10 — A1, A2, A3, A4, A5, A6, A7 and 3 others");
  });
});

describe("who may react", () => {
  it("lets every member react in an open room, only moderators in a locked one, and nobody outside the club", () => {
    expect(canReactInRoom("member", { locked: false })).toBe(true);
    expect(canReactInRoom("member", { locked: true })).toBe(false);
    expect(canReactInRoom("moderator", { locked: true })).toBe(true);
    expect(canReactInRoom(null, { locked: false })).toBe(false);
  });

  it("offers reactions on visible replies only", () => {
    const open = { locked: false };
    expect(replyActions("member", { isAuthor: false, state: "visible", edited: false }, open).react).toBe(true);
    expect(replyActions("member", { isAuthor: false, state: "hidden", edited: false }, open).react).toBe(false);
    expect(replyActions("member", { isAuthor: false, state: "deleted", edited: false }, open).react).toBe(false);
  });
});

describe("the Most reacted sort", () => {
  it("puts the threads whose opening reply has most reactions first, ties oldest first, answers still oldest first", () => {
    const items = [
      { id: "a", parentId: null, seq: 1, reactionCount: 1 },
      { id: "b", parentId: null, seq: 2, reactionCount: 5 },
      { id: "c", parentId: null, seq: 3, reactionCount: 1 },
      { id: "a2", parentId: "a", seq: 5, reactionCount: 0 },
      { id: "a1", parentId: "a", seq: 4, reactionCount: 9 },
    ];
    const tree = buildThreadTree(items, "most_reacted");
    expect(tree.map((node) => node.item.id)).toEqual(["b", "a", "c"]);
    expect(tree[1]!.children.map((node) => node.item.id)).toEqual(["a1", "a2"]);
  });
});
