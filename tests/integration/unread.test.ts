import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { replies, rooms } from "@/db/schema/discussion";
import { deleteReply, postReply } from "@/lib/discussion/replies";
import { hideReply, unhideReply } from "@/lib/discussion/moderation";
import { loadClubUnread, loadMyUnreadCounts, loadReadPosition, markClubRead, markRoomRead } from "@/lib/discussion/unread";
import { AppError } from "@/lib/errors";
import { createTestClub, createTestUser, replyInput, roomCounters } from "./factories";
import { useRealtimeServer } from "./realtime-harness";

const { connectAs } = useRealtimeServer();

async function setting() {
  const kathy = await createTestUser("Kathy");
  const ruth = await createTestUser("Ruth");
  const emily = await createTestUser("Emily");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: emily.id, role: "owner" },
      { userId: kathy.id, role: "member" },
      { userId: ruth.id, role: "member" },
    ],
    questions: ["First question?", "Second question?"],
  });
  const [roomA, roomB] = club.roomIds as [string, string];
  return { kathy, ruth, emily, stranger, club, roomA, roomB };
}

const post = (roomId: string, userId: string, text: string) => postReply({ roomId, userId, body: replyInput(text) }).then((result) => result.reply);

async function expectCode(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe("unread counts", () => {
  it("count others' visible replies per room and per club, never the member's own", async () => {
    const { kathy, ruth, club, roomA, roomB } = await setting();
    await post(roomA, ruth.id, "One");
    await post(roomA, ruth.id, "Two");
    await post(roomA, kathy.id, "Mine");
    await post(roomB, ruth.id, "Three");

    expect(await loadClubUnread({ clubId: club.clubId, userId: kathy.id })).toEqual({ clubId: club.clubId, total: 3, rooms: { [roomA]: 2, [roomB]: 1 } });
    // Ruth wrote all but one of them: only Kathy's counts for her.
    expect(await loadClubUnread({ clubId: club.clubId, userId: ruth.id })).toEqual({ clubId: club.clubId, total: 1, rooms: { [roomA]: 1 } });
    expect(await loadMyUnreadCounts({ userId: kathy.id })).toEqual({ [club.clubId]: 3 });
  });

  it("count each club of a member on its own on the home page", async () => {
    const { kathy, ruth, club, roomA } = await setting();
    const other = await createTestClub({ members: [{ userId: kathy.id, role: "member" }, { userId: ruth.id, role: "owner" }] });
    await post(roomA, ruth.id, "Here");
    await post(other.roomIds[0]!, ruth.id, "There");
    await post(other.roomIds[1]!, ruth.id, "And there");
    expect(await loadMyUnreadCounts({ userId: kathy.id })).toEqual({ [club.clubId]: 1, [other.clubId]: 2 });
  });

  it("leave out deleted and hidden replies, and count an unhidden one again", async () => {
    const { kathy, ruth, emily, club, roomA } = await setting();
    const first = await post(roomA, ruth.id, "Kept");
    const second = await post(roomA, ruth.id, "Deleted");
    const third = await post(roomA, ruth.id, "Hidden");
    await deleteReply({ replyId: second.id, userId: ruth.id });
    await hideReply({ replyId: third.id, userId: emily.id, body: { reason: "Off topic." } });
    expect((await loadClubUnread({ clubId: club.clubId, userId: kathy.id })).rooms).toEqual({ [roomA]: 1 });

    await unhideReply({ replyId: third.id, userId: emily.id });
    expect((await loadClubUnread({ clubId: club.clubId, userId: kathy.id })).rooms).toEqual({ [roomA]: 2 });
    expect(first.seq).toBe(1);
  });

  it("drop what a member has read, and a position only moves forward", async () => {
    const { kathy, ruth, club, roomA } = await setting();
    await post(roomA, ruth.id, "One");
    const two = await post(roomA, ruth.id, "Two");
    await post(roomA, ruth.id, "Three");

    expect(await markRoomRead({ roomId: roomA, userId: kathy.id, body: { seq: two.seq } })).toEqual({ lastReadSeq: 2 });
    expect((await loadClubUnread({ clubId: club.clubId, userId: kathy.id })).rooms).toEqual({ [roomA]: 1 });
    expect(await loadMyUnreadCounts({ userId: kathy.id })).toEqual({ [club.clubId]: 1 });

    // An older position (a slow tab's late write) does not move it back.
    expect(await markRoomRead({ roomId: roomA, userId: kathy.id, body: { seq: 1 } })).toEqual({ lastReadSeq: 2 });
    expect(await loadReadPosition({ roomId: roomA, userId: kathy.id })).toEqual({ lastReadSeq: 2 });
  });

  it("never moves a position past the room's last reply", async () => {
    const { kathy, ruth, club, roomA } = await setting();
    await post(roomA, ruth.id, "One");
    expect(await markRoomRead({ roomId: roomA, userId: kathy.id, body: { seq: 1_000 } })).toEqual({ lastReadSeq: 1 });
    await post(roomA, ruth.id, "Posted later");
    expect((await loadClubUnread({ clubId: club.clubId, userId: kathy.id })).rooms).toEqual({ [roomA]: 1 });
  });

  it("refuses a malformed position with a clear error and changes nothing", async () => {
    const { kathy, ruth, roomA } = await setting();
    await post(roomA, ruth.id, "One");
    await expectCode(markRoomRead({ roomId: roomA, userId: kathy.id, body: { seq: -1 } }), "bad_request");
    await expectCode(markRoomRead({ roomId: roomA, userId: kathy.id, body: { seq: "1" } }), "bad_request");
    expect(await loadReadPosition({ roomId: roomA, userId: kathy.id })).toEqual({ lastReadSeq: 0 });
  });

  it("mark all as read clears every room of the club, and new replies count again after it", async () => {
    const { kathy, ruth, club, roomA, roomB } = await setting();
    await post(roomA, ruth.id, "One");
    await post(roomB, ruth.id, "Two");
    expect(await markClubRead({ clubId: club.clubId, userId: kathy.id })).toEqual({ rooms: 2 });
    expect(await loadClubUnread({ clubId: club.clubId, userId: kathy.id })).toEqual({ clubId: club.clubId, total: 0, rooms: {} });
    expect(await loadMyUnreadCounts({ userId: kathy.id })).toEqual({});
    // Nothing new: nothing moves.
    expect(await markClubRead({ clubId: club.clubId, userId: kathy.id })).toEqual({ rooms: 0 });

    await post(roomB, ruth.id, "Three");
    expect((await loadClubUnread({ clubId: club.clubId, userId: kathy.id })).rooms).toEqual({ [roomB]: 1 });
  });

  it("a non-member can neither read nor set positions, and the member's stay as they were", async () => {
    const { kathy, ruth, stranger, club, roomA } = await setting();
    await post(roomA, ruth.id, "One");
    await expectCode(markRoomRead({ roomId: roomA, userId: stranger.id, body: { seq: 1 } }), "not_found");
    await expectCode(markClubRead({ clubId: club.clubId, userId: stranger.id }), "not_found");
    await expectCode(loadClubUnread({ clubId: club.clubId, userId: stranger.id }), "not_found");
    await expectCode(loadReadPosition({ roomId: roomA, userId: stranger.id }), "not_found");
    expect(await loadMyUnreadCounts({ userId: stranger.id })).toEqual({});
    expect((await loadClubUnread({ clubId: club.clubId, userId: kathy.id })).total).toBe(1);
  });

  it("caps each room's count, so a member far behind costs a bounded count", async () => {
    const { kathy, ruth, club, roomA } = await setting();
    // Written straight to the tables: posting 101 through the door would meet the rate limit.
    await getDb().insert(replies).values(
      Array.from({ length: 101 }, (_, index) => {
        const id = randomUUID();
        return { id, threadId: id, roomId: roomA, authorId: ruth.id, seq: index + 1, body: `Reply ${index}`, bodyHtml: `<p>Reply ${index}</p>`, idempotencyKey: randomUUID() };
      }),
    );
    await getDb().update(rooms).set({ replySeq: 101 }).where(eq(rooms.id, roomA));
    expect((await loadClubUnread({ clubId: club.clubId, userId: kathy.id })).rooms).toEqual({ [roomA]: 100 });
    // The home page's total for the club stops at the cap too.
    expect(await loadMyUnreadCounts({ userId: kathy.id })).toEqual({ [club.clubId]: 100 });
  });
});

describe("live unread counts", () => {
  it("tell the club's other members on their own channel, wherever they are, and not the author", async () => {
    const { kathy, ruth, emily, club, roomA } = await setting();
    // Neither socket joins any room: the member is on the home page.
    const kathySocket = await connectAs(kathy);
    const ruthSocket = await connectAs(ruth);
    const kathyHeard: { clubId: string }[] = [];
    const ruthHeard: { clubId: string }[] = [];
    kathySocket.on("unread:changed", (payload) => kathyHeard.push(payload));
    ruthSocket.on("unread:changed", (payload) => ruthHeard.push(payload));

    const reply = await post(roomA, ruth.id, "Hello, Kathy");
    await expect.poll(() => kathyHeard).toEqual([{ clubId: club.clubId }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ruthHeard).toEqual([]);

    // Hiding it changes Kathy's count too (and Ruth's channel hears it: the count is everyone's).
    await hideReply({ replyId: reply.id, userId: emily.id, body: { reason: "Test" } });
    await expect.poll(() => kathyHeard.length).toBe(2);

    // Reading moves only Kathy's own counts: her other pages hear it, Ruth hears nothing of it.
    const ruthBefore = ruthHeard.length;
    await markRoomRead({ roomId: roomA, userId: kathy.id, body: { seq: 1 } });
    await expect.poll(() => kathyHeard.length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ruthHeard.length).toBe(ruthBefore);
    expect(ruthHeard.filter((payload) => payload.clubId !== club.clubId)).toEqual([]);
  });

  it("a stranger's socket hears nothing of the club", async () => {
    const { ruth, stranger, roomA } = await setting();
    const socket = await connectAs(stranger);
    const heard: unknown[] = [];
    socket.on("unread:changed", (payload) => heard.push(payload));
    await post(roomA, ruth.id, "Private");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(heard).toEqual([]);
  });
});

describe("rooms.reply_count", () => {
  it("counts only visible replies through delete, hide, a second hide, unhide, and delete of a hidden reply", async () => {
    const { kathy, ruth, emily, roomA } = await setting();
    const one = await post(roomA, ruth.id, "One");
    const two = await post(roomA, kathy.id, "Two");
    const three = await post(roomA, ruth.id, "Three");
    expect((await roomCounters(roomA))?.replyCount).toBe(3);

    await deleteReply({ replyId: two.id, userId: kathy.id });
    expect((await roomCounters(roomA))?.replyCount).toBe(2);

    await hideReply({ replyId: one.id, userId: emily.id, body: { reason: "Off topic." } });
    expect((await roomCounters(roomA))?.replyCount).toBe(1);
    // A new reason for a hidden reply is not another hiding.
    await hideReply({ replyId: one.id, userId: emily.id, body: { reason: "Spoiler." } });
    expect((await roomCounters(roomA))?.replyCount).toBe(1);

    await unhideReply({ replyId: one.id, userId: emily.id });
    expect((await roomCounters(roomA))?.replyCount).toBe(2);
    // Unhiding what is not hidden changes nothing.
    await unhideReply({ replyId: one.id, userId: emily.id });
    expect((await roomCounters(roomA))?.replyCount).toBe(2);

    // Deleting a hidden reply: it had already left the count.
    await hideReply({ replyId: three.id, userId: emily.id, body: { reason: "Off topic." } });
    await deleteReply({ replyId: three.id, userId: ruth.id });
    expect((await roomCounters(roomA))?.replyCount).toBe(1);
  });
});
