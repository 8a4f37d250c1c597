import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/index";
import { clubMembers } from "@/db/schema/clubs";
import { replyMentions } from "@/db/schema/discussion";
import { meetings, rsvps } from "@/db/schema/meetings";
import { notificationPreferences, notifications } from "@/db/schema/notifications";
import { users } from "@/db/schema/users";
import { deleteReply, editReply, postReply } from "@/lib/discussion/replies";
import { loadRoomPage } from "@/lib/discussion/room-reading";
import { hideReply, unhideReply } from "@/lib/discussion/moderation";
import { scheduleMeeting } from "@/lib/meetings/schedule";
import { deliverMeetingReminder } from "@/lib/reminders/deliver";
import { countMyUnreadNotifications, loadNotificationsPage, markAllNotificationsRead, markNotificationsReadById } from "@/lib/notifications/doors";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { useRealtimeServer } from "./realtime-harness";

const { connectAs } = useRealtimeServer();

async function setting(extra = 0) {
  const kathy = await createTestUser("Kathy");
  const ruth = await createTestUser("Ruth");
  const tommy = await createTestUser("Tommy");
  const moderator = await createTestUser("Moderator");
  const others = await Promise.all(Array.from({ length: extra }, (_, index) => createTestUser(`Other${index}`)));
  const club = await createTestClub({
    members: [
      { userId: kathy.id, role: "member" },
      { userId: ruth.id, role: "member" },
      { userId: tommy.id, role: "member" },
      { userId: moderator.id, role: "moderator" },
      ...others.map((other) => ({ userId: other.id, role: "member" as const })),
    ],
  });
  const roomId = club.roomIds[0]!;
  return { kathy, ruth, tommy, moderator, others, club, roomId };
}

async function rowsOf(userId: string) {
  return getDb().select().from(notifications).where(eq(notifications.userId, userId));
}

const page = (userId: string) => loadNotificationsPage({ userId });
const texts = async (userId: string) => (await page(userId)).notifications.map((line) => line.text);

describe("notifications of replies", () => {
  it("tells the author of a reply when someone answers it, linking to the answer, and not when they answer themselves", async () => {
    const { kathy, ruth, club, roomId } = await setting();
    const { reply: kathys } = await postReply({ roomId, userId: kathy.id, body: replyInput("I loved the opening.") });
    const { reply: ruths } = await postReply({ roomId, userId: ruth.id, body: replyInput("So did I, it was **eerie**.", kathys.id) });
    await postReply({ roomId, userId: kathy.id, body: replyInput("Talking to myself", kathys.id) });

    const [line] = (await page(kathy.id)).notifications;
    expect(line).toMatchObject({ kind: "reply", text: `${ruth.name} replied to you in Question 1`, body: "So did I, it was **eerie**.", read: false });
    expect(line?.href).toBe(`/clubs/${club.clubId}/rooms/${roomId}?reply=${ruths.id}`);
    expect(await countMyUnreadNotifications({ userId: kathy.id })).toBe(1);
    expect(await rowsOf(ruth.id)).toHaveLength(0);
  });

  it("groups replies to you in one room: 'Ruth and 2 others replied to you in Question 1'", async () => {
    const { kathy, ruth, tommy, moderator, roomId } = await setting();
    const { reply } = await postReply({ roomId, userId: kathy.id, body: replyInput("First thoughts") });
    await postReply({ roomId, userId: tommy.id, body: replyInput("One", reply.id) });
    await postReply({ roomId, userId: moderator.id, body: replyInput("Two", reply.id) });
    await postReply({ roomId, userId: tommy.id, body: replyInput("Three", reply.id) });
    await postReply({ roomId, userId: ruth.id, body: replyInput("Four", reply.id) });

    const lines = (await page(kathy.id)).notifications;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ text: `${ruth.name} and 2 others replied to you in Question 1`, body: "Four" });
    expect(lines[0]?.ids).toHaveLength(4);
    expect(await countMyUnreadNotifications({ userId: kathy.id })).toBe(4);
  });

  it("a retried post (same idempotency key) notifies once", async () => {
    const { kathy, ruth, roomId } = await setting();
    const { reply } = await postReply({ roomId, userId: kathy.id, body: replyInput("Hello") });
    const input = replyInput("Hi Kathy", reply.id);
    await postReply({ roomId, userId: ruth.id, body: input });
    await postReply({ roomId, userId: ruth.id, body: input });
    expect(await rowsOf(kathy.id)).toHaveLength(1);
  });

  it("skips a member who turned the kind off, and a former member", async () => {
    const { kathy, ruth, tommy, roomId, club } = await setting();
    await getDb().insert(notificationPreferences).values({ userId: kathy.id, kind: "reply", delivery: "off" });
    const { reply: kathys } = await postReply({ roomId, userId: kathy.id, body: replyInput("Mine") });
    const { reply: tommys } = await postReply({ roomId, userId: tommy.id, body: replyInput("Tommy's") });
    await getDb().delete(clubMembers).where(and(eq(clubMembers.clubId, club.clubId), eq(clubMembers.userId, tommy.id)));
    await postReply({ roomId, userId: ruth.id, body: replyInput("To Kathy", kathys.id) });
    await postReply({ roomId, userId: ruth.id, body: replyInput("To Tommy", tommys.id) });
    expect(await rowsOf(kathy.id)).toHaveLength(0);
    expect(await rowsOf(tommy.id)).toHaveLength(0);
  });
});

describe("@mentions", () => {
  it("resolves a mention to the member at write time, notifies them, and a rename keeps pointing at them", async () => {
    const { kathy, ruth, roomId } = await setting();
    const { reply } = await postReply({ roomId, userId: ruth.id, body: replyInput(`What do you think, @${kathy.name}?`) });

    expect(await getDb().select().from(replyMentions).where(eq(replyMentions.replyId, reply.id))).toEqual([{ replyId: reply.id, userId: kathy.id }]);
    expect(reply.bodyHtml).toContain(`<span class="mention" data-mention="${kathy.id}">@${kathy.name}</span>`);
    expect(await texts(kathy.id)).toEqual([`${ruth.name} mentioned you in Question 1`]);

    await getDb().update(users).set({ name: "Kathy H" }).where(eq(users.id, kathy.id));
    const { replies } = await loadRoomPage({ roomId, userId: ruth.id, body: {} });
    expect(replies.find((row) => row.id === reply.id)?.bodyHtml).toContain(`data-mention="${kathy.id}">@Kathy H</span>`);
  });

  it("leaves a name that is not a member as plain text, notifying no one", async () => {
    const { ruth, roomId } = await setting();
    const stranger = await createTestUser("Stranger");
    const { reply } = await postReply({ roomId, userId: ruth.id, body: replyInput(`Hey @${stranger.name} and @Nobody`) });
    expect(reply.bodyHtml).not.toContain("mention");
    expect(await getDb().select().from(replyMentions).where(eq(replyMentions.replyId, reply.id))).toEqual([]);
    expect(await rowsOf(stranger.id)).toHaveLength(0);
  });

  it("notifies at most 10 people per reply, and not the author mentioning themselves", async () => {
    const { ruth, others, roomId } = await setting(12);
    const body = [ruth, ...others].map((user) => `@${user.name}`).join(" ");
    const { reply } = await postReply({ roomId, userId: ruth.id, body: replyInput(body) });
    const mentioned = await getDb().select().from(replyMentions).where(eq(replyMentions.replyId, reply.id));
    expect(mentioned).toHaveLength(13);
    const told = await getDb().select().from(notifications).where(and(eq(notifications.replyId, reply.id), eq(notifications.kind, "mention")));
    expect(told.map((row) => row.userId).sort()).toEqual(others.slice(0, 10).map((user) => user.id).sort());
  });

  it("an edit that adds a mention notifies the new person once; one it keeps is not notified again", async () => {
    const { kathy, ruth, tommy, roomId } = await setting();
    const { reply } = await postReply({ roomId, userId: ruth.id, body: replyInput(`Hi @${kathy.name}`) });
    await editReply({ replyId: reply.id, userId: ruth.id, body: { body: `Hi @${kathy.name} and @${tommy.name}` } });
    expect(await rowsOf(kathy.id)).toHaveLength(1);
    expect(await rowsOf(tommy.id)).toHaveLength(1);
    const mentioned = await getDb().select().from(replyMentions).where(eq(replyMentions.replyId, reply.id));
    expect(mentioned.map((row) => row.userId).sort()).toEqual([kathy.id, tommy.id].sort());
  });
});

describe("redaction", () => {
  it("a deleted reply's notifications disappear (rows and text gone)", async () => {
    const { kathy, ruth, tommy, roomId } = await setting();
    const { reply } = await postReply({ roomId, userId: kathy.id, body: replyInput("Mine") });
    const { reply: answer } = await postReply({ roomId, userId: ruth.id, body: replyInput(`Secret words @${tommy.name}`, reply.id) });
    expect(await countMyUnreadNotifications({ userId: kathy.id })).toBe(1);
    await deleteReply({ replyId: answer.id, userId: ruth.id });
    expect(await rowsOf(kathy.id)).toHaveLength(0);
    expect(await rowsOf(tommy.id)).toHaveLength(0);
    expect(await countMyUnreadNotifications({ userId: kathy.id })).toBe(0);
  });

  it("a hidden reply's notifications are not shown while it is hidden; its author is told why, and nothing more", async () => {
    const { kathy, ruth, moderator, roomId } = await setting();
    const { reply } = await postReply({ roomId, userId: kathy.id, body: replyInput("Mine") });
    const { reply: answer } = await postReply({ roomId, userId: ruth.id, body: replyInput("Something unkind", reply.id) });
    await hideReply({ replyId: answer.id, userId: moderator.id, body: { reason: "Please keep it kind." } });

    expect((await page(kathy.id)).notifications).toEqual([]);
    expect(await countMyUnreadNotifications({ userId: kathy.id })).toBe(0);
    const [told] = (await page(ruth.id)).notifications;
    expect(told).toMatchObject({ kind: "reply_hidden", text: "A moderator hid your reply in Question 1", body: "Reason: Please keep it kind." });
    expect(JSON.stringify(told)).not.toContain("unkind");
    expect(JSON.stringify(told)).not.toContain(moderator.name);

    await unhideReply({ replyId: answer.id, userId: moderator.id });
    expect(await countMyUnreadNotifications({ userId: kathy.id })).toBe(1);
    // The author still has the hidden notice; deleting the reply keeps it too.
    await deleteReply({ replyId: answer.id, userId: ruth.id });
    expect(await texts(ruth.id)).toEqual(["A moderator hid your reply in Question 1"]);
  });
});

describe("meetings", () => {
  it("tells every other member of a new meeting (a series once), not the one who scheduled it", async () => {
    const { kathy, ruth, moderator, club } = await setting();
    const year = new Date().getUTCFullYear() + 1;
    const { meetingIds } = await scheduleMeeting({
      clubId: club.clubId,
      userId: moderator.id,
      body: {
        title: "Part One",
        date: `${year}-01-14`,
        time: "19:00",
        timeZone: "Europe/Madrid",
        durationMinutes: "90",
        location: "",
        readingAssignment: "",
        notes: "",
        agenda: [],
        repeat: { everyWeeks: "2", count: "3" },
      },
    });
    for (const user of [kathy, ruth]) {
      const [line] = (await page(user.id)).notifications;
      expect(line).toMatchObject({ kind: "meeting_scheduled", href: `/clubs/${club.clubId}/meetings/${meetingIds[0]}` });
      expect(line?.text).toContain("Part One was scheduled");
      expect(line?.body).toContain("then 2 more in the series");
    }
    expect(await rowsOf(moderator.id)).toHaveLength(0);
  });
});

describe("reading notifications", () => {
  it("marks one line read, then all; nobody can mark or read another member's", async () => {
    const { kathy, ruth, tommy, roomId } = await setting();
    const { reply } = await postReply({ roomId, userId: kathy.id, body: replyInput("Mine") });
    await postReply({ roomId, userId: ruth.id, body: replyInput("A reply", reply.id) });
    await postReply({ roomId, userId: ruth.id, body: replyInput(`A mention @${kathy.name}`) });
    const lines = (await page(kathy.id)).notifications;
    expect(lines).toHaveLength(2);

    // Tommy tries Kathy's ids: nothing of hers changes, and his page shows none of hers.
    expect(await markNotificationsReadById({ userId: tommy.id, body: { ids: lines.flatMap((line) => line.ids) } })).toEqual({ marked: 0 });
    expect((await page(tommy.id)).notifications).toEqual([]);
    expect(await countMyUnreadNotifications({ userId: kathy.id })).toBe(2);

    expect(await markNotificationsReadById({ userId: kathy.id, body: { ids: lines[1]!.ids } })).toEqual({ marked: 1 });
    expect(await countMyUnreadNotifications({ userId: kathy.id })).toBe(1);
    expect(await markAllNotificationsRead({ userId: kathy.id, body: { upTo: null } })).toEqual({ marked: 1 });
    expect(await countMyUnreadNotifications({ userId: kathy.id })).toBe(0);
  });

  it("refuses a malformed id list with a clear error", async () => {
    const { kathy } = await setting();
    await expect(markNotificationsReadById({ userId: kathy.id, body: { ids: ["nope"] } })).rejects.toMatchObject({ code: "bad_request" });
    await expect(markNotificationsReadById({ userId: kathy.id, body: { ids: [] } })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("sends the new unread count to the member's own channel after the reply commits", async () => {
    const { kathy, ruth, roomId } = await setting();
    const { reply } = await postReply({ roomId, userId: kathy.id, body: replyInput("Mine") });
    const kathysSocket = await connectAs(kathy);
    const ruthsSocket = await connectAs(ruth);
    let ruthHeard = false;
    ruthsSocket.on("notifications:unread", () => (ruthHeard = true));
    const heard = new Promise<{ unread: number }>((resolve) => kathysSocket.once("notifications:unread", resolve));
    await postReply({ roomId, userId: ruth.id, body: replyInput("Hello", reply.id) });
    expect(await heard).toEqual({ unread: 1 });

    const again = new Promise<{ unread: number }>((resolve) => kathysSocket.once("notifications:unread", resolve));
    await markAllNotificationsRead({ userId: kathy.id, body: { upTo: null } });
    expect(await again).toEqual({ unread: 0 });
    expect(ruthHeard).toBe(false);
  });

  it("sends the new unread count when a meeting reminder arrives, though no door wrote it", async () => {
    const { kathy, ruth, club } = await setting();
    const startsAt = new Date(Date.now() + 30 * 60 * 1000);
    const [meeting] = await getDb()
      .insert(meetings)
      .values({ clubId: club.clubId, title: "Part One", startsAt, timeZone: "Europe/London", durationMinutes: 90 })
      .returning({ id: meetings.id });
    await getDb().insert(rsvps).values({ meetingId: meeting!.id, userId: kathy.id, status: "going" });
    const kathysSocket = await connectAs(kathy);
    const ruthsSocket = await connectAs(ruth);
    let ruthHeard = false;
    ruthsSocket.on("notifications:unread", () => (ruthHeard = true));
    const heard = new Promise<{ unread: number }>((resolve) => kathysSocket.once("notifications:unread", resolve));
    const log = vi.spyOn(console, "log").mockImplementation(() => {});

    const result = await deliverMeetingReminder({ meetingId: meeting!.id, kind: "1h", startsAt: startsAt.toISOString() });

    log.mockRestore();
    expect(result).toEqual({ status: "delivered", notified: 1 });
    expect(await heard).toEqual({ unread: 1 });
    expect(ruthHeard).toBe(false);
  });
});
