import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/index";
import { rsvps, meetingReminderJobs, meetings, type RsvpStatus } from "@/db/schema/meetings";
import { notifications } from "@/db/schema/notifications";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { AppError } from "@/lib/errors";
import { closeMailer } from "@/lib/mailer";
import { deliverMeetingReminder } from "@/lib/reminders/deliver";
import { loadNotificationsPage, markAllNotificationsRead } from "@/lib/notifications/doors";
import type { ReminderKind } from "@/lib/reminders/plan";
import { startReminderQueue, type ReminderQueue } from "@/lib/reminders/queue";
import { REMINDER_QUEUE } from "@/lib/reminders/registry";
import { reconcileMeetingReminders, scheduleMeetingReminders, withdrawMeetingReminders } from "@/lib/reminders/schedule";
import { createTestClub, createTestUser } from "./factories";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

// ---- helpers (the meetings service is someone else's; these rows are written directly) ----

async function createMeeting(input: { clubId: string; startsAt: Date; title?: string; readingAssignment?: string | null }) {
  const [row] = await getDb()
    .insert(meetings)
    .values({
      clubId: input.clubId,
      title: input.title ?? "Part One",
      startsAt: input.startsAt,
      timeZone: "Europe/London",
      durationMinutes: 90,
      readingAssignment: input.readingAssignment === undefined ? "Chapters 1-9" : input.readingAssignment,
    })
    .returning({ id: meetings.id, startsAt: meetings.startsAt });
  if (!row) throw new Error("meeting not created");
  return row;
}

async function moveMeeting(meetingId: string, startsAt: Date) {
  await getDb().update(meetings).set({ startsAt, updatedAt: new Date() }).where(eq(meetings.id, meetingId));
}

async function cancelMeeting(meetingId: string) {
  await getDb().update(meetings).set({ cancelledAt: new Date() }).where(eq(meetings.id, meetingId));
}

async function setRsvp(meetingId: string, userId: string, status: RsvpStatus) {
  await getDb().insert(rsvps).values({ meetingId, userId, status });
}

async function jobRows(meetingId: string) {
  const rows = await getDb()
    .select({ kind: meetingReminderJobs.kind, jobId: meetingReminderJobs.jobId, sendAt: meetingReminderJobs.sendAt })
    .from(meetingReminderJobs)
    .where(eq(meetingReminderJobs.meetingId, meetingId));
  return rows.sort((a, b) => a.kind.localeCompare(b.kind));
}

async function jobRow(meetingId: string, kind: ReminderKind) {
  const row = (await jobRows(meetingId)).find((job) => job.kind === kind);
  if (!row) throw new Error(`no ${kind} job recorded`);
  return row;
}

async function meetingNotifications(meetingId: string) {
  return getDb()
    .select({ userId: notifications.userId, title: notifications.title, body: notifications.body, url: notifications.url, dedupeKey: notifications.dedupeKey })
    .from(notifications)
    .where(eq(notifications.meetingId, meetingId));
}

function countByUser(rows: { userId: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.userId] = (counts[row.userId] ?? 0) + 1;
  return counts;
}

/** A club with one member per RSVP answer, one member who never answered, and a former member who said going. */
async function clubWithAnswers() {
  const going = await createTestUser("Kathy");
  const maybe = await createTestUser("Ruth");
  const notGoing = await createTestUser("Tommy");
  const silent = await createTestUser("Laura");
  const former = await createTestUser("Chrissie");
  const { clubId } = await createTestClub({
    members: [
      { userId: going.id, role: "owner" },
      { userId: maybe.id, role: "member" },
      { userId: notGoing.id, role: "member" },
      { userId: silent.id, role: "member" },
    ],
  });
  return { clubId, going, maybe, notGoing, silent, former };
}

async function answer(meetingId: string, people: Awaited<ReturnType<typeof clubWithAnswers>>) {
  await setRsvp(meetingId, people.going.id, "going");
  await setRsvp(meetingId, people.maybe.id, "maybe");
  await setRsvp(meetingId, people.notGoing.id, "not_going");
  // Chrissie answered, then left the club: her RSVP row stays, her reminders stop.
  await setRsvp(meetingId, people.former.id, "going");
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function jobState(queue: ReminderQueue, jobId: string) {
  const job = await queue.boss.getJobById(REMINDER_QUEUE, jobId, { includeArchive: true });
  return job?.state ?? null;
}

afterEach(() => {
  vi.restoreAllMocks();
});

// ---- scheduling ----

describe("scheduling reminders", () => {
  let queue: ReminderQueue;

  beforeAll(async () => {
    queue = await startReminderQueue({ work: false, reconcile: false });
  });

  afterAll(async () => {
    await queue.stop();
  });

  it("queues a 24-hour and a 1-hour reminder for a meeting three days ahead", async () => {
    const { clubId } = await clubWithAnswers();
    const startsAt = new Date(Date.now() + 3 * DAY);
    const meeting = await createMeeting({ clubId, startsAt });

    await scheduleMeetingReminders({ meetingId: meeting.id });

    const rows = await jobRows(meeting.id);
    expect(rows.map((row) => [row.kind, row.sendAt.toISOString()])).toEqual([
      ["1h", new Date(startsAt.getTime() - HOUR).toISOString()],
      ["24h", new Date(startsAt.getTime() - DAY).toISOString()],
    ]);
    for (const row of rows) {
      const job = await queue.boss.getJobById<{ meetingId: string; kind: string; startsAt: string }>(REMINDER_QUEUE, row.jobId);
      expect(job?.state).toBe("created");
      expect(job?.startAfter.toISOString()).toBe(row.sendAt.toISOString());
      expect(job?.data).toEqual({ meetingId: meeting.id, kind: row.kind, startsAt: startsAt.toISOString() });
    }
  });

  it("skips the 24-hour reminder of a meeting that starts in 12 hours", async () => {
    const { clubId } = await clubWithAnswers();
    const meeting = await createMeeting({ clubId, startsAt: new Date(Date.now() + 12 * HOUR) });

    await scheduleMeetingReminders({ meetingId: meeting.id });

    expect((await jobRows(meeting.id)).map((row) => row.kind)).toEqual(["1h"]);
  });

  it("queues nothing for a meeting that starts within the hour", async () => {
    const { clubId } = await clubWithAnswers();
    const meeting = await createMeeting({ clubId, startsAt: new Date(Date.now() + 30 * 60_000) });

    await scheduleMeetingReminders({ meetingId: meeting.id });

    expect(await jobRows(meeting.id)).toEqual([]);
  });

  it("keeps the same jobs when a meeting is scheduled again without a new time", async () => {
    const { clubId } = await clubWithAnswers();
    const meeting = await createMeeting({ clubId, startsAt: new Date(Date.now() + 3 * DAY) });
    await scheduleMeetingReminders({ meetingId: meeting.id });
    const before = await jobRows(meeting.id);

    await scheduleMeetingReminders({ meetingId: meeting.id });

    expect(await jobRows(meeting.id)).toEqual(before);
    for (const row of before) expect(await jobState(queue, row.jobId)).toBe("created");
  });

  it("cancels the old jobs and queues new ones when a meeting moves", async () => {
    const { clubId } = await clubWithAnswers();
    const meeting = await createMeeting({ clubId, startsAt: new Date(Date.now() + 3 * DAY) });
    await scheduleMeetingReminders({ meetingId: meeting.id });
    const old = await jobRows(meeting.id);

    const movedTo = new Date(Date.now() + 5 * DAY);
    await moveMeeting(meeting.id, movedTo);
    await scheduleMeetingReminders({ meetingId: meeting.id });

    for (const row of old) expect(await jobState(queue, row.jobId)).toBe("cancelled");
    const fresh = await jobRows(meeting.id);
    expect(fresh.map((row) => [row.kind, row.sendAt.toISOString()])).toEqual([
      ["1h", new Date(movedTo.getTime() - HOUR).toISOString()],
      ["24h", new Date(movedTo.getTime() - DAY).toISOString()],
    ]);
    for (const row of fresh) {
      expect(old.map((previous) => previous.jobId)).not.toContain(row.jobId);
      const job = await queue.boss.getJobById(REMINDER_QUEUE, row.jobId);
      expect(job?.state).toBe("created");
      expect(job?.startAfter.toISOString()).toBe(row.sendAt.toISOString());
    }
  });

  it("leaves no active job once a cancelled meeting's reminders are withdrawn", async () => {
    const { clubId } = await clubWithAnswers();
    const meeting = await createMeeting({ clubId, startsAt: new Date(Date.now() + 3 * DAY) });
    await scheduleMeetingReminders({ meetingId: meeting.id });
    const old = await jobRows(meeting.id);

    await cancelMeeting(meeting.id);
    await withdrawMeetingReminders({ meetingId: meeting.id });

    expect(await jobRows(meeting.id)).toEqual([]);
    for (const row of old) expect(await jobState(queue, row.jobId)).toBe("cancelled");
  });

  it("withdraws a cancelled meeting's reminders when it is scheduled again", async () => {
    const { clubId } = await clubWithAnswers();
    const meeting = await createMeeting({ clubId, startsAt: new Date(Date.now() + 3 * DAY) });
    await scheduleMeetingReminders({ meetingId: meeting.id });
    const old = await jobRows(meeting.id);

    await cancelMeeting(meeting.id);
    await scheduleMeetingReminders({ meetingId: meeting.id });

    expect(await jobRows(meeting.id)).toEqual([]);
    for (const row of old) expect(await jobState(queue, row.jobId)).toBe("cancelled");
  });

  it("queues one pair of jobs when several edits of the same meeting overlap", async () => {
    const { clubId } = await clubWithAnswers();
    const meeting = await createMeeting({ clubId, startsAt: new Date(Date.now() + 3 * DAY) });
    await scheduleMeetingReminders({ meetingId: meeting.id });
    await moveMeeting(meeting.id, new Date(Date.now() + 4 * DAY));

    await Promise.all(Array.from({ length: 4 }, () => scheduleMeetingReminders({ meetingId: meeting.id })));

    expect(await jobRows(meeting.id)).toHaveLength(2);
    expect(await countPendingJobs(meeting.id)).toBe(2);
  });

  it("catches up, at start, on meetings changed while the queue was not running", async () => {
    const { clubId } = await clubWithAnswers();
    const unscheduled = await createMeeting({ clubId, startsAt: new Date(Date.now() + 3 * DAY) });
    const cancelled = await createMeeting({ clubId, startsAt: new Date(Date.now() + 3 * DAY) });
    await scheduleMeetingReminders({ meetingId: cancelled.id });
    const cancelledJobs = await jobRows(cancelled.id);
    await cancelMeeting(cancelled.id);

    await reconcileMeetingReminders(queue.boss);

    expect((await jobRows(unscheduled.id)).map((row) => row.kind)).toEqual(["1h", "24h"]);
    expect(await jobRows(cancelled.id)).toEqual([]);
    for (const row of cancelledJobs) expect(await jobState(queue, row.jobId)).toBe("cancelled");
  });
});

// ---- delivery ----

describe("delivering a reminder", () => {
  it("notifies going and maybe members once each, and nobody else", async () => {
    const people = await clubWithAnswers();
    const meeting = await createMeeting({ clubId: people.clubId, startsAt: new Date(Date.now() + 20 * HOUR), title: "Hailsham" });
    await answer(meeting.id, people);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const payload = { meetingId: meeting.id, kind: "24h" as const, startsAt: meeting.startsAt.toISOString() };

    const first = await deliverMeetingReminder(payload, new Date(meeting.startsAt.getTime() - DAY));

    expect(first).toEqual({ status: "delivered", notified: 2 });
    const rows = await meetingNotifications(meeting.id);
    expect(countByUser(rows)).toEqual({ [people.going.id]: 1, [people.maybe.id]: 1 });
    const [one] = rows;
    expect(one?.title).toMatch(/: Hailsham starts in 24 hours$/);
    expect(one?.body).toContain("Before then, read: Chapters 1-9");
    expect(one?.url).toBe(`/clubs/${people.clubId}/meetings/${meeting.id}`);
    // Without SMTP, each reminder is one line in the log.
    const lines = log.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith("reminder for "));
    expect(lines.sort()).toEqual([people.going.email, people.maybe.email].sort().map((email) => expect.stringContaining(`reminder for ${email}: Hailsham at `)));
  });

  it("delivers nothing new when the same job runs again", async () => {
    const people = await clubWithAnswers();
    const meeting = await createMeeting({ clubId: people.clubId, startsAt: new Date(Date.now() + 20 * HOUR) });
    await answer(meeting.id, people);
    vi.spyOn(console, "log").mockImplementation(() => {});
    const payload = { meetingId: meeting.id, kind: "1h" as const, startsAt: meeting.startsAt.toISOString() };
    await deliverMeetingReminder(payload);
    const before = await meetingNotifications(meeting.id);

    const again = await deliverMeetingReminder(payload);

    expect(again).toEqual({ status: "delivered", notified: 0 });
    expect(await meetingNotifications(meeting.id)).toEqual(before);
  });

  it("delivers nothing for a job whose meeting has moved since it was queued", async () => {
    const people = await clubWithAnswers();
    const meeting = await createMeeting({ clubId: people.clubId, startsAt: new Date(Date.now() + 20 * HOUR) });
    await answer(meeting.id, people);
    const payload = { meetingId: meeting.id, kind: "1h" as const, startsAt: meeting.startsAt.toISOString() };
    await moveMeeting(meeting.id, new Date(Date.now() + 2 * DAY));

    expect(await deliverMeetingReminder(payload)).toEqual({ status: "skipped", reason: "moved" });
    expect(await meetingNotifications(meeting.id)).toEqual([]);
  });

  it("delivers nothing for a cancelled meeting", async () => {
    const people = await clubWithAnswers();
    const meeting = await createMeeting({ clubId: people.clubId, startsAt: new Date(Date.now() + 20 * HOUR) });
    await answer(meeting.id, people);
    await cancelMeeting(meeting.id);

    const result = await deliverMeetingReminder({ meetingId: meeting.id, kind: "1h", startsAt: meeting.startsAt.toISOString() });

    expect(result).toEqual({ status: "skipped", reason: "cancelled" });
    expect(await meetingNotifications(meeting.id)).toEqual([]);
  });

  it("emails each newly notified member once when SMTP is configured", async () => {
    const smtp = await startFakeSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    process.env.MAIL_FROM = "Chapterhouse <club@example.test>";
    process.env.NEXTAUTH_URL = "https://club.example.test";
    try {
      const people = await clubWithAnswers();
      const meeting = await createMeeting({ clubId: people.clubId, startsAt: new Date(Date.now() + 20 * HOUR), title: "The Cottages" });
      await answer(meeting.id, people);
      const payload = { meetingId: meeting.id, kind: "1h" as const, startsAt: meeting.startsAt.toISOString() };

      await deliverMeetingReminder(payload);
      await deliverMeetingReminder(payload);

      expect(smtp.messages.map((message) => message.to).sort()).toEqual([[people.going.email], [people.maybe.email]].sort());
      const text = decodeQuotedPrintable(smtp.messages[0]?.data ?? "");
      expect(text).toMatch(/Subject: .*The Cottages starts in 1 hour/);
      expect(text).toContain(`https://club.example.test/clubs/${people.clubId}/meetings/${meeting.id}`);
      expect(text).toContain("Before then, read: Chapters 1-9");
    } finally {
      delete process.env.SMTP_URL;
      delete process.env.MAIL_FROM;
      delete process.env.NEXTAUTH_URL;
      closeMailer();
      await smtp.close();
    }
  });
});

// ---- the worker, across restarts ----

describe("the reminder worker", () => {
  it("delivers a job queued before a restart exactly once after it", async () => {
    const people = await clubWithAnswers();
    // The 1-hour reminder falls due a moment after it is queued.
    const meeting = await createMeeting({ clubId: people.clubId, startsAt: new Date(Date.now() + HOUR + 1500) });
    await answer(meeting.id, people);
    vi.spyOn(console, "log").mockImplementation(() => {});

    const before = await startReminderQueue({ work: false, reconcile: false });
    await scheduleMeetingReminders({ meetingId: meeting.id });
    const { jobId } = await jobRow(meeting.id, "1h");
    await before.stop();
    expect(await meetingNotifications(meeting.id)).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 1600));
    const after = await startReminderQueue({ pollingIntervalSeconds: 0.5, reconcile: false });
    try {
      await waitFor(() => jobState(after, jobId), (state) => state === "completed", "the job to complete");
    } finally {
      await after.stop();
    }

    expect(countByUser(await meetingNotifications(meeting.id))).toEqual({ [people.going.id]: 1, [people.maybe.id]: 1 });
  });

  it("delivers once when a job runs again on another instance, as after a crash before it was marked done", async () => {
    const people = await clubWithAnswers();
    const meeting = await createMeeting({ clubId: people.clubId, startsAt: new Date(Date.now() + 30 * 60_000) });
    await answer(meeting.id, people);
    vi.spyOn(console, "log").mockImplementation(() => {});
    const payload = { meetingId: meeting.id, kind: "1h" as const, startsAt: meeting.startsAt.toISOString() };

    for (let instance = 0; instance < 2; instance++) {
      const queue = await startReminderQueue({ pollingIntervalSeconds: 0.5, reconcile: false });
      try {
        const jobId = await queue.boss.send(REMINDER_QUEUE, payload);
        if (!jobId) throw new Error("job not queued");
        await waitFor(() => jobState(queue, jobId), (state) => state === "completed", `instance ${instance + 1} to finish the job`);
      } finally {
        await queue.stop();
      }
    }

    expect(countByUser(await meetingNotifications(meeting.id))).toEqual({ [people.going.id]: 1, [people.maybe.id]: 1 });
  });

  it("completes a stale job without delivering it", async () => {
    const people = await clubWithAnswers();
    const meeting = await createMeeting({ clubId: people.clubId, startsAt: new Date(Date.now() + HOUR + 1500) });
    await answer(meeting.id, people);

    const queue = await startReminderQueue({ pollingIntervalSeconds: 0.5, reconcile: false });
    try {
      await scheduleMeetingReminders({ meetingId: meeting.id });
      const { jobId } = await jobRow(meeting.id, "1h");
      // Moved without telling the queue: the job still carries the old time.
      await moveMeeting(meeting.id, new Date(Date.now() + 3 * DAY));
      await waitFor(() => jobState(queue, jobId), (state) => state === "completed", "the stale job to complete");
    } finally {
      await queue.stop();
    }

    expect(await meetingNotifications(meeting.id)).toEqual([]);
  });
});

// ---- a member's notifications ----

describe("a member's notifications", () => {
  async function notify(userId: string, title: string, createdAt: Date) {
    await getDb()
      .insert(notifications)
      .values({ userId, kind: "meeting_reminder", title, body: "", url: "/", dedupeKey: `test:${crypto.randomUUID()}`, createdAt });
  }

  it("lists the member's own notifications, newest first, with the unread count", async () => {
    const kathy = await createTestUser("Kathy");
    const ruth = await createTestUser("Ruth");
    await notify(kathy.id, "older", new Date(Date.now() - 2 * HOUR));
    await notify(kathy.id, "newer", new Date(Date.now() - HOUR));
    await notify(ruth.id, "not Kathy's", new Date());

    const page = await loadNotificationsPage({ userId: kathy.id });

    expect(page.notifications.map((notification) => notification.text)).toEqual(["newer", "older"]);
    expect(page.unread).toBe(2);
  });

  it("marks all as read up to the newest one shown, leaving later arrivals and other members' unread", async () => {
    const kathy = await createTestUser("Kathy");
    const ruth = await createTestUser("Ruth");
    await notify(kathy.id, "seen", new Date(Date.now() - HOUR));
    await notify(ruth.id, "Ruth's", new Date(Date.now() - HOUR));
    const { newestAt } = await loadNotificationsPage({ userId: kathy.id });
    await notify(kathy.id, "arrived after the page was shown", new Date(Date.now() + 1000));

    const result = await markAllNotificationsRead({ userId: kathy.id, body: { upTo: newestAt } });

    expect(result).toEqual({ marked: 1 });
    expect(await countUnreadNotifications({ userId: kathy.id })).toBe(1);
    expect(await countUnreadNotifications({ userId: ruth.id })).toBe(1);
  });

  it("refuses a malformed request and marks nothing", async () => {
    const kathy = await createTestUser("Kathy");
    await notify(kathy.id, "unread", new Date());

    const error = await markAllNotificationsRead({ userId: kathy.id, body: { upTo: "yesterday" } }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request");
    expect(await countUnreadNotifications({ userId: kathy.id })).toBe(1);
  });
});

// ---- small tools ----

/** Every job of a meeting that could still run, whoever queued it. */
async function countPendingJobs(meetingId: string): Promise<number> {
  const result: unknown = await getDb().execute(
    sql`select count(*)::int as count from pgboss.job where name = ${REMINDER_QUEUE} and state < 'completed' and data->>'meetingId' = ${meetingId}`,
  );
  // postgres.js returns the rows themselves; PGlite wraps them in `rows`.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { count: number }[];
  return Number(rows[0]?.count);
}

type SmtpMessage = { to: string[]; data: string };

/** Just enough of an SMTP server to receive what nodemailer sends. */
async function startFakeSmtp(): Promise<{ port: number; messages: SmtpMessage[]; close: () => Promise<void> }> {
  const messages: SmtpMessage[] = [];
  const server: Server = createServer((socket) => {
    let buffer = "";
    let recipients: string[] = [];
    let inData = false;
    socket.write("220 fake.test ESMTP\r\n");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("latin1");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end === -1) return;
          messages.push({ to: recipients, data: buffer.slice(0, end) });
          buffer = buffer.slice(end + 5);
          inData = false;
          recipients = [];
          socket.write("250 queued\r\n");
          continue;
        }
        const lineEnd = buffer.indexOf("\r\n");
        if (lineEnd === -1) return;
        const line = buffer.slice(0, lineEnd);
        buffer = buffer.slice(lineEnd + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "RCPT") recipients.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
        if (verb === "DATA") {
          inData = true;
          socket.write("354 end with <CRLF>.<CRLF>\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
          return;
        } else {
          socket.write("250 ok\r\n");
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
