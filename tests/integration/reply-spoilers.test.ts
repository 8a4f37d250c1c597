import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { notifications } from "@/db/schema/notifications";
import { replies } from "@/db/schema/discussion";
import { END_RANK } from "@/lib/books/points";
import { liftRoomVeil, setReadingProgress, updateBookShape, updateRoomReach } from "@/lib/books/reading";
import { editReply, loadReply, postReply, revealReplyText } from "@/lib/discussion/replies";
import { listRepliesAfter, loadRoomPage, loadRoomSnapshot } from "@/lib/discussion/room-reading";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { runEmailRound } from "@/lib/email/send";
import { saveNotificationSettings } from "@/lib/email/settings";
import { AppError } from "@/lib/errors";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { joinRoom, useRealtimeServer } from "./realtime-harness";
import { startTestSmtp, type TestSmtp } from "./smtp-harness";

// Issue 10, item 6: for a reader at chapter 5, a reply marked chapter 20 is in none of the
// room's data, the replies API, the live event, the catch-up, the notification, the email or
// the digest; once they move to chapter 21 it is.

const SECRET = "Ruth dies after the third donation";
const nlmgParts = "Part One, chapters 1–9\nPart Two, chapters 10–17\nPart Three, chapters 18–23";
const realtime = useRealtimeServer();

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});

async function setting() {
  const emily = await createTestUser("Emily");
  const kathy = await createTestUser("Kathy");
  const ruth = await createTestUser("Ruth");
  const club = await createTestClub({
    members: [
      { userId: emily.id, role: "moderator" },
      { userId: kathy.id, role: "member" },
      { userId: ruth.id, role: "member" },
    ],
  });
  const { clubId, bookId } = club;
  const roomId = club.roomIds[0];
  if (!roomId) throw new Error("no room");
  await updateBookShape({ clubId, bookId, userId: emily.id, body: { chapters: "", parts: nlmgParts } });
  await setReadingProgress({ clubId, bookId, userId: kathy.id, body: { reached: 5 } });
  await setReadingProgress({ clubId, bookId, userId: ruth.id, body: { reached: END_RANK } });
  const progress = (userId: string, reached: number) => setReadingProgress({ clubId, bookId, userId, body: { reached } });
  return { emily, kathy, ruth, clubId, bookId, roomId, progress };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const storedLevel = async (replyId: string) => (await getDb().select({ level: replies.spoilerLevel }).from(replies).where(eq(replies.id, replyId)))[0]?.level;

describe("a reply's spoiler level", () => {
  it("defaults to the author's progress, and a chosen level is clamped to it", async () => {
    const { kathy, ruth, roomId } = await setting();
    const byRuth = await postReply({ roomId, userId: ruth.id, body: replyInput("About the ending") });
    expect(await storedLevel(byRuth.reply.id)).toBe(END_RANK);
    expect(byRuth.reply.spoiler).toEqual({ level: END_RANK });
    const chosen = await postReply({ roomId, userId: ruth.id, body: { ...replyInput("Only Part Two"), spoilerLevel: 17 } });
    expect(await storedLevel(chosen.reply.id)).toBe(17);
    const none = await postReply({ roomId, userId: ruth.id, body: { ...replyInput("Nothing to spoil"), spoilerLevel: 0 } });
    expect(await storedLevel(none.reply.id)).toBe(0);
    expect(none.reply.spoiler).toBeNull();
    // Kathy, at chapter 5, can't mark a reply as reaching further than she has read.
    const clamped = await postReply({ roomId, userId: kathy.id, body: { ...replyInput("Guessing"), spoilerLevel: 20 } });
    expect(await storedLevel(clamped.reply.id)).toBe(5);
  });

  it("refuses a level that is no point of the book with a 400, writing nothing", async () => {
    const { ruth, roomId } = await setting();
    const error = await failure(postReply({ roomId, userId: ruth.id, body: { ...replyInput("Chapter 40?"), spoilerLevel: 40 } }));
    expect(error.code).toBe("bad_request");
    expect(await listRepliesAfter({ roomId, userId: ruth.id, body: {} })).toEqual({ replies: [], next: null });
  });

  it("can be changed by an edit, clamped the same way", async () => {
    const { kathy, roomId, progress } = await setting();
    const posted = await postReply({ roomId, userId: kathy.id, body: replyInput("Early thoughts") });
    expect(await storedLevel(posted.reply.id)).toBe(5);
    const edited = await editReply({ replyId: posted.reply.id, userId: kathy.id, body: { body: "Early thoughts", spoilerLevel: 0 } });
    expect(edited.spoiler).toBeNull();
    await progress(kathy.id, 12);
    await editReply({ replyId: posted.reply.id, userId: kathy.id, body: { body: "Later thoughts", spoilerLevel: END_RANK } });
    expect(await storedLevel(posted.reply.id)).toBe(12);
  });
});

describe("a reply marked chapter 20, for a reader at chapter 5", () => {
  it("is veiled in the room page, the replies API, the live event and the catch-up, and readable at chapter 21", async () => {
    const { kathy, ruth, roomId, progress } = await setting();
    const parent = await postReply({ roomId, userId: ruth.id, body: { ...replyInput(`${SECRET}.`), spoilerLevel: 20 } });
    const child = await postReply({ roomId, userId: kathy.id, body: replyInput("What happens at Hailsham?", parent.reply.id) });

    const page = await loadRoomPage({ roomId, userId: kathy.id, body: {} });
    expect(JSON.stringify(page)).not.toContain(SECRET);
    const veiled = page.replies.find((reply) => reply.id === parent.reply.id);
    expect(veiled).toMatchObject({ bodyHtml: "", veil: { level: 20 } });
    // No English words travel with the veil: the page says it in its reader's language.
    expect(JSON.stringify(page)).not.toContain("Spoiler up to");
    // The thread keeps its shape: the answer stays under its veiled parent.
    expect(page.replies.find((reply) => reply.id === child.reply.id)?.parentId).toBe(parent.reply.id);

    expect(JSON.stringify(await listRepliesAfter({ roomId, userId: kathy.id, body: {} }))).not.toContain(SECRET);
    expect(JSON.stringify(await loadReply({ replyId: parent.reply.id, userId: kathy.id }))).not.toContain(SECRET);
    // The snapshot the live meeting's panel loads: veiled too, and it names the reader for the panel's veils.
    const snapshot = await loadRoomSnapshot({ roomId, userId: kathy.id, body: {} });
    expect(JSON.stringify(snapshot)).not.toContain(SECRET);
    expect(snapshot.reader).toMatchObject({ reached: 5, revealed: [] });
    expect(snapshot.reader.shape?.chapters).toBe(23);

    // Live: Kathy and Emily (a moderator, also behind) are in the room when Ruth posts.
    const socket = await realtime.connectAs(kathy);
    const joined = await joinRoom(socket, roomId, 0);
    expect(JSON.stringify(joined)).not.toContain(SECRET);
    const heard: ReplyView[] = [];
    socket.on("reply:created", (reply) => heard.push(reply));
    const live = await postReply({ roomId, userId: ruth.id, body: { ...replyInput(`Again: ${SECRET}`), spoilerLevel: 20 } });
    await waitFor(() => heard.length, (count) => count === 1, "the live reply");
    expect(heard[0]).toMatchObject({ id: live.reply.id, bodyHtml: "", veil: { level: 20 } });
    expect(JSON.stringify(heard)).not.toContain(SECRET);

    // The catch-up after a reconnect.
    socket.disconnect();
    const again = await realtime.connectAs(kathy);
    const caughtUp = await joinRoom(again, roomId, child.reply.seq);
    expect(caughtUp.ok).toBe(true);
    expect(JSON.stringify(caughtUp)).not.toContain(SECRET);

    // Kathy reads on to chapter 21: every door now gives her the text.
    await progress(kathy.id, 21);
    expect(JSON.stringify(await loadRoomPage({ roomId, userId: kathy.id, body: {} }))).toContain(SECRET);
    expect(JSON.stringify(await listRepliesAfter({ roomId, userId: kathy.id, body: {} }))).toContain(SECRET);
    expect(JSON.stringify(await loadRoomSnapshot({ roomId, userId: kathy.id, body: {} }))).toContain(SECRET);
    expect((await loadReply({ replyId: live.reply.id, userId: kathy.id })).reply.bodyHtml).toContain(SECRET);
    expect(JSON.stringify(await joinRoom(again, roomId, child.reply.seq))).toContain(SECRET);
  });

  it("is shown to a reader who reveals it, and stays revealed", async () => {
    const { emily, kathy, ruth, roomId } = await setting();
    const posted = await postReply({ roomId, userId: ruth.id, body: { ...replyInput(SECRET), spoilerLevel: 20 } });
    // Moderators get the veil too.
    expect((await loadReply({ replyId: posted.reply.id, userId: emily.id })).reply.veil).not.toBeNull();
    const revealed = await revealReplyText({ replyId: posted.reply.id, userId: kathy.id });
    expect(revealed.bodyHtml).toContain(SECRET);
    expect(revealed.veil).toBeNull();
    expect(JSON.stringify(await listRepliesAfter({ roomId, userId: kathy.id, body: {} }))).toContain(SECRET);
    // Only for her.
    expect(JSON.stringify(await listRepliesAfter({ roomId, userId: emily.id, body: {} }))).not.toContain(SECRET);
  });

  it("tells her of it without its text, in the notification, the email and the digest; with it at chapter 21", async () => {
    const { kathy, ruth, roomId, progress } = await setting();
    await saveNotificationSettings({
      userId: kathy.id,
      body: { deliveries: { reply: "digest", mention: "email", reply_hidden: "email", meeting_scheduled: "digest", meeting_reminder: "email" }, timeZone: "UTC" },
    });
    const mine = await postReply({ roomId, userId: kathy.id, body: replyInput("Why do they never run?") });
    await postReply({ roomId, userId: ruth.id, body: { ...replyInput(`Because ${SECRET}`, mine.reply.id), spoilerLevel: 20 } });
    await postReply({ roomId, userId: ruth.id, body: { ...replyInput(`@${kathy.name} ${SECRET}`), spoilerLevel: 20 } });

    const rows = await getDb().select({ kind: notifications.kind, title: notifications.title, body: notifications.body }).from(notifications).where(eq(notifications.userId, kathy.id));
    expect(rows.map((row) => row.kind).sort()).toEqual(["mention", "reply"]);
    for (const row of rows) {
      expect(row.body).toBe("Contains spoilers up to Part Three, chapter 20");
      expect(JSON.stringify(row)).not.toContain(SECRET);
    }

    // The mention goes by email at once, the reply in tomorrow's digest.
    const tomorrowNine = new Date(Date.now() + 24 * 3600_000);
    tomorrowNine.setUTCHours(9, 0, 0, 0);
    await runEmailRound({ userIds: [kathy.id] });
    await runEmailRound({ now: tomorrowNine, userIds: [kathy.id] });
    const mails = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 2, "the email and the digest");
    for (const mail of mails) {
      expect(mail.text).toContain("Contains spoilers up to Part Three, chapter 20");
      expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toContain("third donation");
    }

    // At chapter 21 a new reply's notification carries its excerpt.
    await progress(kathy.id, 21);
    await postReply({ roomId, userId: ruth.id, body: { ...replyInput(`@${kathy.name} now you know: ${SECRET}`), spoilerLevel: 20 } });
    const mentions = await getDb()
      .select({ body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.userId, kathy.id), eq(notifications.kind, "mention")));
    expect(mentions.map((row) => row.body)).toContain(`@${kathy.name} now you know: ${SECRET}`);
  });
});

describe("a reply whose author raises its level after posting", () => {
  it("takes its text out of the notifications of readers now behind it (the digest not yet sent)", async () => {
    const { kathy, ruth, roomId } = await setting();
    const mine = await postReply({ roomId, userId: kathy.id, body: replyInput("Why do they never run?") });
    // Ruth forgets to mark it, then sees her mistake and marks it as reaching chapter 20.
    const answer = await postReply({ roomId, userId: ruth.id, body: { ...replyInput(`Because ${SECRET}`, mine.reply.id), spoilerLevel: 0 } });
    const kathysBodies = async () =>
      (await getDb().select({ body: notifications.body }).from(notifications).where(and(eq(notifications.userId, kathy.id), eq(notifications.replyId, answer.reply.id)))).map((row) => row.body);
    expect(await kathysBodies()).toEqual([`Because ${SECRET}`]);
    await editReply({ replyId: answer.reply.id, userId: ruth.id, body: { body: `Because ${SECRET}`, spoilerLevel: 20 } });
    expect(await kathysBodies()).toEqual(["Contains spoilers up to Part Three, chapter 20"]);
  });
});

describe("a room reaching past the reader", () => {
  it("refuses its replies, its catch-up and its reveal until they lift its veil", async () => {
    const { emily, kathy, ruth, clubId, roomId } = await setting();
    await updateRoomReach({ clubId, roomId, userId: emily.id, body: { reach: 17 } });
    const posted = await postReply({ roomId, userId: ruth.id, body: { ...replyInput("Nothing past Part Two here"), spoilerLevel: 0 } });
    await postReply({ roomId, userId: ruth.id, body: { ...replyInput("The end of Part Two: Ruth's confession"), spoilerLevel: 17 } });

    expect((await failure(listRepliesAfter({ roomId, userId: kathy.id, body: {} }))).code).toBe("forbidden");
    expect((await failure(loadRoomPage({ roomId, userId: kathy.id, body: {} }))).code).toBe("forbidden");
    expect((await failure(loadReply({ replyId: posted.reply.id, userId: kathy.id }))).code).toBe("forbidden");
    expect((await failure(revealReplyText({ replyId: posted.reply.id, userId: kathy.id }))).code).toBe("forbidden");
    const socket = await realtime.connectAs(kathy);
    const joined = await joinRoom(socket, roomId, 0);
    expect(joined.ok).toBe(false);
    expect(realtime.serverChannels(socket)).not.toContain(`room:${roomId}`);

    await liftRoomVeil({ roomId, userId: kathy.id });
    // Lifting the room shows its replies up to its reach.
    expect(JSON.stringify(await listRepliesAfter({ roomId, userId: kathy.id, body: {} }))).toContain("Ruth's confession");
    expect((await joinRoom(socket, roomId, 0)).ok).toBe(true);
  });
});
