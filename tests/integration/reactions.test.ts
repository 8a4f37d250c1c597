import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { reactions, replies, rooms } from "@/db/schema/discussion";
import { hideReply, lockRoom, unhideReply } from "@/lib/discussion/moderation";
import { setReplyReaction } from "@/lib/discussion/reactions";
import type { ReplyReactionsView } from "@/lib/discussion/reaction-kinds";
import { deleteReply, postReply } from "@/lib/discussion/replies";
import { listRepliesAfter, loadRoomPage } from "@/lib/discussion/room-reading";
import { buildThreadTree } from "@/lib/discussion/threads";
import { AppError } from "@/lib/errors";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { joinRoom, useRealtimeServer } from "./realtime-harness";

const { connectAs } = useRealtimeServer();

async function setting() {
  const ruth = await createTestUser("Ruth");
  const kathy = await createTestUser("Kathy");
  const tommy = await createTestUser("Tommy");
  const moderator = await createTestUser("Moderator");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: ruth.id, role: "member" },
      { userId: kathy.id, role: "member" },
      { userId: tommy.id, role: "member" },
      { userId: moderator.id, role: "moderator" },
    ],
  });
  const roomId = club.roomIds[0]!;
  const { reply } = await postReply({ roomId, userId: kathy.id, body: replyInput("The ending is quiet on purpose.") });
  return { ruth, kathy, tommy, moderator, stranger, club, roomId, reply };
}

const react = (replyId: string, userId: string, kind: string, reacted = true) => setReplyReaction({ replyId, userId, body: { kind, reacted } });

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function storedState(replyId: string) {
  const rows = await getDb().select({ userId: reactions.userId, kind: reactions.kind }).from(reactions).where(eq(reactions.replyId, replyId));
  const [reply] = await getDb().select({ reactionCount: replies.reactionCount }).from(replies).where(eq(replies.id, replyId));
  return { rows: rows.length, reactionCount: reply?.reactionCount };
}

describe("reactions", () => {
  it("gives and takes back a reaction, with counts and who in the order they reacted, kept in step with reaction_count", async () => {
    const { ruth, kathy, tommy, roomId, reply } = await setting();
    await react(reply.id, ruth.id, "thumbs_up");
    await react(reply.id, kathy.id, "thumbs_up");
    await react(reply.id, tommy.id, "thumbs_up");
    const after = await react(reply.id, ruth.id, "heart");

    expect(after.count).toBe(4);
    expect(after.reactions.map((reaction) => [reaction.kind, reaction.users.map((user) => user.name)])).toEqual([
      ["thumbs_up", [ruth.name, kathy.name, tommy.name]],
      ["heart", [ruth.name]],
    ]);
    expect(await storedState(reply.id)).toEqual({ rows: 4, reactionCount: 4 });

    const off = await react(reply.id, ruth.id, "heart", false);
    expect(off.reactions.map((reaction) => reaction.kind)).toEqual(["thumbs_up"]);
    expect(off.count).toBe(3);
    expect(await storedState(reply.id)).toEqual({ rows: 3, reactionCount: 3 });

    // Every read of the room carries them too: the page, and the catch-up after a reconnect.
    const page = await loadRoomPage({ roomId, userId: tommy.id, body: {} });
    expect(page.replies[0]).toMatchObject({ reactionCount: 3, reactions: [{ kind: "thumbs_up", users: [{ id: ruth.id }, { id: kathy.id }, { id: tommy.id }] }] });
    const caughtUp = await listRepliesAfter({ roomId, userId: tommy.id, body: { after: 0 } });
    expect(caughtUp.replies[0]!.reactions).toEqual(page.replies[0]!.reactions);
  });

  it("setting what is already so changes nothing: a double click or a retry is harmless", async () => {
    const { ruth, reply } = await setting();
    await react(reply.id, ruth.id, "idea");
    const again = await react(reply.id, ruth.id, "idea");
    expect(again.count).toBe(1);
    await react(reply.id, ruth.id, "idea", false);
    const offAgain = await react(reply.id, ruth.id, "idea", false);
    expect(offAgain).toMatchObject({ count: 0, reactions: [] });
    expect(await storedState(reply.id)).toEqual({ rows: 0, reactionCount: 0 });
  });

  it("concurrent toggles settle to one row per person and kind, and a count that matches the rows", async () => {
    const { ruth, kathy, tommy, moderator, reply } = await setting();
    const people = [ruth, kathy, tommy, moderator];
    await Promise.all([
      ...people.map((person) => react(reply.id, person.id, "laugh")),
      ...people.map((person) => react(reply.id, person.id, "laugh")),
      ...people.map((person) => react(reply.id, person.id, "sad")),
    ]);
    expect(await storedState(reply.id)).toEqual({ rows: 8, reactionCount: 8 });

    await Promise.all([...people.map((person) => react(reply.id, person.id, "sad", false)), ...people.map((person) => react(reply.id, person.id, "sad", false))]);
    expect(await storedState(reply.id)).toEqual({ rows: 4, reactionCount: 4 });
  });

  it("refuses deleted and hidden replies, and a hidden reply's reactions are not shown until it is unhidden", async () => {
    const { ruth, kathy, moderator, roomId, reply } = await setting();
    await react(reply.id, ruth.id, "heart");
    await hideReply({ replyId: reply.id, userId: moderator.id, body: { reason: "Spoils the ending." } });
    const hidden = await expectAppError(react(reply.id, kathy.id, "heart"), "conflict");
    expect(hidden.message).toMatch(/hidden/);
    const page = await loadRoomPage({ roomId, userId: kathy.id, body: {} });
    expect(page.replies[0]).toMatchObject({ state: "hidden", reactions: [], reactionCount: 0 });
    expect(await storedState(reply.id)).toEqual({ rows: 1, reactionCount: 1 });

    await unhideReply({ replyId: reply.id, userId: moderator.id });
    expect((await loadRoomPage({ roomId, userId: kathy.id, body: {} })).replies[0]).toMatchObject({ reactionCount: 1 });

    await deleteReply({ replyId: reply.id, userId: kathy.id });
    const deleted = await expectAppError(react(reply.id, ruth.id, "heart", false), "conflict");
    expect(deleted.message).toMatch(/deleted/);
    expect(await storedState(reply.id)).toEqual({ rows: 1, reactionCount: 1 });
  });

  it("is for members of the reply's club only: a stranger is told the reply does not exist", async () => {
    const { stranger, reply } = await setting();
    await expectAppError(react(reply.id, stranger.id, "heart"), "not_found");
    expect(await storedState(reply.id)).toEqual({ rows: 0, reactionCount: 0 });
  });

  it("refuses a kind outside the set, naming the field, and changes nothing", async () => {
    const { ruth, reply } = await setting();
    const error = await expectAppError(react(reply.id, ruth.id, "rocket"), "bad_request");
    expect(error.fields).toHaveProperty("kind");
    await expectAppError(setReplyReaction({ replyId: reply.id, userId: ruth.id, body: { kind: "heart" } }), "bad_request");
    expect(await storedState(reply.id)).toEqual({ rows: 0, reactionCount: 0 });
  });

  it("pauses with a locked room for members (both ways), not for moderators, and never in an archived question", async () => {
    const { ruth, moderator, roomId, reply } = await setting();
    await react(reply.id, ruth.id, "heart");
    await lockRoom({ roomId, userId: moderator.id });
    await expectAppError(react(reply.id, ruth.id, "heart", false), "locked");
    await expectAppError(react(reply.id, ruth.id, "idea"), "locked");
    expect((await react(reply.id, moderator.id, "idea")).count).toBe(2);

    await getDb().update(rooms).set({ archivedAt: new Date() }).where(eq(rooms.id, roomId));
    await expectAppError(react(reply.id, moderator.id, "idea", false), "locked");
    expect(await storedState(reply.id)).toEqual({ rows: 2, reactionCount: 2 });
  });

  it("sorts threads by reactions on their opening reply for 'Most reacted', ties oldest first", async () => {
    const { ruth, kathy, tommy, roomId, reply: first } = await setting();
    const second = (await postReply({ roomId, userId: ruth.id, body: replyInput("Second") })).reply;
    const third = (await postReply({ roomId, userId: tommy.id, body: replyInput("Third") })).reply;
    await postReply({ roomId, userId: kathy.id, body: replyInput("An answer to the first", first.id) });
    await react(third.id, ruth.id, "heart");
    await react(third.id, kathy.id, "heart");
    await react(second.id, kathy.id, "idea");
    await react(first.id, tommy.id, "laugh");

    const { replies: view } = await loadRoomPage({ roomId, userId: ruth.id, body: {} });
    const order = buildThreadTree(view, "most_reacted").map((node) => node.item.id);
    expect(order).toEqual([third.id, first.id, second.id]);
    expect(buildThreadTree(view, "oldest").map((node) => node.item.id)).toEqual([first.id, second.id, third.id]);
  });

  it("is sent live to everyone in the room after it commits, and a repeat sends nothing", async () => {
    const { ruth, kathy, tommy, roomId, reply } = await setting();
    const watcher = await connectAs(kathy);
    expect((await joinRoom(watcher, roomId)).ok).toBe(true);
    const heard: ReplyReactionsView[] = [];
    watcher.on("reply:reactions", (view) => heard.push(view));
    const first = new Promise<ReplyReactionsView>((resolve) => watcher.once("reply:reactions", resolve));

    await react(reply.id, ruth.id, "thumbs_up");
    expect(await first).toMatchObject({ roomId, replyId: reply.id, count: 1, reactions: [{ kind: "thumbs_up", users: [{ id: ruth.id, name: ruth.name }] }] });

    await react(reply.id, ruth.id, "thumbs_up");
    const second = new Promise<ReplyReactionsView>((resolve) => watcher.once("reply:reactions", resolve));
    await react(reply.id, tommy.id, "thumbs_up");
    expect((await second).count).toBe(2);
    expect(heard.map((view) => view.count)).toEqual([1, 2]);
  });
});
