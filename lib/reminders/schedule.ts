import "server-only";
import type PgBoss from "pg-boss";
import {
  findMeetingForReminders,
  listMeetingReminderJobs,
  listUpcomingMeetingsWithReminderJobs,
  replaceMeetingReminderJobs,
  type ReminderJobRow,
} from "@/db/queries/reminder-jobs";
import { getEnv } from "@/lib/env";
import { REMINDER_KINDS, isReminderKind, planReminders, reminderSendAt, remindersOutOfDate, type ReminderPayload } from "./plan";
import { REMINDER_JOB_OPTIONS, REMINDER_QUEUE, reminderQueue } from "./registry";

/**
 * Makes a meeting's queued reminders match it: one job per reminder still ahead, at its time.
 * Call after a meeting is created or edited (a cancelled meeting has its reminders withdrawn).
 *
 * It never throws: the meeting is already saved, and a moderator told "something went wrong"
 * would save it again. A failure is logged, and the queue's periodic check repairs it.
 */
export async function scheduleMeetingReminders(input: { meetingId: string }): Promise<void> {
  await bestEffort("schedule", input.meetingId, (boss) => syncMeetingReminders(boss, input.meetingId));
}

/** Cancels a meeting's queued reminders. Call when it is cancelled, and before it is deleted. */
export async function withdrawMeetingReminders(input: { meetingId: string }): Promise<void> {
  await bestEffort("withdraw", input.meetingId, (boss) => withdrawJobs(boss, input.meetingId));
}

/**
 * Brings every upcoming meeting's reminders up to date: meetings created while the queue was
 * not running (the demo seed, REMINDERS=off, a failed schedule call) and cancellations it missed.
 * Returns how many meetings it changed.
 */
export async function reconcileMeetingReminders(boss: PgBoss, now = new Date()): Promise<number> {
  let changed = 0;
  for (const meeting of await listUpcomingMeetingsWithReminderJobs({ now })) {
    if (!remindersOutOfDate(meeting, meeting.jobs, now)) continue;
    await serialized(meeting.id, () => syncMeetingReminders(boss, meeting.id));
    changed += 1;
  }
  return changed;
}

async function syncMeetingReminders(boss: PgBoss, meetingId: string): Promise<void> {
  const meeting = await findMeetingForReminders({ meetingId });
  if (!meeting || meeting.cancelledAt) {
    await withdrawJobs(boss, meetingId);
    return;
  }
  const now = new Date();
  const existing = await listMeetingReminderJobs({ meetingId });
  const ahead = new Set(planReminders(meeting, now).map((planned) => planned.kind));
  const next: ReminderJobRow[] = [];
  const obsolete = existing.filter((row) => !isReminderKind(row.kind)).map((row) => row.jobId);

  for (const kind of REMINDER_KINDS) {
    const row = existing.find((job) => job.kind === kind);
    const sendAt = reminderSendAt(meeting.startsAt, kind);
    // Same time as before: the job already queued (or already delivered) stays as it is, so
    // editing a meeting's notes neither re-sends a reminder nor drops one that is running late.
    if (row && row.sendAt.getTime() === sendAt.getTime() && (await jobStillCounts(boss, row.jobId))) {
      next.push(row);
      continue;
    }
    if (row) obsolete.push(row.jobId);
    if (ahead.has(kind)) {
      const payload: ReminderPayload = { meetingId, kind, startsAt: meeting.startsAt.toISOString() };
      const jobId = await boss.send(REMINDER_QUEUE, payload, { ...REMINDER_JOB_OPTIONS, startAfter: sendAt });
      if (!jobId) throw new Error(`The queue did not accept the ${kind} reminder for meeting ${meetingId}.`);
      next.push({ kind, jobId, sendAt });
    }
  }

  // New jobs first, old ones cancelled last: a crash in between leaves an extra job, which the
  // delivery's stale check and dedupe keys make harmless, rather than a missing one.
  await replaceMeetingReminderJobs({ meetingId, jobs: next });
  if (obsolete.length > 0) await boss.cancel(REMINDER_QUEUE, obsolete);
}

async function withdrawJobs(boss: PgBoss, meetingId: string): Promise<void> {
  const existing = await listMeetingReminderJobs({ meetingId });
  if (existing.length === 0) return;
  await boss.cancel(
    REMINDER_QUEUE,
    existing.map((row) => row.jobId),
  );
  await replaceMeetingReminderJobs({ meetingId, jobs: [] });
}

/** A job that was cancelled or gave up must be replaced; one waiting, running or done stands. */
async function jobStillCounts(boss: PgBoss, jobId: string): Promise<boolean> {
  const job = await boss.getJobById(REMINDER_QUEUE, jobId, { includeArchive: true });
  return job !== null && job.state !== "cancelled" && job.state !== "failed";
}

let warnedMissingQueue = false;

async function bestEffort(action: string, meetingId: string, work: (boss: PgBoss) => Promise<void>): Promise<void> {
  const boss = reminderQueue();
  if (!boss) {
    // Not an error: the queue's check at start catches up on whatever changed meanwhile.
    if (!warnedMissingQueue && getEnv().REMINDERS !== "off") {
      warnedMissingQueue = true;
      console.warn("> Reminders: the queue is not running in this process; meetings are brought up to date when it starts.");
    }
    return;
  }
  try {
    await serialized(meetingId, () => work(boss));
  } catch (error) {
    console.error(`> Reminders: could not ${action} the reminders of meeting ${meetingId}; the next check retries.`, error);
  }
}

// Two quick edits of one meeting must not interleave (both would cancel the same old jobs and
// each queue a new pair), so calls for the same meeting run one after another. Kept on
// globalThis because server actions and server.ts load this module separately.
const locksKey = Symbol.for("chapterhouse.reminders.locks");
type GlobalWithLocks = typeof globalThis & { [locksKey]?: Map<string, Promise<void>> };

function serialized(meetingId: string, work: () => Promise<void>): Promise<void> {
  const holder = globalThis as GlobalWithLocks;
  const locks = (holder[locksKey] ??= new Map());
  const previous = locks.get(meetingId) ?? Promise.resolve();
  const run = previous.then(work);
  const tail = run.catch(() => undefined);
  locks.set(meetingId, tail);
  void tail.then(() => {
    if (locks.get(meetingId) === tail) locks.delete(meetingId);
  });
  return run;
}
