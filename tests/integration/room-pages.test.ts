import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { replies, rooms } from "@/db/schema/discussion";
import { hideReply, pinReply } from "@/lib/discussion/moderation";
import { setReplyReaction } from "@/lib/discussion/reactions";
import { deleteReply, loadReply } from "@/lib/discussion/replies";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { listRepliesAfter, listRoomThreads, listThreadPage, loadRoomPage, loadRoomSnapshot, roomPageSizes } from "@/lib/discussion/room-reading";
import { AppError } from "@/lib/errors";
import { createTestClub, createTestUser } from "./factories";

// A room read by the page (docs/decisions/0020-rooms-read-by-the-page.md): the cursor's edge
// cases, on the real doors and a real database.

async function roomWithPeople() {
  const [owner, ruth, tommy] = await Promise.all([createTestUser("Kathy"), createTestUser("Ruth"), createTestUser("Tommy")]);
  const club = await createTestClub({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: ruth.id, role: "member" },
      { userId: tommy.id, role: "member" },
    ],
  });
  return { owner, ruth, tommy, roomId: club.roomIds[0]! };
}

/**
 * A reply as posting stores it (next seq, its thread, the room's counters), written directly:
 * these tests build rooms of dozens of replies, more than the posting rate limit lets one
 * member post in a minute. The posting door itself is tested in replies.test.ts.
 */
async function post(roomId: string, userId: string, body: string, parentId: string | null = null): Promise<ReplyView> {
  const db = getDb();
  const parent = parentId ? (await db.select({ threadId: replies.threadId, depth: replies.depth }).from(replies).where(eq(replies.id, parentId)))[0] : undefined;
  const [room] = await db
    .update(rooms)
    .set({ replySeq: sql`${rooms.replySeq} + 1`, replyCount: sql`${rooms.replyCount} + 1` })
    .where(eq(rooms.id, roomId))
    .returning({ seq: rooms.replySeq });
  const id = randomUUID();
  await db.insert(replies).values({
    id,
    roomId,
    parentId,
    threadId: parent?.threadId ?? id,
    depth: parent ? parent.depth + 1 : 0,
    authorId: userId,
    seq: room!.seq,
    body,
    bodyHtml: `<p>${body}</p>`,
    idempotencyKey: randomUUID(),
  });
  return (await loadReply({ replyId: id, userId })).reply;
}

/** Posts `count` threads, one reply each (by seq: root, answer, root, answer…); returns the roots. */
async function threads(roomId: string, userId: string, count: number): Promise<ReplyView[]> {
  const roots: ReplyView[] = [];
  for (let index = 0; index < count; index++) {
    const root = await post(roomId, userId, `Thread ${index}`);
    await post(roomId, userId, `Answer to thread ${index}`, root.id);
    roots.push(root);
  }
  return roots;
}

/** Every thread root (top-level reply) of a room, page by page, in the order the pages give them. */
async function allThreadRoots(roomId: string, userId: string, sort: string, limit: number): Promise<ReplyView[]> {
  const roots: ReplyView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const answer = await listRoomThreads({ roomId, userId, body: { sort, limit: String(limit), ...(cursor ? { cursor } : {}) } });
    roots.push(...answer.replies.filter((reply) => reply.parentId === null));
    if (!answer.next) return roots;
    cursor = answer.next;
  }
  throw new Error("paging never ended");
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("a room's first screen", () => {
  it("holds the first threads with their first replies and the totals, not the whole room", async () => {
    const { ruth, roomId } = await roomWithPeople();
    const roots = await threads(roomId, ruth.id, roomPageSizes.threads + 3);
    // One busy thread: 10 more answers under the first thread.
    for (let index = 0; index < 10; index++) await post(roomId, ruth.id, `More on the first ${index}`, roots[0]!.id);

    const page = await loadRoomPage({ roomId, userId: ruth.id, body: {} });
    const shownRoots = page.replies.filter((reply) => reply.parentId === null).map((reply) => reply.id);
    expect(shownRoots).toEqual(roots.slice(0, roomPageSizes.threads).map((root) => root.id));
    expect(page.threadCount).toBe(roomPageSizes.threads + 3);
    expect(page.replyCount).toBe((roomPageSizes.threads + 3) * 2 + 10);
    expect(page.nextThreads).toEqual(expect.any(String));
    expect(page.seq).toBe((roomPageSizes.threads + 3) * 2 + 10);
    // The busy thread: 11 answers, the first 3 sent, and a cursor for the rest.
    expect(page.threads[roots[0]!.id]).toEqual({ total: 11, next: expect.any(String) });
    expect(page.replies.filter((reply) => reply.threadId === roots[0]!.id && reply.parentId !== null)).toHaveLength(roomPageSizes.repliesPerThread);
    // A thread whose one answer is sent has no next page.
    expect(page.threads[roots[1]!.id]).toEqual({ total: 1, next: null });

    // The snapshot a live page reloads is the same first screen.
    const snapshot = await loadRoomSnapshot({ roomId, userId: ruth.id, body: {} });
    expect(snapshot.replies.map((reply) => reply.id)).toEqual(page.replies.map((reply) => reply.id));
  });

  it("reads a thread's replies page by page, each once, every reply after its parent", async () => {
    const { ruth, tommy, roomId } = await roomWithPeople();
    const root = await post(roomId, ruth.id, "A long thread");
    const posted: ReplyView[] = [];
    for (let index = 0; index < 30; index++) {
      // Half answer the root, half answer an earlier answer: a tree, not a line.
      const parent = index % 2 === 0 || posted.length === 0 ? root : posted[Math.floor(index / 3)]!;
      posted.push(await post(roomId, index % 2 ? tommy.id : ruth.id, `Answer ${index}`, parent.id));
    }
    const page = await loadRoomPage({ roomId, userId: ruth.id, body: {} });
    const seen = page.replies.filter((reply) => reply.threadId === root.id);
    let next = page.threads[root.id]!.next;
    while (next) {
      const more = await listThreadPage({ roomId, threadId: root.id, userId: ruth.id, body: { cursor: next } });
      seen.push(...more.replies);
      expect(more.thread.total).toBe(30);
      next = more.thread.next;
    }
    expect(seen.map((reply) => reply.id)).toEqual([root, ...posted].map((reply) => reply.id));
    const before = new Set<string>();
    for (const reply of seen) {
      if (reply.parentId) expect(before.has(reply.parentId)).toBe(true);
      before.add(reply.id);
    }
  });
});

describe("paging a room's threads by cursor", () => {
  it("gives every thread exactly once in oldest and newest order", async () => {
    const { ruth, roomId } = await roomWithPeople();
    const roots = await threads(roomId, ruth.id, 7);
    const ids = roots.map((root) => root.id);
    expect((await allThreadRoots(roomId, ruth.id, "oldest", 3)).map((root) => root.id)).toEqual(ids);
    expect((await allThreadRoots(roomId, ruth.id, "newest", 2)).map((root) => root.id)).toEqual([...ids].reverse());
  });

  it("orders most reacted by the opening reply's reactions, ties oldest first, across page boundaries", async () => {
    const { owner, ruth, tommy, roomId } = await roomWithPeople();
    const roots = await threads(roomId, ruth.id, 6);
    const react = (replyId: string, userId: string) => setReplyReaction({ replyId, userId, body: { kind: "heart", reacted: true } });
    // Reactions: [0, 2, 1, 2, 0, 2]: three ties at 2, two at 0.
    for (const index of [1, 3, 5]) {
      await react(roots[index]!.id, owner.id);
      await react(roots[index]!.id, tommy.id);
    }
    await react(roots[2]!.id, tommy.id);
    const order = (await allThreadRoots(roomId, ruth.id, "most_reacted", 2)).map((root) => root.id);
    expect(order).toEqual([1, 3, 5, 2, 0, 4].map((index) => roots[index]!.id));
  });

  it("puts pinned threads first on the first screen and never again on a later page", async () => {
    const { owner, ruth, roomId } = await roomWithPeople();
    const roots = await threads(roomId, ruth.id, roomPageSizes.threads + 4);
    const late = roots[roots.length - 1]!;
    await pinReply({ replyId: late.id, userId: owner.id });

    const page = await loadRoomPage({ roomId, userId: ruth.id, body: {} });
    const shownRoots = page.replies.filter((reply) => reply.parentId === null);
    expect(shownRoots.some((reply) => reply.id === late.id && reply.pinned)).toBe(true);
    expect(page.threads[late.id]).toEqual({ total: 1, next: null });

    const seen = shownRoots.map((reply) => reply.id);
    let cursor = page.nextThreads;
    while (cursor) {
      const more = await listRoomThreads({ roomId, userId: ruth.id, body: { cursor } });
      seen.push(...more.replies.filter((reply) => reply.parentId === null).map((reply) => reply.id));
      cursor = more.next;
    }
    expect(seen.filter((id) => id === late.id)).toHaveLength(1);
    expect(new Set(seen).size).toBe(roots.length);
  });

  it("still shows every thread when more are pinned than lead the first screen", async () => {
    const { owner, ruth, roomId } = await roomWithPeople();
    // Pinning has no cap: a moderator can pin more threads than the first screen leads with.
    const roots = await threads(roomId, ruth.id, 24);
    for (const root of roots.slice(0, 22)) await pinReply({ replyId: root.id, userId: owner.id });

    const page = await loadRoomPage({ roomId, userId: ruth.id, body: {} });
    const seen = page.replies.filter((reply) => reply.parentId === null).map((reply) => reply.id);
    let cursor = page.nextThreads;
    while (cursor) {
      const more = await listRoomThreads({ roomId, userId: ruth.id, body: { cursor } });
      seen.push(...more.replies.filter((reply) => reply.parentId === null).map((reply) => reply.id));
      cursor = more.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(roots.map((root) => root.id)));
  });

  it("keeps a deleted reply's place with its answers, and shows a hidden one as hidden", async () => {
    const { owner, ruth, tommy, roomId } = await roomWithPeople();
    const deleted = await post(roomId, ruth.id, "I take this back");
    const answer = await post(roomId, tommy.id, "Too late, I read it", deleted.id);
    const hidden = await post(roomId, tommy.id, "Something unkind");
    await deleteReply({ replyId: deleted.id, userId: ruth.id });
    await hideReply({ replyId: hidden.id, userId: owner.id, body: { reason: "Unkind" } });

    for (const viewer of [ruth.id, owner.id]) {
      const page = await loadRoomPage({ roomId, userId: viewer, body: {} });
      const byId = new Map(page.replies.map((reply) => [reply.id, reply]));
      expect(byId.get(deleted.id)).toMatchObject({ state: "deleted", bodyHtml: "" });
      expect(byId.get(answer.id)).toMatchObject({ state: "visible", parentId: deleted.id });
      // Hidden text never travels in a reply view, to members or moderators (they ask for it).
      expect(byId.get(hidden.id)).toMatchObject({ state: "hidden", bodyHtml: "", hiddenReason: "Unkind" });
      expect(page.threadCount).toBe(2);
      expect(page.replyCount).toBe(1);
    }
  });

  it("loses and repeats nothing when replies arrive while the reader pages", async () => {
    const { ruth, tommy, roomId } = await roomWithPeople();
    const roots = await threads(roomId, ruth.id, 5);
    const first = await listRoomThreads({ roomId, userId: tommy.id, body: { limit: "2" } });
    // Meanwhile: a new thread, and a new answer in a thread not read yet.
    const newThread = await post(roomId, tommy.id, "A new thread while you read");
    await post(roomId, tommy.id, "A late answer", roots[4]!.id);
    const seen = first.replies.filter((reply) => reply.parentId === null).map((reply) => reply.id);
    let cursor = first.next;
    while (cursor) {
      const more = await listRoomThreads({ roomId, userId: tommy.id, body: { cursor, limit: "2" } });
      seen.push(...more.replies.filter((reply) => reply.parentId === null).map((reply) => reply.id));
      cursor = more.next;
    }
    expect(seen).toEqual([...roots.map((root) => root.id), newThread.id]);

    // Catch-up by seq, a page of 3 at a time, with a reply posted between two pages.
    const caught: number[] = [];
    let page = await listRepliesAfter({ roomId, userId: tommy.id, body: { after: "0", limit: "3" } });
    caught.push(...page.replies.map((reply) => reply.seq));
    await post(roomId, ruth.id, "Posted between two pages");
    while (page.next) {
      page = await listRepliesAfter({ roomId, userId: tommy.id, body: { cursor: page.next, limit: "3" } });
      caught.push(...page.replies.map((reply) => reply.seq));
    }
    expect(caught).toEqual(Array.from({ length: 13 }, (_, index) => index + 1));
  });

  it("enforces the page limits with a sentence", async () => {
    const { ruth, roomId } = await roomWithPeople();
    expect((await failure(listRoomThreads({ roomId, userId: ruth.id, body: { limit: "51" } }))).message).toMatch(/at most 50/);
    expect((await failure(listRepliesAfter({ roomId, userId: ruth.id, body: { limit: "501" } }))).code).toBe("bad_request");
    expect((await failure(listRepliesAfter({ roomId, userId: ruth.id, body: { limit: "0" } }))).code).toBe("bad_request");
    const root = await post(roomId, ruth.id, "A thread");
    expect((await failure(listThreadPage({ roomId, threadId: root.id, userId: ruth.id, body: { limit: "101" } }))).code).toBe("bad_request");
    await expect(listRepliesAfter({ roomId, userId: ruth.id, body: { limit: "500" } })).resolves.toMatchObject({ replies: [root], next: null });
  });

  it("refuses a starting seq past what a seq can be with a 400, not a fault", async () => {
    const { ruth, roomId } = await roomWithPeople();
    // A seq is a Postgres integer: a bigger number reached the query and failed there as a 500.
    const tooFar = await failure(listRepliesAfter({ roomId, userId: ruth.id, body: { after: "99999999999" } }));
    expect(tooFar.code).toBe("bad_request");
    expect(tooFar.message).toMatch(/after/);
    // room:join hands its afterSeq to the same door as a number.
    expect((await failure(listRepliesAfter({ roomId, userId: ruth.id, body: { after: 2 ** 31 } }))).code).toBe("bad_request");
    await expect(listRepliesAfter({ roomId, userId: ruth.id, body: { after: 2 ** 31 - 1 } })).resolves.toMatchObject({ replies: [], next: null });
  });

  it("refuses a damaged, forged or misplaced cursor with a 400 that says so", async () => {
    const { ruth, roomId } = await roomWithPeople();
    const roots = await threads(roomId, ruth.id, 4);
    const oldest = await listRoomThreads({ roomId, userId: ruth.id, body: { limit: "1" } });
    const after = await listRepliesAfter({ roomId, userId: ruth.id, body: { limit: "1" } });
    const forged = Buffer.from(JSON.stringify({ k: "t", o: "oldest", q: -5, c: 0 })).toString("base64url");
    const bad = [
      () => listRoomThreads({ roomId, userId: ruth.id, body: { cursor: "not a cursor" } }),
      () => listRoomThreads({ roomId, userId: ruth.id, body: { cursor: forged } }),
      () => listRoomThreads({ roomId, userId: ruth.id, body: { cursor: "eyJrIjoidCJ9" } }),
      // A cursor of another kind, or of another order of the threads.
      () => listRoomThreads({ roomId, userId: ruth.id, body: { cursor: after.next } }),
      () => listRoomThreads({ roomId, userId: ruth.id, body: { cursor: oldest.next, sort: "newest" } }),
      () => listRepliesAfter({ roomId, userId: ruth.id, body: { cursor: oldest.next } }),
    ];
    for (const call of bad) {
      const error = await failure(call());
      expect(error.code).toBe("bad_request");
      expect(error.message).toMatch(/page link/);
      expect(error.status).toBe(400);
    }
    // A thread's cursor used for another thread.
    for (let index = 0; index < 5; index++) await post(roomId, ruth.id, `More ${index}`, roots[0]!.id);
    const page = await loadRoomPage({ roomId, userId: ruth.id, body: {} });
    const threadCursor = page.threads[roots[0]!.id]!.next;
    expect(threadCursor).toEqual(expect.any(String));
    expect((await failure(listThreadPage({ roomId, threadId: roots[1]!.id, userId: ruth.id, body: { cursor: threadCursor } }))).code).toBe("bad_request");
    // A thread of another room, or a reply that opens no thread, is not found.
    const other = await roomWithPeople();
    expect((await failure(listThreadPage({ roomId: other.roomId, threadId: roots[0]!.id, userId: other.ruth.id, body: {} }))).code).toBe("not_found");
  });
});

describe("a link to a reply deep in a room", () => {
  it("opens the page at the reply with its thread around it, however late its page", async () => {
    const { ruth, tommy, roomId } = await roomWithPeople();
    const roots = await threads(roomId, ruth.id, roomPageSizes.threads * 2 + 1);
    const lateRoot = roots[roots.length - 1]!;
    let parent = lateRoot;
    const chain: ReplyView[] = [];
    for (let index = 0; index < 12; index++) {
      parent = await post(roomId, index % 2 ? ruth.id : tommy.id, `Deeper ${index}`, index % 3 === 0 ? lateRoot.id : parent.id);
      chain.push(parent);
    }
    const target = chain[9]!;

    const page = await loadRoomPage({ roomId, userId: ruth.id, body: { reply: target.id } });
    expect(page.focus).toBe(target.id);
    const ids = new Set(page.replies.map((reply) => reply.id));
    expect(ids.has(target.id)).toBe(true);
    expect(ids.has(lateRoot.id)).toBe(true);
    // Every reply sent has its parent sent too: the thread shows whole around the reply.
    for (const reply of page.replies) if (reply.parentId) expect(ids.has(reply.parentId)).toBe(true);
    // The replies after it in the thread come with it.
    expect(ids.has(chain[10]!.id) && ids.has(chain[11]!.id)).toBe(true);
    expect(page.threads[lateRoot.id]).toEqual({ total: 13, next: expect.any(String) });

    // The same, asked for while the room is open.
    const around = await listThreadPage({ roomId, threadId: lateRoot.id, userId: ruth.id, body: { around: target.id } });
    expect(around.replies.map((reply) => reply.id)).toContain(target.id);
    // A link naming a reply of another room opens the room at its top.
    const elsewhere = await roomWithPeople();
    const stranger = await post(elsewhere.roomId, elsewhere.ruth.id, "Not here");
    const top = await loadRoomPage({ roomId, userId: ruth.id, body: { reply: stranger.id } });
    expect(top.focus).toBeNull();
    expect(top.replies.some((reply) => reply.id === stranger.id)).toBe(false);
  });
});
