import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { clubMembers } from "@/db/schema/clubs";
import { meetingAgenda, meetings } from "@/db/schema/meetings";
import { AppError } from "@/lib/errors";
import { removeMember } from "@/lib/clubs/members";
import type { Ack, PresentMember, MeetingMarkerView, MeetingPresenceView } from "@/lib/realtime/events";
import { setMeetingMarker } from "@/lib/meetings/live";
import { createTestClub, createTestUser } from "./factories";
import { joinMeeting, leaveMeeting, useRealtimeServer, type ClientSocket } from "./realtime-harness";

const { connectAs } = useRealtimeServer();

/** Everything a socket hears about meetings, so a test can wait for a state or assert nothing came. */
function listen(socket: ClientSocket) {
  const presence: MeetingPresenceView[] = [];
  const markers: MeetingMarkerView[] = [];
  socket.on("meeting:presence", (payload) => presence.push(payload));
  socket.on("meeting:marker", (payload) => markers.push(payload));
  return { presence, markers };
}

async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
const ids = (present: PresentMember[] | undefined) => (present ?? []).map((person) => person.id).sort();
const latest = <T>(list: T[]) => list[list.length - 1];

async function createMeeting(input: { clubId: string; agenda: string[]; cancelled?: boolean }): Promise<string> {
  const db = getDb();
  const [meeting] = await db
    .insert(meetings)
    .values({
      clubId: input.clubId,
      title: "Meeting",
      startsAt: new Date(Date.now() - 10 * 60_000),
      timeZone: "Europe/London",
      durationMinutes: 90,
      cancelledAt: input.cancelled ? new Date() : null,
    })
    .returning({ id: meetings.id });
  if (!meeting) throw new Error("meeting not created");
  if (input.agenda.length > 0) {
    await db.insert(meetingAgenda).values(input.agenda.map((roomId, index) => ({ meetingId: meeting.id, roomId, position: index + 1 })));
  }
  return meeting.id;
}

async function markerInDb(meetingId: string): Promise<string | null> {
  const [row] = await getDb().select({ currentRoomId: meetings.currentRoomId }).from(meetings).where(eq(meetings.id, meetingId));
  if (!row) throw new Error("meeting missing");
  return row.currentRoomId;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function meeting(options: { cancelled?: boolean } = {}) {
  const moderator = await createTestUser("Moderator");
  const member = await createTestUser("Member");
  const other = await createTestUser("Other");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: moderator.id, role: "moderator" },
      { userId: member.id, role: "member" },
      { userId: other.id, role: "member" },
    ],
    questions: ["First question?", "Second question?", "Not on the agenda?"],
  });
  const [first, second, offAgenda] = club.roomIds as [string, string, string];
  const meetingId = await createMeeting({ clubId: club.clubId, agenda: [first, second], cancelled: options.cancelled });
  return { moderator, member, other, stranger, clubId: club.clubId, meetingId, first, second, offAgenda };
}

describe("presence at a meeting", () => {
  it("shows two members who joined to each other, by name", async () => {
    const { member, other, meetingId } = await meeting();
    const memberSocket = await connectAs(member);
    const heard = listen(memberSocket);
    const first = await joinMeeting(memberSocket, meetingId);
    expect(first).toEqual({ ok: true, data: { present: [{ id: member.id, name: member.name }], currentRoomId: null } });

    const otherSocket = await connectAs(other);
    const second = await joinMeeting(otherSocket, meetingId);
    expect(second.ok && ids(second.data.present)).toEqual([member.id, other.id].sort());
    await eventually(() => ids(latest(heard.presence)?.present).length === 2, "the member to hear the other arrive");
    expect(latest(heard.presence)).toMatchObject({ meetingId });
    expect(latest(heard.presence)?.present).toContainEqual({ id: other.id, name: other.name });
  });

  it("drops a member from the others' list when their connection closes", async () => {
    const { member, other, meetingId } = await meeting();
    const memberSocket = await connectAs(member);
    const heard = listen(memberSocket);
    await joinMeeting(memberSocket, meetingId);
    const otherSocket = await connectAs(other);
    await joinMeeting(otherSocket, meetingId);
    await eventually(() => ids(latest(heard.presence)?.present).length === 2, "both to be present");

    otherSocket.disconnect();
    await eventually(() => ids(latest(heard.presence)?.present).join() === member.id, "the other to leave the list");
  });

  it("counts a member with two tabs once, and keeps them until the last tab goes", async () => {
    const { member, other, meetingId } = await meeting();
    const watcherSocket = await connectAs(other);
    const heard = listen(watcherSocket);
    await joinMeeting(watcherSocket, meetingId);
    const tabOne = await connectAs(member);
    const tabTwo = await connectAs(member);
    await joinMeeting(tabOne, meetingId);
    const ack = await joinMeeting(tabTwo, meetingId);
    expect(ack.ok && ids(ack.data.present)).toEqual([member.id, other.id].sort());

    tabOne.disconnect();
    await settle();
    expect(ids(latest(heard.presence)?.present)).toEqual([member.id, other.id].sort());

    tabTwo.emit("meeting:leave", { meetingId });
    await eventually(() => ids(latest(heard.presence)?.present).join() === other.id, "the member's last tab to leave");
  });

  it("acknowledges a leave and drops the member from the others' list", async () => {
    const { member, other, meetingId } = await meeting();
    const watcherSocket = await connectAs(other);
    const heard = listen(watcherSocket);
    await joinMeeting(watcherSocket, meetingId);
    const memberSocket = await connectAs(member);
    await joinMeeting(memberSocket, meetingId);
    await eventually(() => ids(latest(heard.presence)?.present).length === 2, "both to be present");

    expect(await leaveMeeting(memberSocket, meetingId)).toEqual({ ok: true, data: null });
    await eventually(() => ids(latest(heard.presence)?.present).join() === other.id, "the member to leave the list");
  });

  it("answers a removed member's leave with not-found, and keeps them out", async () => {
    const { member, clubId, meetingId } = await meeting();
    const socket = await connectAs(member);
    await joinMeeting(socket, meetingId);
    // Straight from the table: this is about the leave, not the removal's own revoke.
    await getDb()
      .delete(clubMembers)
      .where(and(eq(clubMembers.clubId, clubId), eq(clubMembers.userId, member.id)));
    expect(await leaveMeeting(socket, meetingId)).toEqual({ ok: false, error: { code: "not_found", message: "This meeting could not be found." } });
    expect(await joinMeeting(socket, meetingId)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("refuses a stranger's join with not-found, and they hear nothing about the meeting", async () => {
    const { member, stranger, moderator, meetingId, first } = await meeting();
    const memberSocket = await connectAs(member);
    await joinMeeting(memberSocket, meetingId);
    const strangerSocket = await connectAs(stranger);
    const heard = listen(strangerSocket);

    expect(await joinMeeting(strangerSocket, meetingId)).toEqual({ ok: false, error: { code: "not_found", message: "This meeting could not be found." } });
    await setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: first } });
    memberSocket.disconnect();
    await settle();
    expect(heard).toEqual({ presence: [], markers: [] });
  });

  it("answers a malformed or unknown meeting id with not-found, not a crash", async () => {
    const { member } = await meeting();
    const socket = await connectAs(member);
    expect(await joinMeeting(socket, "not-a-uuid")).toEqual({ ok: false, error: { code: "not_found", message: "This meeting could not be found." } });
    expect(await joinMeeting(socket, "00000000-0000-4000-8000-000000000000")).toMatchObject({ ok: false });
    const ack = await new Promise<Ack<unknown>>((resolve) =>
      (socket.emit as (event: string, payload: unknown, ack: (result: Ack<unknown>) => void) => void)("meeting:join", { meetingId: 7 }, resolve),
    );
    expect(ack.ok).toBe(false);
  });
});

describe("the now-discussing marker", () => {
  it("set by a moderator reaches the other members live and is stored", async () => {
    const { moderator, member, meetingId, second } = await meeting();
    const memberSocket = await connectAs(member);
    await joinMeeting(memberSocket, meetingId);
    const delivered = new Promise<MeetingMarkerView>((resolve) => memberSocket.once("meeting:marker", resolve));

    expect(await setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: second } })).toEqual({ meetingId, roomId: second });
    expect(await delivered).toEqual({ meetingId, roomId: second });
    expect(await markerInDb(meetingId)).toBe(second);
  });

  it("is handed to a member who joins after it was set", async () => {
    const { moderator, member, meetingId, first } = await meeting();
    await setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: first } });
    const ack = await joinMeeting(await connectAs(member), meetingId);
    expect(ack.ok && ack.data.currentRoomId).toBe(first);
  });

  it("can be cleared by a moderator", async () => {
    const { moderator, member, meetingId, first } = await meeting();
    await setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: first } });
    const memberSocket = await connectAs(member);
    await joinMeeting(memberSocket, meetingId);
    const delivered = new Promise<MeetingMarkerView>((resolve) => memberSocket.once("meeting:marker", resolve));

    await setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: null } });
    expect(await delivered).toEqual({ meetingId, roomId: null });
    expect(await markerInDb(meetingId)).toBeNull();
  });

  it("is forbidden to a member, and nothing changes or is sent", async () => {
    const { moderator, member, other, meetingId, first, second } = await meeting();
    await setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: first } });
    const otherSocket = await connectAs(other);
    await joinMeeting(otherSocket, meetingId);
    const heard = listen(otherSocket);

    const error = await refusal(setMeetingMarker({ meetingId, userId: member.id, body: { roomId: second } }));
    expect(error.code).toBe("forbidden");
    await settle();
    expect(await markerInDb(meetingId)).toBe(first);
    expect(heard.markers).toEqual([]);
  });

  it("refuses a question that is not on this meeting's agenda with bad_request", async () => {
    const { moderator, meetingId, first, offAgenda } = await meeting();
    await setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: first } });

    const error = await refusal(setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: offAgenda } }));
    expect(error.code).toBe("bad_request");
    expect(await markerInDb(meetingId)).toBe(first);
  });

  it("refuses another club's question and a malformed body with bad_request", async () => {
    const { moderator, meetingId } = await meeting();
    const elsewhere = await meeting();

    expect((await refusal(setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: elsewhere.first } }))).code).toBe("bad_request");
    expect((await refusal(setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: "nope" } }))).code).toBe("bad_request");
    expect((await refusal(setMeetingMarker({ meetingId, userId: moderator.id, body: {} }))).code).toBe("bad_request");
    expect(await markerInDb(meetingId)).toBeNull();
  });

  it("is not found for a stranger, even a moderator of another club", async () => {
    const { stranger, meetingId, first } = await meeting();
    const elsewhere = await meeting();

    expect((await refusal(setMeetingMarker({ meetingId, userId: stranger.id, body: { roomId: first } }))).code).toBe("not_found");
    expect((await refusal(setMeetingMarker({ meetingId, userId: elsewhere.moderator.id, body: { roomId: first } }))).code).toBe("not_found");
    expect((await refusal(setMeetingMarker({ meetingId: "not-a-uuid", userId: stranger.id, body: { roomId: first } }))).code).toBe("not_found");
    expect(await markerInDb(meetingId)).toBeNull();
  });

  it("is refused for a cancelled meeting, and nothing is sent", async () => {
    const { moderator, member, meetingId, first } = await meeting({ cancelled: true });
    const memberSocket = await connectAs(member);
    await joinMeeting(memberSocket, meetingId);
    const heard = listen(memberSocket);

    const error = await refusal(setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: first } }));
    expect(error.code).toBe("conflict");
    await settle();
    expect(await markerInDb(meetingId)).toBeNull();
    expect(heard.markers).toEqual([]);
  });
});

describe("a member removed from the club", () => {
  it("stops hearing the meeting's presence and marker, and leaves the others' list", async () => {
    const { moderator, member, other, clubId, meetingId, first } = await meeting();
    const memberSocket = await connectAs(member);
    const heard = listen(memberSocket);
    await joinMeeting(memberSocket, meetingId);
    const otherSocket = await connectAs(other);
    const othersHeard = listen(otherSocket);
    await joinMeeting(otherSocket, meetingId);
    await eventually(() => ids(latest(heard.presence)?.present).length === 2, "the member to see the other arrive");
    const heardBefore = heard.presence.length;
    const revoked = new Promise<{ clubId: string }>((resolve) => memberSocket.once("club:access-revoked", resolve));

    await removeMember({ clubId, userId: moderator.id, body: { memberId: member.id } });
    expect(await revoked).toEqual({ clubId });
    await eventually(() => ids(latest(othersHeard.presence)?.present).join() === other.id, "the removed member to leave the list");

    await setMeetingMarker({ meetingId, userId: moderator.id, body: { roomId: first } });
    await joinMeeting(await connectAs(moderator), meetingId);
    await eventually(() => othersHeard.markers.length === 1 && ids(latest(othersHeard.presence)?.present).length === 2, "the marker and the moderator's arrival");
    await settle();
    expect(heard.presence).toHaveLength(heardBefore);
    expect(heard.markers).toEqual([]);
  });

  it("cannot join the meeting again", async () => {
    const { moderator, member, clubId, meetingId } = await meeting();
    const socket = await connectAs(member);
    await removeMember({ clubId, userId: moderator.id, body: { memberId: member.id } });
    expect(await joinMeeting(socket, meetingId)).toEqual({ ok: false, error: { code: "not_found", message: "This meeting could not be found." } });
  });
});
