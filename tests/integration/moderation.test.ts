import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { replies, rooms } from "@/db/schema/discussion";
import { deleteReply, editReply, loadReply, postReply } from "@/lib/discussion/replies";
import { loadRoomPage } from "@/lib/discussion/room-reading";
import { AppError } from "@/lib/errors";
import { hideReply, lockRoom, pinReply, unhideReply, unlockRoom, unpinReply } from "@/lib/discussion/moderation";
import type { RoomStateView } from "@/lib/realtime/events";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { countRoomReplies, createTestClub, createTestUser, replyInput } from "./factories";
import { joinRoom, useRealtimeServer } from "./realtime-harness";

const { connectAs } = useRealtimeServer();

async function setting() {
  const author = await createTestUser("Author");
  const member = await createTestUser("Member");
  const moderator = await createTestUser("Moderator");
  const owner = await createTestUser("Owner");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: author.id, role: "member" },
      { userId: member.id, role: "member" },
      { userId: moderator.id, role: "moderator" },
      { userId: owner.id, role: "owner" },
    ],
  });
  const roomId = club.roomIds[0]!;
  const { reply } = await postReply({ roomId, userId: author.id, body: replyInput("Something **unkind**") });
  return { author, member, moderator, owner, stranger, club, roomId, reply };
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

async function moderationColumns(replyId: string) {
  const [row] = await getDb()
    .select({
      body: replies.body,
      pinnedAt: replies.pinnedAt,
      hiddenAt: replies.hiddenAt,
      hiddenReason: replies.hiddenReason,
      hiddenById: replies.hiddenById,
    })
    .from(replies)
    .where(eq(replies.id, replyId));
  if (!row) throw new Error("reply missing");
  return row;
}

async function lockedAt(roomId: string) {
  const [row] = await getDb().select({ lockedAt: rooms.lockedAt }).from(rooms).where(eq(rooms.id, roomId));
  return row?.lockedAt ?? null;
}

describe("pinning", () => {
  it("pins a reply for everyone and unpins it", async () => {
    const { member, moderator, roomId, reply } = await setting();
    expect((await pinReply({ replyId: reply.id, userId: moderator.id })).pinned).toBe(true);
    expect((await loadRoomPage({ roomId, userId: member.id, body: {} })).replies[0]!.pinned).toBe(true);

    expect((await unpinReply({ replyId: reply.id, userId: moderator.id })).pinned).toBe(false);
    expect((await moderationColumns(reply.id)).pinnedAt).toBeNull();
  });

  it("is open to the club's owner too", async () => {
    const { owner, reply } = await setting();
    expect((await pinReply({ replyId: reply.id, userId: owner.id })).pinned).toBe(true);
  });

  it("refuses a deleted reply", async () => {
    const { author, moderator, reply } = await setting();
    await deleteReply({ replyId: reply.id, userId: author.id });
    await expectAppError(pinReply({ replyId: reply.id, userId: moderator.id }), "conflict");
    expect((await moderationColumns(reply.id)).pinnedAt).toBeNull();
  });
});

describe("locking a room", () => {
  it("refuses members' new replies with 'locked' while moderators may still post", async () => {
    const { member, moderator, roomId } = await setting();
    expect(await lockRoom({ roomId, userId: moderator.id })).toEqual({ roomId, locked: true });
    expect((await loadRoomPage({ roomId, userId: member.id, body: {} })).room.lockedAt).toBeInstanceOf(Date);

    const before = await countRoomReplies(roomId);
    const error = await expectAppError(postReply({ roomId, userId: member.id, body: replyInput("Let me in") }), "locked");
    expect(error.status).toBe(423);
    expect(await countRoomReplies(roomId)).toBe(before);

    const allowed = await postReply({ roomId, userId: moderator.id, body: replyInput("Closing note") });
    expect(allowed.created).toBe(true);
  });

  it("lets members post again once unlocked", async () => {
    const { member, moderator, roomId } = await setting();
    await lockRoom({ roomId, userId: moderator.id });
    expect(await unlockRoom({ roomId, userId: moderator.id })).toEqual({ roomId, locked: false });
    expect(await lockedAt(roomId)).toBeNull();
    expect((await postReply({ roomId, userId: member.id, body: replyInput("Back again") })).created).toBe(true);
  });

  it("keeps the first lock time when locked twice", async () => {
    const { moderator, roomId } = await setting();
    await lockRoom({ roomId, userId: moderator.id });
    const first = await lockedAt(roomId);
    await lockRoom({ roomId, userId: moderator.id });
    expect(await lockedAt(roomId)).toEqual(first);
  });
});

describe("hiding a reply", () => {
  it("shows members only the reason, and moderators the text on request", async () => {
    const { member, moderator, roomId, reply } = await setting();
    const hidden = await hideReply({ replyId: reply.id, userId: moderator.id, body: { reason: "  Personal attack  " } });
    expect(hidden).toMatchObject({ state: "hidden", bodyHtml: "", hiddenReason: "Personal attack" });

    const seen = (await loadRoomPage({ roomId, userId: member.id, body: {} })).replies[0]!;
    expect(seen).toMatchObject({ id: reply.id, state: "hidden", bodyHtml: "", hiddenReason: "Personal attack" });
    const asMember = await loadReply({ replyId: reply.id, userId: member.id });
    expect(asMember.source).toBeNull();
    expect(asMember.reply.bodyHtml).toBe("");

    const asModerator = await loadReply({ replyId: reply.id, userId: moderator.id });
    expect(asModerator.source).toEqual({ body: "Something **unkind**", bodyHtml: "<p>Something <strong>unkind</strong></p>\n" });
    expect((await moderationColumns(reply.id)).hiddenById).toBe(moderator.id);
  });

  it("does not show the hidden text to its own author", async () => {
    const { author, moderator, reply } = await setting();
    await hideReply({ replyId: reply.id, userId: moderator.id, body: { reason: "Spoils the ending" } });
    expect((await loadReply({ replyId: reply.id, userId: author.id })).source).toBeNull();
  });

  it("unhides a reply, restoring its text for everyone", async () => {
    const { member, moderator, roomId, reply } = await setting();
    await hideReply({ replyId: reply.id, userId: moderator.id, body: { reason: "Spoils the ending" } });
    const shown = await unhideReply({ replyId: reply.id, userId: moderator.id });
    expect(shown).toMatchObject({ state: "visible", hiddenReason: null, bodyHtml: "<p>Something <strong>unkind</strong></p>\n" });
    expect((await loadRoomPage({ roomId, userId: member.id, body: {} })).replies[0]!.state).toBe("visible");
    expect(await moderationColumns(reply.id)).toMatchObject({ hiddenAt: null, hiddenReason: null, hiddenById: null });
  });

  it("unpins a pinned reply it hides", async () => {
    const { moderator, reply } = await setting();
    await pinReply({ replyId: reply.id, userId: moderator.id });
    await hideReply({ replyId: reply.id, userId: moderator.id, body: { reason: "Off topic" } });
    expect((await moderationColumns(reply.id)).pinnedAt).toBeNull();
  });

  it("requires a reason of 1 to 300 characters and changes nothing without one", async () => {
    const { moderator, reply } = await setting();
    for (const body of [{ reason: "   " }, { reason: "x".repeat(301) }, {}, null]) {
      await expectAppError(hideReply({ replyId: reply.id, userId: moderator.id, body }), "bad_request");
    }
    expect(await moderationColumns(reply.id)).toMatchObject({ hiddenAt: null, hiddenReason: null });
  });
});

describe("a member trying a moderator's action", () => {
  it("is forbidden for every one of them and the database is unchanged", async () => {
    const { member, author, moderator, roomId, reply } = await setting();
    const pinned = await postReply({ roomId, userId: member.id, body: replyInput("Pinned already") });
    await pinReply({ replyId: pinned.reply.id, userId: moderator.id });
    const hidden = await postReply({ roomId, userId: member.id, body: replyInput("Hidden already") });
    await hideReply({ replyId: hidden.reply.id, userId: moderator.id, body: { reason: "Off topic" } });
    const before = await Promise.all([reply.id, pinned.reply.id, hidden.reply.id].map(moderationColumns));

    // Their own reply included: authors edit and delete, they do not moderate.
    for (const userId of [member.id, author.id]) {
      await expectAppError(pinReply({ replyId: reply.id, userId }), "forbidden");
      await expectAppError(unpinReply({ replyId: pinned.reply.id, userId }), "forbidden");
      await expectAppError(hideReply({ replyId: reply.id, userId, body: { reason: "I don't like it" } }), "forbidden");
      await expectAppError(unhideReply({ replyId: hidden.reply.id, userId }), "forbidden");
      await expectAppError(lockRoom({ roomId, userId }), "forbidden");
    }
    await lockRoom({ roomId, userId: moderator.id });
    await expectAppError(unlockRoom({ roomId, userId: member.id }), "forbidden");

    expect(await Promise.all([reply.id, pinned.reply.id, hidden.reply.id].map(moderationColumns))).toEqual(before);
    expect(await lockedAt(roomId)).toBeInstanceOf(Date);
  });
});

describe("a stranger trying a moderator's action", () => {
  it("is told the reply or room does not exist and the database is unchanged", async () => {
    const { stranger, roomId, reply } = await setting();
    const before = await moderationColumns(reply.id);

    await expectAppError(pinReply({ replyId: reply.id, userId: stranger.id }), "not_found");
    await expectAppError(unpinReply({ replyId: reply.id, userId: stranger.id }), "not_found");
    await expectAppError(hideReply({ replyId: reply.id, userId: stranger.id, body: { reason: "Because" } }), "not_found");
    await expectAppError(unhideReply({ replyId: reply.id, userId: stranger.id }), "not_found");
    await expectAppError(loadReply({ replyId: reply.id, userId: stranger.id }), "not_found");
    await expectAppError(lockRoom({ roomId, userId: stranger.id }), "not_found");
    await expectAppError(unlockRoom({ roomId, userId: stranger.id }), "not_found");

    expect(await moderationColumns(reply.id)).toEqual(before);
    expect(await lockedAt(roomId)).toBeNull();
  });

  it("includes a moderator of another club reaching in by id", async () => {
    const { roomId, reply } = await setting();
    const elsewhere = await createTestUser("Elsewhere");
    await createTestClub({ members: [{ userId: elsewhere.id, role: "owner" }] });

    await expectAppError(hideReply({ replyId: reply.id, userId: elsewhere.id, body: { reason: "Mine now" } }), "not_found");
    await expectAppError(pinReply({ replyId: reply.id, userId: elsewhere.id }), "not_found");
    await expectAppError(lockRoom({ roomId, userId: elsewhere.id }), "not_found");
    expect(await moderationColumns(reply.id)).toMatchObject({ hiddenAt: null, pinnedAt: null });
    expect(await lockedAt(roomId)).toBeNull();
  });
});

describe("live moderation", () => {
  it("tells a member's open page at once when the room is locked and unlocked", async () => {
    const { member, moderator, roomId } = await setting();
    const socket = await connectAs(member);
    expect((await joinRoom(socket, roomId)).ok).toBe(true);
    const received: RoomStateView[] = [];
    socket.on("room:updated", (room) => received.push(room));

    const locked = new Promise<RoomStateView>((resolve) => socket.once("room:updated", resolve));
    await lockRoom({ roomId, userId: moderator.id });
    expect(await locked).toEqual({ roomId, locked: true });

    const unlocked = new Promise<RoomStateView>((resolve) => socket.once("room:updated", resolve));
    await unlockRoom({ roomId, userId: moderator.id });
    expect(await unlocked).toEqual({ roomId, locked: false });
    expect(received).toHaveLength(2);
  });

  it("broadcasts a hidden reply without its text, with the reason", async () => {
    const { member, moderator, roomId, reply } = await setting();
    const socket = await connectAs(member);
    expect((await joinRoom(socket, roomId)).ok).toBe(true);

    const updated = new Promise<ReplyView>((resolve) => socket.once("reply:updated", resolve));
    await hideReply({ replyId: reply.id, userId: moderator.id, body: { reason: "Spoils the ending" } });
    const delivered = await updated;
    expect(delivered).toMatchObject({ id: reply.id, state: "hidden", bodyHtml: "", hiddenReason: "Spoils the ending" });
    expect(JSON.stringify(delivered)).not.toContain("unkind");
  });

  it("broadcasts an author's edit and delete to the room", async () => {
    const { author, member, roomId, reply } = await setting();
    const socket = await connectAs(member);
    expect((await joinRoom(socket, roomId)).ok).toBe(true);

    const edited = new Promise<ReplyView>((resolve) => socket.once("reply:updated", resolve));
    await editReply({ replyId: reply.id, userId: author.id, body: { body: "Something kinder" } });
    expect(await edited).toMatchObject({ id: reply.id, bodyHtml: "<p>Something kinder</p>\n" });
    expect((await edited).editedAt).not.toBeNull();

    const deleted = new Promise<ReplyView>((resolve) => socket.once("reply:updated", resolve));
    await deleteReply({ replyId: reply.id, userId: author.id });
    expect(await deleted).toMatchObject({ id: reply.id, state: "deleted", bodyHtml: "" });
  });

  it("sends nothing when a refused action changes nothing", async () => {
    const { member, roomId, reply } = await setting();
    const socket = await connectAs(member);
    expect((await joinRoom(socket, roomId)).ok).toBe(true);
    const received: unknown[] = [];
    socket.on("reply:updated", (update) => received.push(update));
    socket.on("room:updated", (update) => received.push(update));

    await expectAppError(hideReply({ replyId: reply.id, userId: member.id, body: { reason: "No" } }), "forbidden");
    await expectAppError(lockRoom({ roomId, userId: member.id }), "forbidden");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });
});
