import { describe, expect, it } from "vitest";
import { leaveClub, removeMember } from "@/lib/clubs/members";
import { lockRoom } from "@/lib/discussion/moderation";
import type { RoomPresenceView } from "@/lib/realtime/events";
import { createTestClub, createTestUser } from "./factories";
import { joinRoom, leaveRoom, sendTyping, useRealtimeServer, type ClientSocket } from "./realtime-harness";

// A typing mark lasts 400 ms here instead of 6 s, so expiry is quick to see.
const typingMs = 400;
const { connectAs } = useRealtimeServer({ typingMs });

async function setting() {
  const ruth = await createTestUser("Ruth");
  const kathy = await createTestUser("Kathy");
  const owner = await createTestUser("Owner");
  const club = await createTestClub({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: ruth.id, role: "member" },
      { userId: kathy.id, role: "member" },
    ],
  });
  return { ruth, kathy, owner, club, roomId: club.roomIds[0]!, otherRoomId: club.roomIds[1]! };
}

/** Resolves with the first room:presence for `roomId` that satisfies `test` (within 3 s). */
function presenceWhere(socket: ClientSocket, roomId: string, test: (view: RoomPresenceView) => boolean): Promise<RoomPresenceView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off("room:presence", listener);
      reject(new Error("no matching room:presence within 3 s"));
    }, 3_000);
    const listener = (view: RoomPresenceView) => {
      if (view.roomId !== roomId || !test(view)) return;
      clearTimeout(timer);
      socket.off("room:presence", listener);
      resolve(view);
    };
    socket.on("room:presence", listener);
  });
}

const ids = (members: { id: string }[]) => members.map((member) => member.id).sort();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("who is here in a room", () => {
  it("counts a member with two tabs once, keeps them while one tab is open, and drops them when the last closes", async () => {
    const { ruth, kathy, roomId } = await setting();
    const kathyTab = await connectAs(kathy);
    expect((await joinRoom(kathyTab, roomId)).ok).toBe(true);

    const bothHere = presenceWhere(kathyTab, roomId, (view) => view.present.length === 2);
    const ruthTab1 = await connectAs(ruth);
    await joinRoom(ruthTab1, roomId);
    const view = await bothHere;
    expect(ids(view.present)).toEqual([kathy.id, ruth.id].sort());
    expect(view.present.find((member) => member.id === ruth.id)?.name).toBe(ruth.name);

    const ruthTab2 = await connectAs(ruth);
    const secondTab = presenceWhere(kathyTab, roomId, () => true);
    await joinRoom(ruthTab2, roomId);
    expect(ids((await secondTab).present)).toEqual([kathy.id, ruth.id].sort());

    const oneTabClosed = presenceWhere(kathyTab, roomId, () => true);
    ruthTab1.disconnect();
    expect(ids((await oneTabClosed).present)).toEqual([kathy.id, ruth.id].sort());

    const gone = presenceWhere(kathyTab, roomId, (next) => next.present.length === 1);
    ruthTab2.disconnect();
    expect(ids((await gone).present)).toEqual([kathy.id]);
  });

  it("is per room, and leaving a room takes a member out of its list", async () => {
    const { ruth, kathy, roomId, otherRoomId } = await setting();
    const kathyTab = await connectAs(kathy);
    await joinRoom(kathyTab, roomId);
    const ruthTab = await connectAs(ruth);
    const arrived = presenceWhere(kathyTab, roomId, (view) => view.present.length === 2);
    await joinRoom(ruthTab, roomId);
    await arrived;

    const elsewhere = await connectAs(ruth);
    const otherRoom = presenceWhere(elsewhere, otherRoomId, () => true);
    await joinRoom(elsewhere, otherRoomId);
    expect(ids((await otherRoom).present)).toEqual([ruth.id]);

    const left = presenceWhere(kathyTab, roomId, (view) => view.present.length === 1);
    await leaveRoom(ruthTab, roomId);
    expect(ids((await left).present)).toEqual([kathy.id]);
  });

  it("comes back after a reconnect: a rejoined page hears the list again", async () => {
    const { ruth, kathy, roomId } = await setting();
    const kathyTab = await connectAs(kathy);
    await joinRoom(kathyTab, roomId);
    const ruthTab = await connectAs(ruth);
    await joinRoom(ruthTab, roomId);

    const dropped = presenceWhere(kathyTab, roomId, (view) => view.present.length === 1);
    ruthTab.disconnect();
    await dropped;

    const back = presenceWhere(kathyTab, roomId, (view) => view.present.length === 2);
    const ruthAgain = await connectAs(ruth);
    const ownList = presenceWhere(ruthAgain, roomId, (view) => view.present.length === 2);
    await joinRoom(ruthAgain, roomId);
    await back;
    expect(ids((await ownList).present)).toEqual([kathy.id, ruth.id].sort());
  });

  it("drops a member removed from the club at once", async () => {
    const { ruth, kathy, owner, club, roomId } = await setting();
    const kathyTab = await connectAs(kathy);
    await joinRoom(kathyTab, roomId);
    const ruthTab = await connectAs(ruth);
    const arrived = presenceWhere(kathyTab, roomId, (view) => view.present.length === 2);
    await joinRoom(ruthTab, roomId);
    await arrived;

    const removed = presenceWhere(kathyTab, roomId, (view) => view.present.length === 1);
    await removeMember({ clubId: club.clubId, userId: owner.id, body: { memberId: ruth.id } });
    expect(ids((await removed).present)).toEqual([kathy.id]);
  });
});

describe("who is typing in a room", () => {
  it("shows a member typing to the room, and forgets them a few moments after their last keystroke", async () => {
    const { ruth, kathy, roomId } = await setting();
    const kathyTab = await connectAs(kathy);
    await joinRoom(kathyTab, roomId);
    const ruthTab = await connectAs(ruth);
    await joinRoom(ruthTab, roomId);

    const typing = presenceWhere(kathyTab, roomId, (view) => view.typing.length === 1);
    const startedAt = Date.now();
    expect(await sendTyping(ruthTab, roomId, true)).toEqual({ ok: true, data: null });
    expect((await typing).typing).toEqual([{ id: ruth.id, name: ruth.name }]);

    const expired = presenceWhere(kathyTab, roomId, (view) => view.typing.length === 0);
    await expired;
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(typingMs - 50);
  });

  it("keeps a mark alive while renewed, counts two typing tabs once, and stops at once when the page says so", async () => {
    const { ruth, kathy, roomId } = await setting();
    const kathyTab = await connectAs(kathy);
    await joinRoom(kathyTab, roomId);
    const ruthTab1 = await connectAs(ruth);
    await joinRoom(ruthTab1, roomId);
    const ruthTab2 = await connectAs(ruth);
    await joinRoom(ruthTab2, roomId);

    const seen: RoomPresenceView[] = [];
    kathyTab.on("room:presence", (view) => seen.push(view));
    await sendTyping(ruthTab1, roomId, true);
    await sendTyping(ruthTab2, roomId, true);
    for (let i = 0; i < 3; i += 1) {
      await pause(typingMs / 2);
      await sendTyping(ruthTab1, roomId, true);
    }
    // Renewed within the mark's life: never dropped meanwhile, and one name for two tabs. (Lists
    // from the joins may still arrive just after the listener was added: they come first.)
    const sinceTyping = seen.slice(seen.findIndex((view) => view.typing.length > 0));
    expect(sinceTyping.length).toBeGreaterThan(0);
    expect(sinceTyping.every((view) => view.typing.length === 1)).toBe(true);
    expect(seen.at(-1)?.typing).toEqual([{ id: ruth.id, name: ruth.name }]);

    // One tab stopping leaves the other typing; both stopping clears it at once, not at expiry.
    await sendTyping(ruthTab2, roomId, false);
    const stopped = presenceWhere(kathyTab, roomId, (view) => view.typing.length === 0);
    const stoppedAt = Date.now();
    await sendTyping(ruthTab1, roomId, false);
    await stopped;
    expect(Date.now() - stoppedAt).toBeLessThan(typingMs);
  });

  it("clears a typing mark when its tab closes", async () => {
    const { ruth, kathy, roomId } = await setting();
    const kathyTab = await connectAs(kathy);
    await joinRoom(kathyTab, roomId);
    const ruthTab = await connectAs(ruth);
    await joinRoom(ruthTab, roomId);
    const typing = presenceWhere(kathyTab, roomId, (view) => view.typing.length === 1);
    await sendTyping(ruthTab, roomId, true);
    await typing;

    const closed = presenceWhere(kathyTab, roomId, (view) => view.present.length === 1);
    const closedAt = Date.now();
    ruthTab.disconnect();
    const view = await closed;
    expect(view.typing).toEqual([]);
    expect(Date.now() - closedAt).toBeLessThan(typingMs);
  });

  it("refuses a member who left the club, on the next typing event, and drops their mark at once", async () => {
    const { ruth, kathy, club, roomId } = await setting();
    const kathyTab = await connectAs(kathy);
    await joinRoom(kathyTab, roomId);
    const ruthTab = await connectAs(ruth);
    await joinRoom(ruthTab, roomId);
    const typing = presenceWhere(kathyTab, roomId, (view) => view.typing.length === 1);
    await sendTyping(ruthTab, roomId, true);
    await typing;

    const gone = presenceWhere(kathyTab, roomId, (view) => view.typing.length === 0 && view.present.length === 1);
    await leaveClub({ clubId: club.clubId, userId: ruth.id });
    await gone;

    const seen: RoomPresenceView[] = [];
    kathyTab.on("room:presence", (view) => seen.push(view));
    expect(await sendTyping(ruthTab, roomId, true)).toEqual({ ok: false, error: { code: "not_found", message: "This room could not be found." } });
    await pause(typingMs / 2);
    expect(seen.flatMap((view) => view.typing)).toEqual([]);
  });

  it("does not show a page that has not joined the room as typing there, and refuses members in a locked room", async () => {
    const { ruth, kathy, owner, roomId } = await setting();
    const kathyTab = await connectAs(kathy);
    await joinRoom(kathyTab, roomId);
    const seen: RoomPresenceView[] = [];
    kathyTab.on("room:presence", (view) => seen.push(view));

    const outside = await connectAs(ruth);
    expect(await sendTyping(outside, roomId, true)).toEqual({ ok: true, data: null });
    await pause(typingMs / 2);
    expect(seen.flatMap((view) => view.typing)).toEqual([]);

    await lockRoom({ roomId, userId: owner.id });
    const inside = await connectAs(ruth);
    await joinRoom(inside, roomId);
    expect(await sendTyping(inside, roomId, true)).toMatchObject({ ok: false, error: { code: "locked" } });
    expect(await sendTyping(inside, roomId, false)).toEqual({ ok: true, data: null });
  });
});
