import { describe, expect, it } from "vitest";
import { reactionSummary } from "@/lib/discussion/reaction-kinds";
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
