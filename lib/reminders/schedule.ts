import type PgBoss from "pg-boss";
import {
  findSessionForReminders,
  listSessionReminderJobs,
  listUpcomingSessionsWithReminderJobs,
  replaceSessionReminderJobs,
  type ReminderJobRow,
} from "@/db/queries/reminder-jobs";
import { REMINDER_KINDS, isReminderKind, planReminders, reminderSendAt, remindersOutOfDate, type ReminderPayload } from "./plan";
import { REMINDER_JOB_OPTIONS, REMINDER_QUEUE, reminderQueue } from "./registry";

/**
 * Makes a session's queued reminders match it: one job per reminder still ahead, at its time.
 * Call after a session is created or edited (a cancelled session has its reminders withdrawn).
 *
 * It never throws: the session is already saved, and a moderator told "something went wrong"
 * would save it again. A failure is logged, and the queue's periodic check repairs it.
 */
export async function scheduleSessionReminders(input: { sessionId: string }): Promise<void> {
  await bestEffort("schedule", input.sessionId, (boss) => syncSessionReminders(boss, input.sessionId));
}

/** Cancels a session's queued reminders. Call when it is cancelled, and before it is deleted. */
export async function withdrawSessionReminders(input: { sessionId: string }): Promise<void> {
  await bestEffort("withdraw", input.sessionId, (boss) => withdrawJobs(boss, input.sessionId));
}

/**
 * Brings every upcoming session's reminders up to date: sessions created while the queue was
 * not running (the demo seed, REMINDERS=off, a failed schedule call) and cancellations it missed.
 * Returns how many sessions it changed.
 */
export async function reconcileSessionReminders(boss: PgBoss, now = new Date()): Promise<number> {
  let changed = 0;
  for (const session of await listUpcomingSessionsWithReminderJobs({ now })) {
    if (!remindersOutOfDate(session, session.jobs, now)) continue;
    await serialized(session.id, () => syncSessionReminders(boss, session.id));
    changed += 1;
  }
  return changed;
}

async function syncSessionReminders(boss: PgBoss, sessionId: string): Promise<void> {
  const session = await findSessionForReminders({ sessionId });
  if (!session || session.cancelledAt) {
    await withdrawJobs(boss, sessionId);
    return;
  }
  const now = new Date();
  const existing = await listSessionReminderJobs({ sessionId });
  const ahead = new Set(planReminders(session, now).map((planned) => planned.kind));
  const next: ReminderJobRow[] = [];
  const obsolete = existing.filter((row) => !isReminderKind(row.kind)).map((row) => row.jobId);

  for (const kind of REMINDER_KINDS) {
    const row = existing.find((job) => job.kind === kind);
    const sendAt = reminderSendAt(session.startsAt, kind);
    // Same time as before: the job already queued (or already delivered) stays as it is, so
    // editing a session's notes neither re-sends a reminder nor drops one that is running late.
    if (row && row.sendAt.getTime() === sendAt.getTime() && (await jobStillCounts(boss, row.jobId))) {
      next.push(row);
      continue;
    }
    if (row) obsolete.push(row.jobId);
    if (ahead.has(kind)) {
      const payload: ReminderPayload = { sessionId, kind, startsAt: session.startsAt.toISOString() };
      const jobId = await boss.send(REMINDER_QUEUE, payload, { ...REMINDER_JOB_OPTIONS, startAfter: sendAt });
      if (!jobId) throw new Error(`The queue did not accept the ${kind} reminder for session ${sessionId}.`);
      next.push({ kind, jobId, sendAt });
    }
  }

  // New jobs first, old ones cancelled last: a crash in between leaves an extra job, which the
  // delivery's stale check and dedupe keys make harmless, rather than a missing one.
  await replaceSessionReminderJobs({ sessionId, jobs: next });
  if (obsolete.length > 0) await boss.cancel(REMINDER_QUEUE, obsolete);
}

async function withdrawJobs(boss: PgBoss, sessionId: string): Promise<void> {
  const existing = await listSessionReminderJobs({ sessionId });
  if (existing.length === 0) return;
  await boss.cancel(
    REMINDER_QUEUE,
    existing.map((row) => row.jobId),
  );
  await replaceSessionReminderJobs({ sessionId, jobs: [] });
}

/** A job that was cancelled or gave up must be replaced; one waiting, running or done stands. */
async function jobStillCounts(boss: PgBoss, jobId: string): Promise<boolean> {
  const job = await boss.getJobById(REMINDER_QUEUE, jobId, { includeArchive: true });
  return job !== null && job.state !== "cancelled" && job.state !== "failed";
}

let warnedMissingQueue = false;

async function bestEffort(action: string, sessionId: string, work: (boss: PgBoss) => Promise<void>): Promise<void> {
  const boss = reminderQueue();
  if (!boss) {
    // Not an error: the queue's check at start catches up on whatever changed meanwhile.
    if (!warnedMissingQueue && process.env.REMINDERS !== "off") {
      warnedMissingQueue = true;
      console.warn("> Reminders: the queue is not running in this process; sessions are brought up to date when it starts.");
    }
    return;
  }
  try {
    await serialized(sessionId, () => work(boss));
  } catch (error) {
    console.error(`> Reminders: could not ${action} the reminders of session ${sessionId}; the next check retries.`, error);
  }
}

// Two quick edits of one session must not interleave (both would cancel the same old jobs and
// each queue a new pair), so calls for the same session run one after another. Kept on
// globalThis because server actions and server.ts load this module separately.
const locksKey = Symbol.for("chapterhouse.reminders.locks");
type GlobalWithLocks = typeof globalThis & { [locksKey]?: Map<string, Promise<void>> };

function serialized(sessionId: string, work: () => Promise<void>): Promise<void> {
  const holder = globalThis as GlobalWithLocks;
  const locks = (holder[locksKey] ??= new Map());
  const previous = locks.get(sessionId) ?? Promise.resolve();
  const run = previous.then(work);
  const tail = run.catch(() => undefined);
  locks.set(sessionId, tail);
  void tail.then(() => {
    if (locks.get(sessionId) === tail) locks.delete(sessionId);
  });
  return run;
}
