import { describe, expect, it } from "vitest";
import { readPositionAfter } from "@/lib/discussion/read-position";

const me = "me";
const reply = (seq: number, author = "ruth", state: "visible" | "deleted" | "hidden" = "visible") => ({ id: `r${seq}`, seq, state, author: { id: author } });

describe("readPositionAfter", () => {
  it("moves past every reply seen, in sequence order", () => {
    const replies = [reply(3), reply(1), reply(2)];
    expect(readPositionAfter(replies, 0, { viewerId: me, seen: new Set(["r1", "r2", "r3"]) })).toBe(3);
  });

  it("stops at the first reply not seen, even when later ones were", () => {
    const replies = [reply(1), reply(2), reply(3)];
    expect(readPositionAfter(replies, 0, { viewerId: me, seen: new Set(["r1", "r3"]) })).toBe(1);
  });

  it("counts the viewer's own replies and deleted or hidden ones as read", () => {
    const replies = [reply(1, me), reply(2, "ruth", "deleted"), reply(3, "ruth", "hidden"), reply(4), reply(5)];
    expect(readPositionAfter(replies, 0, { viewerId: me, seen: new Set(["r4"]) })).toBe(4);
  });

  it("never goes below where it started", () => {
    expect(readPositionAfter([reply(1), reply(2)], 5, { viewerId: me, seen: new Set() })).toBe(5);
    expect(readPositionAfter([reply(6), reply(7)], 5, { viewerId: me, seen: new Set() })).toBe(5);
  });
});

describe("a room read by the page", () => {
  it("stops at a seq the page has not loaded: a reply never loaded was never on screen", () => {
    const viewerId = "me";
    const loaded = [1, 2, 4, 5].map((seq) => ({ id: `r${seq}`, seq, state: "visible" as const, author: { id: "them" } }));
    const seen = new Set(loaded.map((reply) => reply.id));
    expect(readPositionAfter(loaded, 0, { viewerId, seen })).toBe(2);
    expect(readPositionAfter(loaded, 3, { viewerId, seen })).toBe(5);
  });
});
