import { describe, expect, it } from "vitest";
import { loadClubOverview } from "@/lib/books/books";
import { postReply } from "@/lib/discussion/replies";
import { listRepliesAfter, loadRoomPage } from "@/lib/discussion/room-reading";
import { AppError } from "@/lib/errors";
import type { Ack } from "@/lib/realtime/events";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/index";
import { clubMembers } from "@/db/schema/clubs";
import { countRoomReplies, createTestClub, createTestUser, replyInput } from "./factories";
import { joinRoom, leaveRoom, useRealtimeServer } from "./realtime-harness";

const { connect, sessionCookie } = useRealtimeServer();

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(404);
}

async function setting() {
  const member = await createTestUser("Member");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({ members: [{ userId: member.id, role: "member" }] });
  return { member, stranger, club, roomId: club.roomIds[0]! };
}

describe("a non-member", () => {
  it("gets not-found for the club page, the room page and the replies API", async () => {
    const { member, stranger, club, roomId } = await setting();
    await postReply({ roomId, userId: member.id, body: replyInput("Members only") });

    await expectNotFound(loadClubOverview({ clubId: club.clubId, userId: stranger.id }));
    await expectNotFound(loadRoomPage({ roomId, userId: stranger.id, body: {} }));
    await expectNotFound(listRepliesAfter({ roomId, userId: stranger.id, body: {} }));
  });

  it("cannot post, and nothing is written", async () => {
    const { stranger, roomId } = await setting();
    await expectNotFound(postReply({ roomId, userId: stranger.id, body: replyInput("Let me in") }));
    expect(await countRoomReplies(roomId)).toBe(0);
  });

  it("sees the same not-found for a room that does not exist and for a malformed id", async () => {
    const { member } = await setting();
    await expectNotFound(loadRoomPage({ roomId: "00000000-0000-4000-8000-000000000000", userId: member.id, body: {} }));
    await expectNotFound(loadRoomPage({ roomId: "../etc/passwd", userId: member.id, body: {} }));
    await expectNotFound(loadClubOverview({ clubId: "not-a-uuid", userId: member.id }));
  });

  it("is refused a socket join with an error event and receives no replies from the room", async () => {
    const { member, stranger, roomId } = await setting();
    const socket = connect(await sessionCookie(stranger));
    const errorEvent = new Promise<{ roomId: string; error: { code: string } }>((resolve) => socket.once("room:error", resolve));
    const received: ReplyView[] = [];
    socket.on("reply:created", (reply) => received.push(reply));

    const ack = await joinRoom(socket, roomId);
    expect(ack).toEqual({ ok: false, error: { code: "not_found", message: "This room could not be found." } });
    expect(await errorEvent).toEqual({ roomId, error: { code: "not_found", message: "This room could not be found." } });

    await postReply({ roomId, userId: member.id, body: replyInput("Not for strangers") });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });
});

describe("live replies", () => {
  it("refuses a socket without a sign-in session, with the wire error", async () => {
    const socket = connect();
    const error = await new Promise<Error & { data?: unknown }>((resolve) => socket.once("connect_error", resolve));
    expect(error.message).toMatch(/Sign in/);
    expect(error.data).toEqual({ code: "unauthorized", message: "Sign in to join the live discussion." });
  });

  it("delivers a committed reply to every member subscribed to the room, under its parent", async () => {
    const member = await createTestUser("Member");
    const other = await createTestUser("Other");
    const club = await createTestClub({
      members: [
        { userId: member.id, role: "member" },
        { userId: other.id, role: "moderator" },
      ],
    });
    const room = club.roomIds[0]!;
    const parent = await postReply({ roomId: room, userId: member.id, body: replyInput("Opening") });
    const listener = connect(await sessionCookie(other));
    expect((await joinRoom(listener, room, parent.reply.seq)).ok).toBe(true);

    const delivered = new Promise<ReplyView>((resolve) => listener.once("reply:created", resolve));
    const posted = await postReply({ roomId: room, userId: member.id, body: replyInput("Answering", parent.reply.id) });
    expect(await delivered).toEqual(posted.reply);
    expect(posted.reply.parentId).toBe(parent.reply.id);
  });

  it("hands a rejoining client every reply it missed, and none it already had", async () => {
    const { member, roomId } = await setting();
    const seen = await postReply({ roomId, userId: member.id, body: replyInput("Seen before the drop") });
    const missedOne = await postReply({ roomId, userId: member.id, body: replyInput("Missed one") });
    const missedTwo = await postReply({ roomId, userId: member.id, body: replyInput("Missed two") });

    const socket = connect(await sessionCookie(member));
    const ack = await joinRoom(socket, roomId, seen.reply.seq);
    expect(ack.ok && ack.data.replies.map((reply) => reply.id)).toEqual([missedOne.reply.id, missedTwo.reply.id]);
  });

  it("does not broadcast a retried post a second time", async () => {
    const { member, roomId } = await setting();
    const socket = connect(await sessionCookie(member));
    expect((await joinRoom(socket, roomId)).ok).toBe(true);
    const received: ReplyView[] = [];
    socket.on("reply:created", (reply) => received.push(reply));

    const input = replyInput("Once only");
    await postReply({ roomId, userId: member.id, body: input });
    await postReply({ roomId, userId: member.id, body: input });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(1);
  });

  it("stops delivering a room's replies to a member who leaves it, and acknowledges the leave", async () => {
    const { member, roomId } = await setting();
    const socket = connect(await sessionCookie(member));
    expect((await joinRoom(socket, roomId)).ok).toBe(true);
    expect(await leaveRoom(socket, roomId)).toEqual({ ok: true, data: null });
    const received: ReplyView[] = [];
    socket.on("reply:created", (reply) => received.push(reply));

    await postReply({ roomId, userId: member.id, body: replyInput("Nobody listening") });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });

  it("answers a malformed join payload with an error, not a crash", async () => {
    const { member } = await setting();
    const socket = connect(await sessionCookie(member));
    const ack = await new Promise<Ack<unknown>>((resolve) =>
      (socket.emit as (event: string, payload: unknown, ack: (result: Ack<unknown>) => void) => void)("room:join", { roomId: 5 }, resolve),
    );
    expect(ack.ok).toBe(false);
  });

  it("drops a member removed while their connection was away when it comes back recovered", async () => {
    const member = await createTestUser("Member");
    const owner = await createTestUser("Owner");
    const club = await createTestClub({
      members: [
        { userId: member.id, role: "member" },
        { userId: owner.id, role: "owner" },
      ],
    });
    const roomId = club.roomIds[0]!;
    const socket = connect(await sessionCookie(member), { reconnection: true });
    expect((await joinRoom(socket, roomId)).ok).toBe(true);
    // Recovery resumes from the last event the client received, so it needs one.
    const first = new Promise((resolve) => socket.once("reply:created", resolve));
    await postReply({ roomId, userId: owner.id, body: replyInput("Before the drop") });
    await first;

    // Drop the transport (not a clean disconnect), so the server keeps the connection's state for recovery.
    const dropped = new Promise((resolve) => socket.once("disconnect", resolve));
    socket.io.engine.close();
    await dropped;
    await getDb()
      .delete(clubMembers)
      .where(and(eq(clubMembers.clubId, club.clubId), eq(clubMembers.userId, member.id)));
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    expect(socket.recovered).toBe(true);

    const received: ReplyView[] = [];
    socket.on("reply:created", (reply) => received.push(reply));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await postReply({ roomId, userId: owner.id, body: replyInput("After the removal") });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });
});
