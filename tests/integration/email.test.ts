import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/unsubscribe/[token]/route";
import { getDb } from "@/db/index";
import { meetings, rsvps } from "@/db/schema/meetings";
import { notificationPreferences, notifications, type NotificationDelivery } from "@/db/schema/notifications";
import { clubs } from "@/db/schema/clubs";
import { hideReply } from "@/lib/discussion/moderation";
import { deleteReply, postReply } from "@/lib/discussion/replies";
import { EMAIL_QUEUE } from "@/lib/email/queue";
import { runEmailRound } from "@/lib/email/send";
import { loadNotificationSettings, saveNotificationSettings, unsubscribe, viewUnsubscribe } from "@/lib/email/settings";
import { signUnsubscribeToken } from "@/lib/email/unsubscribe-token";
import { AppError } from "@/lib/errors";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { deliverMeetingReminder } from "@/lib/reminders/deliver";
import { startReminderQueue } from "@/lib/reminders/queue";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { startTestSmtp, type TestSmtp } from "./smtp-harness";

const MINUTE = 60_000;


const defaults: Record<NotificationKind, NotificationDelivery> = {
  reply: "digest",
  mention: "email",
  reply_hidden: "email",
  meeting_scheduled: "digest",
  meeting_reminder: "email",
};

async function choose(userId: string, deliveries: Partial<Record<NotificationKind, NotificationDelivery>>, timeZone = "UTC") {
  await saveNotificationSettings({ userId, body: { deliveries: { ...defaults, ...deliveries }, timeZone } });
}

async function notify(input: {
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  createdAt: Date;
  clubId?: string;
  roomId?: string;
  replyId?: string;
}) {
  const [row] = await getDb()
    .insert(notifications)
    .values({
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body ?? "",
      url: input.roomId && input.clubId ? `/clubs/${input.clubId}/rooms/${input.roomId}` : "/notifications",
      clubId: input.clubId ?? null,
      roomId: input.roomId ?? null,
      replyId: input.replyId ?? null,
      dedupeKey: `test:${randomUUID()}`,
      createdAt: input.createdAt,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error("notification not created");
  return row.id;
}

async function pendingCount(userId: string): Promise<number> {
  const rows = await getDb()
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.emailedAt)));
  return rows.length;
}

async function storedPreferences(userId: string) {
  const rows = await getDb()
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return Object.fromEntries(rows.map((row) => [row.kind, row.delivery]));
}

async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await startTestSmtp();
});

afterAll(async () => {
  await smtp.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

// ---- preferences ----

describe("notification preferences", () => {
  it("shows each kind's default and no time zone before the member chooses", async () => {
    const kathy = await createTestUser("Kathy");
    expect(await loadNotificationSettings({ userId: kathy.id })).toEqual({ deliveries: defaults, timeZone: null });
  });

  it("saves one of the four choices per kind and the time zone", async () => {
    const kathy = await createTestUser("Kathy");
    await choose(kathy.id, { reply: "email", mention: "off", meeting_scheduled: "app" }, "Asia/Kolkata");

    expect(await loadNotificationSettings({ userId: kathy.id })).toEqual({
      deliveries: { ...defaults, reply: "email", mention: "off", meeting_scheduled: "app" },
      timeZone: "Asia/Kolkata",
    });
  });

  it("refuses an unknown time zone, choice or kind with a 400 naming the field, and changes nothing", async () => {
    const kathy = await createTestUser("Kathy");
    await choose(kathy.id, { reply: "email" }, "Europe/London");
    const before = await loadNotificationSettings({ userId: kathy.id });
    const attempts = [
      { body: { deliveries: defaults, timeZone: "Mars/Olympus_Mons" }, field: "timeZone" },
      { body: { deliveries: defaults, timeZone: "+02:00" }, field: "timeZone" },
      { body: { deliveries: { ...defaults, reply: "pigeon" }, timeZone: "UTC" }, field: "deliveries.reply" },
      { body: { deliveries: { ...defaults, gossip: "email" }, timeZone: "UTC" }, field: "deliveries" },
      { body: { deliveries: { reply: "email" }, timeZone: "UTC" }, field: "deliveries.mention" },
    ];
    for (const attempt of attempts) {
      const error = await saveNotificationSettings({ userId: kathy.id, body: attempt.body }).catch((thrown: unknown) => thrown);
      expect(error, JSON.stringify(attempt.body)).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("bad_request");
      expect(Object.keys((error as AppError).fields ?? {})).toContain(attempt.field);
    }
    expect(await loadNotificationSettings({ userId: kathy.id })).toEqual(before);
  });
});

// ---- batched email ----

describe("email as it happens", () => {
  it("sends one email for notifications within 15 minutes, and the next one after 15 minutes with everything new", async () => {
    const kathy = await createTestUser("Kathy");
    const t0 = new Date("2026-06-01T10:00:00Z");
    await notify({ userId: kathy.id, kind: "mention", title: "Ruth mentioned you in Question 1", createdAt: t0 });

    expect(await runEmailRound({ now: t0, userIds: [kathy.id] })).toMatchObject({ batches: 1 });
    await waitFor(() => smtp.to(kathy.email).length, (count) => count === 1, "the first email");
    expect(smtp.to(kathy.email)[0]?.subject).toBe("Ruth mentioned you in Question 1");

    await notify({ userId: kathy.id, kind: "mention", title: "Tommy mentioned you", createdAt: new Date(t0.getTime() + MINUTE) });
    await runEmailRound({ now: new Date(t0.getTime() + MINUTE), userIds: [kathy.id] });
    await notify({ userId: kathy.id, kind: "reply_hidden", title: "Your reply was hidden", createdAt: new Date(t0.getTime() + 5 * MINUTE) });
    expect(await runEmailRound({ now: new Date(t0.getTime() + 14 * MINUTE), userIds: [kathy.id] })).toMatchObject({ batches: 0 });
    expect(smtp.to(kathy.email)).toHaveLength(1);

    expect(await runEmailRound({ now: new Date(t0.getTime() + 15 * MINUTE), userIds: [kathy.id] })).toMatchObject({ batches: 1 });
    const mails = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 2, "the second email");
    const second = mails[1];
    expect(second?.subject).toBe("2 new notifications in Chapterhouse");
    expect(second?.text).toContain("Tommy mentioned you");
    expect(second?.text).toContain("Your reply was hidden");
    expect(second?.text).not.toContain("Ruth mentioned you");
    expect(await pendingCount(kathy.id)).toBe(0);
  });

  it("sends nothing for kinds kept in the app or turned off, and settles them", async () => {
    const kathy = await createTestUser("Kathy");
    await choose(kathy.id, { mention: "app", reply_hidden: "off", reply: "app" });
    const now = new Date("2026-06-02T10:00:00Z");
    await notify({ userId: kathy.id, kind: "mention", title: "In the app only", createdAt: now });
    await notify({ userId: kathy.id, kind: "reply", title: "Also in the app", createdAt: now });
    await notify({ userId: kathy.id, kind: "reply_hidden", title: "Off", createdAt: now });

    const result = await runEmailRound({ now: new Date("2026-06-03T12:00:00Z"), userIds: [kathy.id] });

    expect(result).toMatchObject({ batches: 0, digests: 0, settledWithoutEmail: 3 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.to(kathy.email)).toEqual([]);
    expect(await pendingCount(kathy.id)).toBe(0);
  });

  it("writes the email to the log when no SMTP server is configured", async () => {
    const kathy = await createTestUser("Kathy");
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await notify({ userId: kathy.id, kind: "mention", title: "Ruth mentioned you", createdAt: new Date("2026-06-01T10:00:00Z") });
      await runEmailRound({ now: new Date("2026-06-01T10:00:00Z"), userIds: [kathy.id] });
    } finally {
      process.env.SMTP_URL = saved;
    }
    expect(log.mock.calls.map((call) => String(call[0]))).toContain(`email for ${kathy.email}: Ruth mentioned you`);
    expect(smtp.to(kathy.email)).toEqual([]);
  });

  it("tries again at the next round when the SMTP server refuses, without waiting 15 minutes", async () => {
    const kathy = await createTestUser("Kathy");
    const now = new Date("2026-06-01T10:00:00Z");
    await notify({ userId: kathy.id, kind: "mention", title: "Ruth mentioned you", createdAt: now });
    vi.spyOn(console, "error").mockImplementation(() => {});

    smtp.refusing.on = true;
    try {
      expect(await runEmailRound({ now, userIds: [kathy.id] })).toMatchObject({ batches: 0, failed: 1 });
    } finally {
      smtp.refusing.on = false;
    }
    expect(await pendingCount(kathy.id)).toBe(1);

    expect(await runEmailRound({ now: new Date(now.getTime() + MINUTE), userIds: [kathy.id] })).toMatchObject({ batches: 1, failed: 0 });
    const [mail] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "the email");
    expect(mail?.subject).toBe("Ruth mentioned you");
  });

  it("sends nothing about a club the member has left", async () => {
    const ruth = await createTestUser("Ruth");
    const kathy = await createTestUser("Kathy");
    const { clubId, roomIds } = await createTestClub({ members: [{ userId: ruth.id, role: "owner" }] });
    const now = new Date("2026-06-01T10:00:00Z");
    await notify({ userId: kathy.id, kind: "mention", title: "Ruth mentioned you", clubId, roomId: roomIds[0], createdAt: now });

    expect(await runEmailRound({ now, userIds: [kathy.id] })).toMatchObject({ batches: 0 });
    expect(await pendingCount(kathy.id)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.to(kathy.email)).toEqual([]);
  });

  it("escapes what members wrote in the HTML part", async () => {
    const kathy = await createTestUser("Kathy");
    const now = new Date("2026-06-01T10:00:00Z");
    await notify({ userId: kathy.id, kind: "mention", title: "<img src=x onerror=alert(1)> mentioned you", body: "<script>alert(2)</script>", createdAt: now });
    await notify({ userId: kathy.id, kind: "mention", title: "Tommy mentioned you", createdAt: now });

    await runEmailRound({ now, userIds: [kathy.id] });

    const [mail] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "the email");
    const html = String(mail?.html);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(mail?.text).toContain("<script>alert(2)</script>");
  });

  it("never mails the text of a reply that was hidden or deleted before the email went", async () => {
    const ruth = await createTestUser("Ruth");
    const kathy = await createTestUser("Kathy");
    const { clubId, roomIds } = await createTestClub({
      members: [
        { userId: ruth.id, role: "owner" },
        { userId: kathy.id, role: "member" },
      ],
    });
    const roomId = roomIds[0] ?? "";
    const secret = "Tommy was never going to be deferred";
    const hidden = await postReply({ roomId, userId: ruth.id, body: replyInput(secret) });
    const shown = await postReply({ roomId, userId: ruth.id, body: replyInput("What did Hailsham teach them?") });
    const now = new Date("2026-06-01T10:00:00Z");
    await notify({ userId: kathy.id, kind: "mention", title: "Ruth mentioned you", body: secret, clubId, roomId, replyId: hidden.reply.id, createdAt: now });
    await notify({ userId: kathy.id, kind: "mention", title: "Ruth mentioned you again", body: "What did Hailsham teach them?", clubId, roomId, replyId: shown.reply.id, createdAt: now });
    const removedText = "Ruth's second thoughts, later deleted";
    const removed = await postReply({ roomId, userId: ruth.id, body: replyInput(removedText) });
    await notify({ userId: kathy.id, kind: "reply", title: "Ruth replied to you", body: removedText, clubId, roomId, replyId: removed.reply.id, createdAt: now });
    await choose(kathy.id, { reply: "email" });
    await hideReply({ replyId: hidden.reply.id, userId: ruth.id, body: { reason: "Spoils the ending." } });
    await deleteReply({ replyId: removed.reply.id, userId: ruth.id });

    await runEmailRound({ now, userIds: [kathy.id] });

    const [mail] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "the email");
    expect(mail?.text).toContain("What did Hailsham teach them?");
    expect(mail?.text).not.toContain(secret);
    expect(String(mail?.html)).not.toContain(secret);
    expect(mail?.text).not.toContain(removedText);
    expect(String(mail?.html)).not.toContain(removedText);
  });
});

// ---- the digest ----

describe("the daily digest", () => {
  it("leaves out what the member has already read in the app", async () => {
    const kathy = await createTestUser("Kathy");
    const yesterday = new Date("2026-05-31T12:00:00Z");
    const read = await notify({ userId: kathy.id, kind: "reply", title: "Already seen in the app", createdAt: yesterday });
    await notify({ userId: kathy.id, kind: "reply", title: "Not seen yet", createdAt: yesterday });
    await getDb().update(notifications).set({ readAt: yesterday }).where(eq(notifications.id, read));

    expect(await runEmailRound({ now: new Date("2026-06-01T09:00:00Z"), userIds: [kathy.id] })).toMatchObject({ digests: 1 });

    const [mail] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "the digest");
    expect(mail?.text).toContain("Not seen yet");
    expect(mail?.text).not.toContain("Already seen in the app");
    expect(await pendingCount(kathy.id)).toBe(0);
  });

  it("goes once when two nodes run the same round at the same moment", async () => {
    // Each node's pg-boss worker runs the minute's round; two at once must not send twice. The
    // claim is a row lock in Postgres (db/queries/email.ts), so two rounds on separate pooled
    // connections race exactly as two nodes do (docs/decisions/0021-many-nodes.md).
    const kathy = await createTestUser("Kathy");
    await notify({ userId: kathy.id, kind: "reply", title: "Ruth replied to you", createdAt: new Date("2026-05-31T12:00:00Z") });
    const now = new Date("2026-06-01T09:00:00Z");

    const rounds = await Promise.all(Array.from({ length: 4 }, () => runEmailRound({ now, userIds: [kathy.id] })));

    expect(rounds.reduce((sum, result) => sum + result.digests, 0)).toBe(1);
    await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "the digest");
    // A moment later nothing else has arrived.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.to(kathy.email)).toHaveLength(1);
    expect(await pendingCount(kathy.id)).toBe(0);
  });

  it("goes at 9:00 in each member's own time zone, not before", async () => {
    const ana = await createTestUser("Ana");
    const ben = await createTestUser("Ben");
    await choose(ana.id, {}, "America/New_York");
    await choose(ben.id, {}, "Asia/Tokyo");
    // Both notified the evening before (in their own zones) of 2026-06-01.
    await notify({ userId: ana.id, kind: "reply", title: "Ruth replied to you", createdAt: new Date("2026-05-31T22:00:00Z") });
    await notify({ userId: ben.id, kind: "reply", title: "Ruth replied to you", createdAt: new Date("2026-05-31T12:00:00Z") });
    const round = (iso: string) => runEmailRound({ now: new Date(iso), userIds: [ana.id, ben.id] });

    // 08:59 in Tokyo (23:59 UTC), 19:59 the day before in New York: nobody yet.
    expect(await round("2026-05-31T23:59:00Z")).toMatchObject({ digests: 0 });
    // 09:00 in Tokyo: Ben's digest.
    expect(await round("2026-06-01T00:00:00Z")).toMatchObject({ digests: 1 });
    await waitFor(() => smtp.to(ben.email).length, (count) => count === 1, "Ben's digest");
    expect(smtp.to(ana.email)).toEqual([]);
    // 08:59 in New York (EDT, UTC-4): still nothing for Ana.
    expect(await round("2026-06-01T12:59:00Z")).toMatchObject({ digests: 0 });
    // 09:00 in New York.
    expect(await round("2026-06-01T13:00:00Z")).toMatchObject({ digests: 1 });
    const [anas] = await waitFor(() => smtp.to(ana.email), (list) => list.length === 1, "Ana's digest");
    expect(anas?.subject).toBe("Your daily digest: 1 new in Chapterhouse");
    expect(smtp.to(ben.email)).toHaveLength(1);
  });

  it("groups the digest by club and room, with text and HTML parts and the RFC 8058 headers", async () => {
    const kathy = await createTestUser("Kathy");
    const ruth = await createTestUser("Ruth");
    await choose(kathy.id, { mention: "digest" }, "Europe/London");
    const members = [
      { userId: ruth.id, role: "owner" as const },
      { userId: kathy.id, role: "member" as const },
    ];
    const hailsham = await createTestClub({ members, questions: ["Why does Miss Lucy speak out?", "What are the Sales for?"] });
    const cottages = await createTestClub({ members, questions: ["Who is Keffers?"] });
    const at = new Date("2026-06-01T06:00:00Z");
    const [q1, q2] = hailsham.roomIds;
    await notify({ userId: kathy.id, kind: "reply", title: "Ruth replied to you (sales)", clubId: hailsham.clubId, roomId: q2, createdAt: at });
    await notify({ userId: kathy.id, kind: "mention", title: "Ruth mentioned you (Lucy)", clubId: hailsham.clubId, roomId: q1, createdAt: at });
    await notify({ userId: kathy.id, kind: "reply", title: "Ruth replied to you (Keffers)", clubId: cottages.clubId, roomId: cottages.roomIds[0], createdAt: at });
    await notify({ userId: kathy.id, kind: "meeting_scheduled", title: "A meeting was scheduled", clubId: hailsham.clubId, createdAt: at });

    // 9:00 in London is 08:00 UTC in June.
    expect(await runEmailRound({ now: new Date("2026-06-01T08:00:00Z"), userIds: [kathy.id] })).toMatchObject({ digests: 1 });

    const [mail] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "the digest");
    if (!mail) throw new Error("no digest");
    expect(mail.subject).toBe("Your daily digest: 4 new in 2 clubs");
    const [hailshamName, cottagesName] = await Promise.all([clubName(hailsham.clubId), clubName(cottages.clubId)]);
    const text = mail.text ?? "";
    const order = [
      hailshamName,
      "Question 1: Why does Miss Lucy speak out?",
      "Ruth mentioned you (Lucy)",
      "Question 2: What are the Sales for?",
      "Ruth replied to you (sales)",
      "Meetings and club news",
      "A meeting was scheduled",
    ];
    const cottagesAt = text.indexOf(cottagesName);
    const positions = order.map((piece) => text.indexOf(piece));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(cottagesAt).toBeGreaterThan(-1);
    // Clubs by name: the other club's block is wholly before or after this one's.
    expect(cottagesAt < positions[0]! || cottagesAt > positions.at(-1)!).toBe(true);
    expect(text).toContain(`https://club.example.test/clubs/${hailsham.clubId}/rooms/${q1}`);

    const html = String(mail.html);
    expect(html).toContain(`<h2 style="font-size: 1.25rem; margin: 1.5rem 0 0.5rem;">${hailshamName}</h2>`);
    expect(html).toContain(`<h3 style="font-size: 1rem; margin: 1rem 0 0.25rem;">Question 1: Why does Miss Lucy speak out?</h3>`);
    expect(html).toContain(`href="https://club.example.test/clubs/${hailsham.clubId}/rooms/${q1}"`);

    expect(smtp.header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const listUnsubscribe = smtp.header(mail, "List-Unsubscribe") ?? "";
    expect(listUnsubscribe).toMatch(/^<https:\/\/club\.example\.test\/api\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$/);
    expect(text).toMatch(/Unsubscribe from these emails: https:\/\/club\.example\.test\/unsubscribe\/\S+/);
  });

  it("is sent once when the job runs again after a restart of the worker", async () => {
    const kathy = await createTestUser("Kathy");
    // A fixed-offset zone where it is now past 9:00 and before midnight, whatever the hour of the run.
    const zone = zoneWhereItIsNoon(new Date());
    await choose(kathy.id, {}, zone);
    await notify({ userId: kathy.id, kind: "reply", title: "Ruth replied to you", createdAt: new Date(Date.now() - 4 * 60 * MINUTE) });
    vi.spyOn(console, "log").mockImplementation(() => {});

    for (let start = 0; start < 2; start++) {
      const queue = await startReminderQueue({ pollingIntervalSeconds: 0.5, reconcile: false });
      try {
        // The queue holds one waiting round at most: pg-boss's cron may have queued this minute's already.
        const jobId = (await queue.boss.send(EMAIL_QUEUE, {})) ?? (await waitingRound());
        if (!jobId) throw new Error("round not queued");
        await waitFor(
          async () => (await queue.boss.getJobById(EMAIL_QUEUE, jobId, { includeArchive: true }))?.state,
          (state) => state === "completed",
          `round ${start + 1} to complete`,
        );
      } finally {
        await queue.stop();
      }
      await waitFor(() => smtp.to(kathy.email).length, (count) => count === 1, "the digest");
    }

    expect(smtp.to(kathy.email).map((mail) => mail.subject)).toEqual(["Your daily digest: 1 new in Chapterhouse"]);
  });
});

// ---- meeting reminders ----

describe("meeting reminders by email", () => {
  it("go at once to members who chose email, and not to those who keep them in the app", async () => {
    const kathy = await createTestUser("Kathy");
    const ruth = await createTestUser("Ruth");
    await choose(ruth.id, { meeting_reminder: "app" });
    const { clubId } = await createTestClub({
      members: [
        { userId: kathy.id, role: "owner" },
        { userId: ruth.id, role: "member" },
      ],
    });
    const startsAt = new Date(Date.now() + 30 * MINUTE);
    const [meeting] = await getDb()
      .insert(meetings)
      .values({ clubId, title: "The Cottages", startsAt, timeZone: "Europe/London", durationMinutes: 90 })
      .returning({ id: meetings.id });
    if (!meeting) throw new Error("meeting not created");
    await getDb()
      .insert(rsvps)
      .values([
        { meetingId: meeting.id, userId: kathy.id, status: "going" },
        { meetingId: meeting.id, userId: ruth.id, status: "going" },
      ]);

    await deliverMeetingReminder({ meetingId: meeting.id, kind: "1h", startsAt: startsAt.toISOString() });

    const [mail] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "Kathy's reminder");
    expect(mail?.subject).toMatch(/The Cottages starts in 1 hour/);
    expect(smtp.header(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // Already emailed, so no batch repeats it; Ruth's is settled without email.
    expect(await runEmailRound({ userIds: [kathy.id, ruth.id] })).toMatchObject({ batches: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.to(ruth.email)).toEqual([]);
    expect(smtp.to(kathy.email)).toHaveLength(1);
  });
});

// ---- unsubscribe ----

describe("one-click unsubscribe", () => {
  function postRequest(token: string, headers: Record<string, string> = {}) {
    return new Request(`http://localhost:3000/api/unsubscribe/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: "List-Unsubscribe=One-Click",
    });
  }
  const context = (token: string) => ({ params: Promise.resolve({ token }) });

  it("stops only the linked kinds of only that member, with nobody signed in", async () => {
    const kathy = await createTestUser("Kathy");
    const ruth = await createTestUser("Ruth");
    await choose(kathy.id, { reply: "digest", mention: "email", reply_hidden: "off" });
    await choose(ruth.id, { reply: "digest", mention: "email" });
    const ruthsBefore = await storedPreferences(ruth.id);
    const token = signUnsubscribeToken({ userId: kathy.id, kinds: ["reply", "mention", "reply_hidden"] });

    const response = await unsubscribePost(postRequest(token), context(token));

    expect(response.status).toBe(200);
    expect(await storedPreferences(kathy.id)).toEqual({ ...defaults, reply: "app", mention: "app", reply_hidden: "off" });
    expect(await storedPreferences(ruth.id)).toEqual(ruthsBefore);
    expect(await viewUnsubscribe({ token })).toEqual({ status: "valid", kinds: ["mention", "reply", "reply_hidden"], stopped: true });
  });

  it("sends a person's browser on to the page that says it is done", async () => {
    const kathy = await createTestUser("Kathy");
    const token = signUnsubscribeToken({ userId: kathy.id, kinds: ["mention"] });

    const response = await unsubscribePost(postRequest(token, { accept: "text/html", origin: "http://localhost:3000", host: "localhost:3000" }), context(token));

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/unsubscribe/${token}`);
    expect((await storedPreferences(kathy.id)).mention).toBe("app");
  });

  it("works from the link in a real email", async () => {
    const kathy = await createTestUser("Kathy");
    await notify({ userId: kathy.id, kind: "mention", title: "Ruth mentioned you", createdAt: new Date("2026-06-01T10:00:00Z") });
    await runEmailRound({ now: new Date("2026-06-01T10:00:00Z"), userIds: [kathy.id] });
    const [mail] = await waitFor(() => smtp.to(kathy.email), (list) => list.length === 1, "the email");
    const url = /^<(.+)>$/.exec(smtp.header(mail!, "List-Unsubscribe") ?? "")?.[1] ?? "";
    const token = url.split("/").at(-1) ?? "";

    expect((await unsubscribePost(postRequest(token), context(token))).status).toBe(200);
    expect((await storedPreferences(kathy.id)).mention).toBe("app");
  });

  it("refuses a tampered or cut-short link with a clear answer, changing nothing", async () => {
    const kathy = await createTestUser("Kathy");
    const ruth = await createTestUser("Ruth");
    const token = signUnsubscribeToken({ userId: kathy.id, kinds: ["mention"] });
    const [payload, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ u: ruth.id, k: ["mention"] })).toString("base64url");
    const flipped = signature.slice(0, -2) + (signature.at(-2) === "A" ? "B" : "A") + signature.at(-1);
    const bad = [`${forged}.${signature}`, `${payload}.${flipped}`, payload, `${payload}.`, "nonsense", `${payload}.${signature}.x`];

    for (const token of bad) {
      const response = await unsubscribePost(postRequest(token), context(token));
      expect(response.status, token).toBe(400);
      expect(await response.text()).toMatch(/isn't valid.*Nothing was changed/);
      expect(await viewUnsubscribe({ token })).toEqual({ status: "invalid" });
      expect(await unsubscribe({ token })).toBe(false);
    }
    expect(await storedPreferences(kathy.id)).toEqual({});
    expect(await storedPreferences(ruth.id)).toEqual({});
  });

  it("changes nothing when the link is only opened (GET), as mail scanners do", async () => {
    const kathy = await createTestUser("Kathy");
    const token = signUnsubscribeToken({ userId: kathy.id, kinds: ["mention", "reply"] });

    const response = await unsubscribeGet(new Request(`http://localhost:3000/api/unsubscribe/${token}`), context(token));
    const view = await viewUnsubscribe({ token });

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/unsubscribe/${token}`);
    expect(view).toEqual({ status: "valid", kinds: ["mention", "reply"], stopped: false });
    expect(await storedPreferences(kathy.id)).toEqual({});
  });

  it("refuses a cross-site form post from a browser", async () => {
    const kathy = await createTestUser("Kathy");
    const token = signUnsubscribeToken({ userId: kathy.id, kinds: ["mention"] });

    const response = await unsubscribePost(postRequest(token, { origin: "https://evil.example", host: "localhost:3000" }), context(token));

    expect(response.status).toBe(403);
    expect(await storedPreferences(kathy.id)).toEqual({});
  });
});

// ---- small tools ----

async function waitingRound(): Promise<string | null> {
  const result: unknown = await getDb().execute(sql`select id from pgboss.job where name = ${EMAIL_QUEUE} and state = 'created' limit 1`);
  // postgres.js returns the rows themselves; PGlite wraps them in `rows`.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string }[];
  return rows[0]?.id ?? null;
}

async function clubName(clubId: string): Promise<string> {
  const [row] = await getDb().select({ name: clubs.name }).from(clubs).where(eq(clubs.id, clubId));
  return row?.name ?? "";
}

/** An Etc/GMT zone (fixed offset, no DST) where the wall clock at `now` reads about noon. */
function zoneWhereItIsNoon(now: Date): string {
  let offset = 12 - now.getUTCHours();
  if (offset > 14) offset -= 24;
  if (offset < -12) offset += 24;
  // Etc/GMT's sign is inverted: Etc/GMT-10 is UTC+10.
  return offset === 0 ? "Etc/UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}
