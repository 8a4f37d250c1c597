import { describe, expect, it } from "vitest";
import { liveStartSeq, loadedPerThread, placeArrivals, type PagedRoom } from "@/lib/discussion/threads";

type Item = { id: string; parentId: string | null; threadId: string; seq: number };
const item = (id: string, seq: number, parentId: string | null = null, threadId = parentId ? "a" : id): Item => ({ id, seq, parentId, threadId });

/** Thread "a" with 5 replies under it, 1 loaded (a1); thread "b" all loaded (none under it). */
function room(): PagedRoom<Item> {
  return {
    replies: [item("a", 1), item("a1", 2, "a"), item("b", 3)],
    threads: { a: { total: 5, next: "cursor-a" }, b: { total: 0, next: null } },
    threadCount: 9,
    counted: new Set(),
  };
}

describe("live replies in a room read by the page", () => {
  it("shows a reply whose parent is loaded and counts it in its thread", () => {
    const { room: next, shown } = placeArrivals(room(), [item("a9", 20, "a1")]);
    expect(shown.map((reply) => reply.id)).toEqual(["a9"]);
    expect(next.threads.a).toEqual({ total: 6, next: "cursor-a" });
    expect(loadedPerThread(next.replies).get("a")).toBe(2);
  });

  it("only grows the thread's count for a reply whose parent is not loaded, once however often it comes", () => {
    const first = placeArrivals(room(), [item("a8", 21, "a4")]);
    expect(first.shown).toEqual([]);
    expect(first.room.threads.a!.total).toBe(6);
    const again = placeArrivals(first.room, [item("a8", 21, "a4")]);
    expect(again.room).toBe(first.room);
  });

  it("shows a new thread and counts it; a reply in a thread not loaded changes nothing", () => {
    const { room: next, shown } = placeArrivals(room(), [item("c", 22), item("z1", 23, "z", "z")]);
    expect(shown.map((reply) => reply.id)).toEqual(["c"]);
    expect(next.threadCount).toBe(10);
    expect(next.threads.c).toEqual({ total: 0, next: null });
    expect(next.threads.z).toBeUndefined();
  });

  it("places a parent and its answer arriving together in one batch, in seq order", () => {
    const { shown } = placeArrivals(room(), [item("b2", 31, "b1", "b"), item("b1", 30, "b", "b")]);
    expect(shown.map((reply) => reply.id)).toEqual(["b1", "b2"]);
  });
});

describe("where a page's live replies start", () => {
  it("starts after the seq the first screen was read at, even when the screen holds a later reply", () => {
    // The screen was read at seq 3; reply 5 (a new thread) committed while it was read and is on it,
    // reply 4 (under a1) committed too and is not. Starting after 5 would never bring 4.
    const page = { ...room(), seq: 3, replies: [...room().replies, item("c", 5)] };
    const start = liveStartSeq(page);
    expect(start).toBe(3);
    const caughtUp = [item("a2", 4, "a1"), item("c", 5)].filter((reply) => reply.seq > start);
    const { room: next, shown } = placeArrivals(page, caughtUp);
    expect(shown.map((reply) => reply.id)).toEqual(["a2"]);
    expect(next.replies.filter((reply) => reply.id === "c")).toHaveLength(1);
  });
});
