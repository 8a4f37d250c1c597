import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { clubMembers, type ClubRole } from "@/db/schema/clubs";
import { postReply } from "@/lib/discussion/replies";
import { loadRoomPage } from "@/lib/discussion/room-reading";
import { AppError } from "@/lib/errors";
import { changeMemberRole, leaveClub, loadRosterPage, removeMember, transferOwnership } from "@/lib/clubs/members";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { joinRoom, useRealtimeServer, type ClientSocket } from "./realtime-harness";

const { connect, sessionCookie } = useRealtimeServer();

/** The next club:access-revoked on this socket, or a failure after a short wait rather than the test's long timeout. */
function accessRevoked(socket: ClientSocket): Promise<{ clubId: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no club:access-revoked within 2 s")), 2000);
    socket.once("club:access-revoked", (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Every membership of the club as userId → role, to compare before and after a refused change. */
async function roles(clubId: string): Promise<Record<string, ClubRole>> {
  const rows = await getDb().select({ userId: clubMembers.userId, role: clubMembers.role }).from(clubMembers).where(eq(clubMembers.clubId, clubId));
  return Object.fromEntries(rows.map((row) => [row.userId, row.role]));
}

async function roleOf(clubId: string, userId: string): Promise<ClubRole | null> {
  const [row] = await getDb()
    .select({ role: clubMembers.role })
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, userId)));
  return row?.role ?? null;
}

/** A club with one owner, two moderators and two members, and someone outside it. */
async function setting() {
  const owner = await createTestUser("Owner");
  const moderator = await createTestUser("Moderator");
  const otherModerator = await createTestUser("Moderator");
  const member = await createTestUser("Member");
  const otherMember = await createTestUser("Member");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: moderator.id, role: "moderator" },
      { userId: otherModerator.id, role: "moderator" },
      { userId: member.id, role: "member" },
      { userId: otherMember.id, role: "member" },
    ],
  });
  return { owner, moderator, otherModerator, member, otherMember, stranger, clubId: club.clubId, roomId: club.roomIds[0]! };
}

/** Runs a refused action and checks both the error and that no membership changed. */
async function expectRefused(clubId: string, action: () => Promise<unknown>, status: number) {
  const before = await roles(clubId);
  const error = await caught(action());
  expect(error.status).toBe(status);
  expect(await roles(clubId)).toEqual(before);
  return error;
}

describe("the roster", () => {
  it("lists every member with their role, owner first, then moderators, then members, each by name", async () => {
    const owner = await createTestUser("Zed");
    const memberB = await createTestUser("Bea");
    const memberA = await createTestUser("amos");
    const moderator = await createTestUser("Yara");
    const club = await createTestClub({
      members: [
        { userId: memberB.id, role: "member" },
        { userId: owner.id, role: "owner" },
        { userId: memberA.id, role: "member" },
        { userId: moderator.id, role: "moderator" },
      ],
    });
    const page = await loadRosterPage({ clubId: club.clubId, userId: memberA.id });
    expect(page.members.map((row) => [row.id, row.role])).toEqual([
      [owner.id, "owner"],
      [moderator.id, "moderator"],
      [memberA.id, "member"],
      [memberB.id, "member"],
    ]);
    expect(page.members.find((row) => row.isViewer)?.id).toBe(memberA.id);
    expect(page.members.every((row) => !Number.isNaN(Date.parse(row.joinedAt)))).toBe(true);
  });

  it("offers a member no management actions, and the owner the ones the rules allow", async () => {
    const { owner, moderator, member, clubId } = await setting();
    const asMember = await loadRosterPage({ clubId, userId: member.id });
    expect(asMember.members.every((row) => !Object.values(row.actions).some(Boolean))).toBe(true);

    const asOwner = await loadRosterPage({ clubId, userId: owner.id });
    expect(asOwner.members.find((row) => row.id === member.id)?.actions).toEqual({ promote: true, demote: false, transfer: true, remove: true });
    expect(asOwner.members.find((row) => row.id === moderator.id)?.actions).toEqual({ promote: false, demote: true, transfer: true, remove: true });
    expect(asOwner.leave.allowed).toBe(false);
  });

  it("is not found for someone outside the club", async () => {
    const { stranger, clubId } = await setting();
    expect((await caught(loadRosterPage({ clubId, userId: stranger.id }))).status).toBe(404);
    expect((await caught(loadRosterPage({ clubId: "not-a-club", userId: stranger.id }))).status).toBe(404);
  });
});

describe("changing a member's role", () => {
  it("lets the owner promote a member to moderator and demote them back", async () => {
    const { owner, member, clubId } = await setting();
    await changeMemberRole({ clubId, userId: owner.id, body: { memberId: member.id, role: "moderator" } });
    expect(await roleOf(clubId, member.id)).toBe("moderator");
    await changeMemberRole({ clubId, userId: owner.id, body: { memberId: member.id, role: "member" } });
    expect(await roleOf(clubId, member.id)).toBe("member");
  });

  it("refuses a moderator with forbidden, and changes nothing", async () => {
    const { moderator, member, clubId } = await setting();
    const error = await expectRefused(clubId, () => changeMemberRole({ clubId, userId: moderator.id, body: { memberId: member.id, role: "moderator" } }), 403);
    expect(error.message).toMatch(/owner/);
  });

  it("never changes an owner's role, their own included", async () => {
    const { owner, clubId } = await setting();
    await expectRefused(clubId, () => changeMemberRole({ clubId, userId: owner.id, body: { memberId: owner.id, role: "member" } }), 403);
  });

  it("refuses to make anyone owner by setting a role", async () => {
    const { owner, member, clubId } = await setting();
    await expectRefused(clubId, () => changeMemberRole({ clubId, userId: owner.id, body: { memberId: member.id, role: "owner" } }), 400);
  });

  it("is not found for a stranger and for a target outside the club", async () => {
    const { owner, member, stranger, clubId } = await setting();
    await expectRefused(clubId, () => changeMemberRole({ clubId, userId: stranger.id, body: { memberId: member.id, role: "moderator" } }), 404);
    await expectRefused(clubId, () => changeMemberRole({ clubId, userId: owner.id, body: { memberId: stranger.id, role: "moderator" } }), 404);
  });

  it("answers malformed input with a bad request", async () => {
    const { owner, clubId } = await setting();
    const error = await expectRefused(clubId, () => changeMemberRole({ clubId, userId: owner.id, body: { memberId: "someone", role: "moderator" } }), 400);
    expect(error.message).toBe("Choose a member of this club.");
    await expectRefused(clubId, () => changeMemberRole({ clubId, userId: owner.id, body: null }), 400);
  });

  it("tells a stranger the club is not found before looking at their input, and a moderator no before it too", async () => {
    const { moderator, stranger, clubId } = await setting();
    const asStranger = await expectRefused(clubId, () => changeMemberRole({ clubId, userId: stranger.id, body: { memberId: "someone", role: "owner" } }), 404);
    expect(asStranger.message).toBe("This club could not be found.");
    await expectRefused(clubId, () => changeMemberRole({ clubId, userId: moderator.id, body: null }), 403);
  });
});

describe("transferring ownership", () => {
  it("makes the member the owner and the former owner a moderator", async () => {
    const { owner, member, clubId } = await setting();
    await transferOwnership({ clubId, userId: owner.id, body: { memberId: member.id } });
    expect(await roleOf(clubId, member.id)).toBe("owner");
    expect(await roleOf(clubId, owner.id)).toBe("moderator");
  });

  it("is only for the owner: a moderator is forbidden and nothing changes", async () => {
    const { moderator, member, clubId } = await setting();
    await expectRefused(clubId, () => transferOwnership({ clubId, userId: moderator.id, body: { memberId: member.id } }), 403);
  });

  it("is refused, changing nothing, for a target outside the club, for the owner themself, and for a stranger", async () => {
    const { owner, member, stranger, clubId } = await setting();
    await expectRefused(clubId, () => transferOwnership({ clubId, userId: owner.id, body: { memberId: stranger.id } }), 404);
    await expectRefused(clubId, () => transferOwnership({ clubId, userId: owner.id, body: { memberId: owner.id } }), 400);
    await expectRefused(clubId, () => transferOwnership({ clubId, userId: stranger.id, body: { memberId: member.id } }), 404);
  });

  it("leaves the former owner unable to transfer again", async () => {
    const { owner, member, otherMember, clubId } = await setting();
    await transferOwnership({ clubId, userId: owner.id, body: { memberId: member.id } });
    await expectRefused(clubId, () => transferOwnership({ clubId, userId: owner.id, body: { memberId: otherMember.id } }), 403);
  });
});

describe("removing a member", () => {
  it("lets the owner remove a moderator", async () => {
    const { owner, moderator, clubId } = await setting();
    await removeMember({ clubId, userId: owner.id, body: { memberId: moderator.id } });
    expect(await roleOf(clubId, moderator.id)).toBeNull();
  });

  it("lets a moderator remove a member", async () => {
    const { moderator, member, clubId } = await setting();
    await removeMember({ clubId, userId: moderator.id, body: { memberId: member.id } });
    expect(await roleOf(clubId, member.id)).toBeNull();
  });

  it("forbids a moderator removing another moderator", async () => {
    const { moderator, otherModerator, clubId } = await setting();
    const error = await expectRefused(clubId, () => removeMember({ clubId, userId: moderator.id, body: { memberId: otherModerator.id } }), 403);
    expect(error.message).toMatch(/not other moderators/);
  });

  it("forbids anyone removing the owner, even a second owner", async () => {
    const { owner, moderator, member, clubId } = await setting();
    await expectRefused(clubId, () => removeMember({ clubId, userId: moderator.id, body: { memberId: owner.id } }), 403);
    await expectRefused(clubId, () => removeMember({ clubId, userId: member.id, body: { memberId: owner.id } }), 403);
    const coOwner = await createTestUser("Co-owner");
    await getDb().insert(clubMembers).values({ clubId, userId: coOwner.id, role: "owner" });
    await expectRefused(clubId, () => removeMember({ clubId, userId: coOwner.id, body: { memberId: owner.id } }), 403);
  });

  it("forbids a member removing another member", async () => {
    const { member, otherMember, clubId } = await setting();
    await expectRefused(clubId, () => removeMember({ clubId, userId: member.id, body: { memberId: otherMember.id } }), 403);
  });

  it("is not found for a stranger and for someone who is not in the club", async () => {
    const { owner, member, stranger, clubId } = await setting();
    await expectRefused(clubId, () => removeMember({ clubId, userId: stranger.id, body: { memberId: member.id } }), 404);
    await expectRefused(clubId, () => removeMember({ clubId, userId: owner.id, body: { memberId: stranger.id } }), 404);
  });

  it("does not remove a member of another club through this one", async () => {
    const { owner, clubId } = await setting();
    const elsewhere = await setting();
    await expectRefused(elsewhere.clubId, () => removeMember({ clubId, userId: owner.id, body: { memberId: elsewhere.member.id } }), 404);
  });

  it("points someone removing themself to leaving instead", async () => {
    const { moderator, clubId } = await setting();
    const error = await expectRefused(clubId, () => removeMember({ clubId, userId: moderator.id, body: { memberId: moderator.id } }), 400);
    expect(error.message).toMatch(/leave/);
  });

  it("shuts the removed member out of the club's room pages at once", async () => {
    const { moderator, member, clubId, roomId } = await setting();
    await loadRoomPage({ roomId, userId: member.id, body: {} });
    await removeMember({ clubId, userId: moderator.id, body: { memberId: member.id } });
    expect((await caught(loadRoomPage({ roomId, userId: member.id, body: {} }))).status).toBe(404);
    expect((await caught(loadRosterPage({ clubId, userId: member.id }))).status).toBe(404);
  });
});

describe("leaving", () => {
  it("lets a member leave", async () => {
    const { member, clubId, roomId } = await setting();
    await leaveClub({ clubId, userId: member.id });
    expect(await roleOf(clubId, member.id)).toBeNull();
    expect((await caught(loadRoomPage({ roomId, userId: member.id, body: {} }))).status).toBe(404);
  });

  it("keeps the last owner, with a message saying to transfer ownership first", async () => {
    const { owner, clubId } = await setting();
    const error = await expectRefused(clubId, () => leaveClub({ clubId, userId: owner.id }), 409);
    expect(error.message).toMatch(/Transfer ownership/);
  });

  it("lets one of two owners leave", async () => {
    const { owner, clubId } = await setting();
    const coOwner = await createTestUser("Co-owner");
    await getDb().insert(clubMembers).values({ clubId, userId: coOwner.id, role: "owner" });
    await leaveClub({ clubId, userId: owner.id });
    expect(await roleOf(clubId, owner.id)).toBeNull();
    expect(await roleOf(clubId, coOwner.id)).toBe("owner");
  });

  it("lets only one of two owners leaving at the same moment go", async () => {
    const { owner, clubId } = await setting();
    const coOwner = await createTestUser("Co-owner");
    await getDb().insert(clubMembers).values({ clubId, userId: coOwner.id, role: "owner" });
    const results = await Promise.allSettled([leaveClub({ clubId, userId: owner.id }), leaveClub({ clubId, userId: coOwner.id })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(Object.values(await roles(clubId)).filter((role) => role === "owner")).toHaveLength(1);
  });

  it("is not found for a stranger", async () => {
    const { stranger, clubId } = await setting();
    await expectRefused(clubId, () => leaveClub({ clubId, userId: stranger.id }), 404);
  });
});

describe("a live connection", () => {
  it("is told its access is gone on removal, receives nothing more from the room, and cannot rejoin", async () => {
    const { moderator, member, otherMember, clubId, roomId } = await setting();
    const socket = connect(await sessionCookie(member));
    expect((await joinRoom(socket, roomId)).ok).toBe(true);

    const revoked = accessRevoked(socket);
    await removeMember({ clubId, userId: moderator.id, body: { memberId: member.id } });
    expect(await revoked).toEqual({ clubId });

    const received: ReplyView[] = [];
    socket.on("reply:created", (reply) => received.push(reply));
    await postReply({ roomId, userId: otherMember.id, body: replyInput("After the removal") });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);

    const rejoin = await joinRoom(socket, roomId);
    expect(rejoin).toEqual({ ok: false, error: { code: "not_found", message: "This room could not be found." } });
  });

  it("of someone who leaves is taken out of the club's rooms too", async () => {
    const { member, otherMember, clubId, roomId } = await setting();
    const socket = connect(await sessionCookie(member));
    expect((await joinRoom(socket, roomId)).ok).toBe(true);

    const revoked = accessRevoked(socket);
    await leaveClub({ clubId, userId: member.id });
    expect(await revoked).toEqual({ clubId });

    const received: ReplyView[] = [];
    socket.on("reply:created", (reply) => received.push(reply));
    await postReply({ roomId, userId: otherMember.id, body: replyInput("After leaving") });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });

  it("of another member keeps receiving replies after someone else is removed", async () => {
    const { moderator, member, otherMember, clubId, roomId } = await setting();
    const staying = connect(await sessionCookie(otherMember));
    expect((await joinRoom(staying, roomId)).ok).toBe(true);
    await removeMember({ clubId, userId: moderator.id, body: { memberId: member.id } });

    const delivered = new Promise<ReplyView>((resolve) => staying.once("reply:created", resolve));
    const posted = await postReply({ roomId, userId: moderator.id, body: replyInput("Still here") });
    expect(await delivered).toEqual(posted.reply);
  });
});
