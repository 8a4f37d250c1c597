import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseInfo, getDb } from "@/db/index";
import { replies, replyMentions, rooms } from "@/db/schema/discussion";
import { notifications } from "@/db/schema/notifications";
import { lockRoom } from "@/lib/discussion/moderation";
import { postReply } from "@/lib/discussion/replies";
import { listRepliesAfter } from "@/lib/discussion/room-reading";
import { AppError } from "@/lib/errors";
import { createTestClub, createTestUser, replyInput, roomCounters } from "./factories";

// The write path of docs/decisions/0019-reply-write-path.md: a reply's sequence number is taken
// in its last statement, its mentions and notifications written before it in the same
// transaction. These prove what that must keep: no gaps or repeats under concurrency, one reply
// per idempotency key, and nothing left behind by a post that did not happen.

async function setting() {
  const [ruth, kathy, tommy, moderator] = await Promise.all([createTestUser("Ruth"), createTestUser("Kathy"), createTestUser("Tommy"), createTestUser("Mod")]);
  const club = await createTestClub({
    members: [
      { userId: ruth.id, role: "member" },
      { userId: kathy.id, role: "member" },
      { userId: tommy.id, role: "member" },
      { userId: moderator.id, role: "moderator" },
    ],
  });
  return { ruth, kathy, tommy, moderator, roomId: club.roomIds[0]! };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const notificationsOf = (userId: string) => getDb().select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, userId));
const mentionsOf = (userId: string) => getDb().select({ replyId: replyMentions.replyId }).from(replyMentions).where(eq(replyMentions.userId, userId));

describe("writing a reply", () => {
  it("numbers 32 concurrent posts into one room 1 to 32, each reply stored once", async () => {
    const { ruth, kathy, tommy, roomId } = await setting();
    const posters = [ruth, kathy, tommy];
    // Every other post mentions someone, so both ways of writing (one statement; a transaction
    // with notifications first) race each other.
    const results = await Promise.all(
      Array.from({ length: 32 }, (_, index) => {
        const author = posters[index % posters.length]!;
        const other = posters[(index + 1) % posters.length]!;
        return postReply({ roomId, userId: author.id, body: replyInput(index % 2 === 0 ? `Post ${index}` : `Post ${index} for @${other.name}`) });
      }),
    );

    expect(results.every((result) => result.created)).toBe(true);
    expect(results.map((result) => result.reply.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 32 }, (_, index) => index + 1));
    const ids = results.map((result) => result.reply.id);
    const stored = await getDb().select({ id: replies.id, seq: replies.seq }).from(replies).where(eq(replies.roomId, roomId));
    expect(stored).toHaveLength(32);
    expect(new Set(stored.map((row) => row.id))).toEqual(new Set(ids));
    // Each answer's seq is the stored one, and the room reads back in that order.
    for (const result of results) expect(stored.find((row) => row.id === result.reply.id)?.seq).toBe(result.reply.seq);
    const listed = await listRepliesAfter({ roomId, userId: ruth.id, body: { after: 0 } });
    expect(listed.replies.map((reply) => reply.seq)).toEqual(Array.from({ length: 32 }, (_, index) => index + 1));
    expect(listed.next).toBeNull();
    expect(await roomCounters(roomId)).toMatchObject({ replySeq: 32, replyCount: 32 });
  });

  it("writes one reply, and one set of notifications, when the same submission arrives eight times at once", async () => {
    const { ruth, kathy, tommy, roomId } = await setting();
    const { reply: parent } = await postReply({ roomId, userId: kathy.id, body: replyInput("Kathy's question") });
    const input = { body: `Ruth answers, with @${tommy.name}`, parentId: parent.id, idempotencyKey: randomUUID() };

    const results = await Promise.all(Array.from({ length: 8 }, () => postReply({ roomId, userId: ruth.id, body: input })));

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.reply.id)).size).toBe(1);
    expect(await getDb().select({ id: replies.id }).from(replies).where(eq(replies.authorId, ruth.id))).toHaveLength(1);
    expect(await notificationsOf(kathy.id)).toHaveLength(1);
    expect(await notificationsOf(tommy.id)).toHaveLength(1);
    expect(await mentionsOf(tommy.id)).toHaveLength(1);
    expect(await roomCounters(roomId)).toMatchObject({ replySeq: 2, replyCount: 2 });
  });

  it("refuses a member in a locked room and writes nothing: no reply, mention or notification", async () => {
    const { ruth, kathy, tommy, moderator, roomId } = await setting();
    const { reply: parent } = await postReply({ roomId, userId: kathy.id, body: replyInput("Kathy's question") });
    await lockRoom({ roomId, userId: moderator.id });
    const before = await roomCounters(roomId);

    const error = await refusal(postReply({ roomId, userId: ruth.id, body: replyInput(`Answering, with @${tommy.name}`, parent.id) }));

    expect(error.code).toBe("locked");
    expect(await roomCounters(roomId)).toEqual(before);
    expect(await getDb().select({ id: replies.id }).from(replies).where(eq(replies.authorId, ruth.id))).toEqual([]);
    expect(await notificationsOf(kathy.id)).toEqual([]);
    expect(await notificationsOf(tommy.id)).toEqual([]);
    expect(await mentionsOf(tommy.id)).toEqual([]);
  });

  it("refuses a post into an archived room, even a moderator's, as locked", async () => {
    const { moderator, roomId } = await setting();
    await getDb().update(rooms).set({ archivedAt: sql`now()` }).where(eq(rooms.id, roomId));
    expect((await refusal(postReply({ roomId, userId: moderator.id, body: replyInput("Too late") }))).code).toBe("locked");
    expect(await roomCounters(roomId)).toMatchObject({ replySeq: 0, replyCount: 0 });
  });

  it("answers a retry with the first reply even after the room was locked", async () => {
    const { ruth, moderator, roomId } = await setting();
    const input = replyInput("Sent just before the lock");
    const first = await postReply({ roomId, userId: ruth.id, body: input });
    await lockRoom({ roomId, userId: moderator.id });

    const retry = await postReply({ roomId, userId: ruth.id, body: input });

    expect(retry).toEqual({ reply: first.reply, created: false });
    expect(await roomCounters(roomId)).toMatchObject({ replySeq: 1, replyCount: 1 });
  });

  it("leaves no mention or notification behind when the reply itself fails (a reused key)", async () => {
    const { ruth, kathy, tommy, roomId } = await setting();
    const { reply: parent } = await postReply({ roomId, userId: kathy.id, body: replyInput("Kathy's question") });
    const key = randomUUID();
    await postReply({ roomId, userId: ruth.id, body: { body: "A first reply", parentId: null, idempotencyKey: key } });

    // Its notifications are written first; the reply's insert then breaks the unique key.
    const error = await refusal(postReply({ roomId, userId: ruth.id, body: { body: `Something else, @${tommy.name}`, parentId: parent.id, idempotencyKey: key } }));

    expect(error.code).toBe("unprocessable");
    expect(await notificationsOf(kathy.id)).toEqual([]);
    expect(await notificationsOf(tommy.id)).toEqual([]);
    expect(await mentionsOf(tommy.id)).toEqual([]);
    expect(await roomCounters(roomId)).toMatchObject({ replySeq: 2, replyCount: 2 });
  });

  it("refuses a post that waited on the room while a moderator locked it, and writes nothing", async () => {
    const { ruth, kathy, tommy, roomId } = await setting();
    const { reply: parent } = await postReply({ roomId, userId: kathy.id, body: replyInput("Kathy's question") });
    const db = getDb();
    let posted: Promise<AppError> | undefined;
    await db.transaction(async (tx) => {
      // The moderator's lock is written, not yet committed, when the post reaches its last
      // statement: that waits on the room's row, then must see the lock and write nothing.
      await tx.update(rooms).set({ lockedAt: sql`now()` }).where(eq(rooms.id, roomId));
      posted = refusal(postReply({ roomId, userId: ruth.id, body: replyInput(`Racing the lock, @${tommy.name}`, parent.id) }));
      // (PGlite runs one transaction at a time: there the post simply starts after this commits.)
      if (databaseInfo().driver === "postgres") await waitUntilBlockedOnTheRoom();
    });

    expect((await posted!).code).toBe("locked");
    expect(await roomCounters(roomId)).toMatchObject({ replySeq: 1, replyCount: 1 });
    expect(await getDb().select({ id: replies.id }).from(replies).where(and(eq(replies.roomId, roomId), eq(replies.authorId, ruth.id)))).toEqual([]);
    expect(await notificationsOf(kathy.id)).toEqual([]);
    expect(await mentionsOf(tommy.id)).toEqual([]);
  });

  it("answers not found to a post that waited on a question being deleted, and leaves nothing behind", async () => {
    const { ruth, tommy, roomId } = await setting();
    let posted: Promise<AppError> | undefined;
    await getDb().transaction(async (tx) => {
      // As removing a question does: the room's row locked, then the room (with no replies) deleted.
      await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, roomId)).for("update");
      posted = refusal(postReply({ roomId, userId: ruth.id, body: replyInput(`Still there, @${tommy.name}?`) }));
      if (databaseInfo().driver === "postgres") await waitUntilBlockedOnTheRoom();
      await tx.delete(rooms).where(eq(rooms.id, roomId));
    });

    expect((await posted!).code).toBe("not_found");
    expect(await notificationsOf(tommy.id)).toEqual([]);
    expect(await mentionsOf(tommy.id)).toEqual([]);
  });

  it("splits posts racing a lock into those numbered before it, without gaps, and those refused", async () => {
    const { ruth, kathy, moderator, roomId } = await setting();
    const posts = Array.from({ length: 16 }, (_, index) =>
      postReply({ roomId, userId: index % 2 === 0 ? ruth.id : kathy.id, body: replyInput(`Racing ${index}`) }).then(
        (result) => result.reply.seq,
        (error: unknown) => (error instanceof AppError ? error.code : Promise.reject(error)),
      ),
    );
    const [locked, ...outcomes] = await Promise.all([lockRoom({ roomId, userId: moderator.id }), ...posts]);

    expect(locked.locked).toBe(true);
    const seqs = outcomes.filter((outcome): outcome is number => typeof outcome === "number").sort((a, b) => a - b);
    expect(outcomes.filter((outcome) => typeof outcome !== "number").every((outcome) => outcome === "locked")).toBe(true);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    expect(await roomCounters(roomId)).toMatchObject({ replySeq: seqs.length, replyCount: seqs.length });
    expect(await getDb().select({ id: replies.id }).from(replies).where(eq(replies.roomId, roomId))).toHaveLength(seqs.length);
  });
});

/** Polls until a statement of another connection waits for a lock: the post, on the room's row (Postgres only). */
async function waitUntilBlockedOnTheRoom(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const waiting = await getDb()
      .select({ pid: sql<number>`pid` })
      .from(sql`pg_stat_activity`)
      .where(sql`datname = current_database() and wait_event_type = 'Lock'`);
    if (waiting.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("The post never waited on the room's row.");
}
