import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { postReply } from "@/lib/discussion/replies";
import { listRepliesAfter, loadRoomPage } from "@/lib/discussion/room-reading";
import { AppError } from "@/lib/errors";
import { countRoomReplies, createTestClub, createTestUser, replyInput, roomCounters } from "./factories";

async function memberAndRoom() {
  const member = await createTestUser("Member");
  const club = await createTestClub({ members: [{ userId: member.id, role: "member" }] });
  const roomId = club.roomIds[0]!;
  return { member, club, roomId };
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("posting replies", () => {
  it("stores a reply to the question, renders its Markdown and updates the room's counters", async () => {
    const { member, roomId } = await memberAndRoom();
    const { reply, created } = await postReply({ roomId, userId: member.id, body: replyInput("  A **quiet** ending.  ") });

    expect(created).toBe(true);
    expect(reply).toMatchObject({ roomId, parentId: null, seq: 1, author: { id: member.id, name: member.name } });
    expect(reply.bodyHtml).toBe("<p>A <strong>quiet</strong> ending.</p>\n");
    const counters = await roomCounters(roomId);
    expect(counters.replySeq).toBe(1);
    expect(counters.replyCount).toBe(1);
    expect(counters.lastReplyAt).toBeInstanceOf(Date);
  });

  it("nests a reply under another reply and lists the room in posting order", async () => {
    const { member, roomId } = await memberAndRoom();
    const first = await postReply({ roomId, userId: member.id, body: replyInput("First thought") });
    const answer = await postReply({ roomId, userId: member.id, body: replyInput("An answer", first.reply.id) });
    const deeper = await postReply({ roomId, userId: member.id, body: replyInput("Deeper still", answer.reply.id) });

    const { replies } = await loadRoomPage({ roomId, userId: member.id, body: {} });
    expect(replies.map((reply) => [reply.seq, reply.parentId])).toEqual([
      [1, null],
      [2, first.reply.id],
      [3, answer.reply.id],
    ]);
    expect(replies[2]!.id).toBe(deeper.reply.id);
  });

  it("returns the first reply when a post is retried with the same idempotency key", async () => {
    const { member, roomId } = await memberAndRoom();
    const input = replyInput("Posted once, sent twice");
    const first = await postReply({ roomId, userId: member.id, body: input });
    const retry = await postReply({ roomId, userId: member.id, body: input });

    expect(retry.created).toBe(false);
    expect(retry.reply).toEqual(first.reply);
    expect(await countRoomReplies(roomId)).toBe(1);
    expect((await roomCounters(roomId)).replyCount).toBe(1);
  });

  it("writes one reply when the same submission arrives twice at the same moment", async () => {
    const { member, roomId } = await memberAndRoom();
    const input = replyInput("Double click");
    const results = await Promise.all([
      postReply({ roomId, userId: member.id, body: input }),
      postReply({ roomId, userId: member.id, body: input }),
    ]);

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results[0]!.reply.id).toBe(results[1]!.reply.id);
    expect(await countRoomReplies(roomId)).toBe(1);
  });

  it("gives concurrent replies in one room consecutive sequence numbers", async () => {
    const { member, roomId } = await memberAndRoom();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => postReply({ roomId, userId: member.id, body: replyInput(`Reply ${index}`) })),
    );
    expect(results.map((result) => result.reply.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await roomCounters(roomId)).replySeq).toBe(8);
  });

  it("refuses a parent from another room and changes nothing", async () => {
    const { member, club, roomId } = await memberAndRoom();
    const elsewhere = await postReply({ roomId: club.roomIds[1]!, userId: member.id, body: replyInput("In room two") });
    const before = await roomCounters(roomId);

    const error = await expectAppError(
      postReply({ roomId, userId: member.id, body: replyInput("Misplaced", elsewhere.reply.id) }),
      "bad_request",
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/not in this room/);
    expect(await countRoomReplies(roomId)).toBe(0);
    expect(await roomCounters(roomId)).toEqual(before);
  });

  it.each([
    ["an empty body", { body: "   ", parentId: null, idempotencyKey: randomUUID() }, /Write something/],
    ["a body over 10,000 characters", { body: "x".repeat(10_001), parentId: null, idempotencyKey: randomUUID() }, /at most 10,000/],
    ["a missing idempotency key", { body: "Hello" }, /idempotency key/],
    ["a parent that is not an id", { body: "Hello", parentId: "nope", idempotencyKey: randomUUID() }, /could not be found/],
    ["a body that is not text", { body: 42, idempotencyKey: randomUUID() }, /Write something/],
    ["no JSON object at all", "just a string", /./],
  ])("rejects %s with a 400 and writes nothing", async (_label, input, message) => {
    const { member, roomId } = await memberAndRoom();
    const error = await expectAppError(postReply({ roomId, userId: member.id, body: input }), "bad_request");
    expect(error.message).toMatch(message);
    expect(await countRoomReplies(roomId)).toBe(0);
    expect((await roomCounters(roomId)).replySeq).toBe(0);
  });

  it("accepts a body of exactly 10,000 characters", async () => {
    const { member, roomId } = await memberAndRoom();
    const { created } = await postReply({ roomId, userId: member.id, body: replyInput("y".repeat(10_000)) });
    expect(created).toBe(true);
  });

  it("lists only the replies after a given sequence number, for reconnecting clients", async () => {
    const { member, roomId } = await memberAndRoom();
    for (const text of ["one", "two", "three", "four"]) {
      await postReply({ roomId, userId: member.id, body: replyInput(text) });
    }
    const after = await listRepliesAfter({ roomId, userId: member.id, body: { after: "2" } });
    expect(after.replies.map((reply) => reply.seq)).toEqual([3, 4]);
    expect(after.next).toBeNull();
    await expectAppError(listRepliesAfter({ roomId, userId: member.id, body: { after: "-1" } }), "bad_request");
  });
});
