import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";
import { pgliteClient } from "@/db/index";
import { startEmailQueue } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { closeMailer, getMailer } from "@/lib/mailer";
import { deliverMeetingReminder, parseReminderPayload } from "./deliver";
import { REMINDER_JOB_OPTIONS, REMINDER_QUEUE, registerReminderQueue, reminderQueue, retryOnDeadlock } from "./registry";
import { reconcileMeetingReminders } from "./schedule";

export type ReminderQueueOptions = {
  /** Run the worker that delivers due reminders (false: only accept and cancel jobs). */
  work?: boolean;
  /** How often the worker looks for due jobs; reminders need minutes, not milliseconds. */
  pollingIntervalSeconds?: number;
  /** Bring upcoming meetings' jobs up to date now and then every `reconcileEveryMinutes`. */
  reconcile?: boolean;
  reconcileEveryMinutes?: number;
};

export type ReminderQueue = { boss: PgBoss; stop: () => Promise<void> };

type PgliteAdapter = PgBoss.Db & { drain: () => Promise<void> };

/**
 * pg-boss on the app's own PGlite (one instance per folder; a second would corrupt it). pg-boss
 * sends its schema and maintenance as multi-statement text without parameters, which only
 * `exec` runs; everything with parameters goes through `query`.
 */
function pgliteAdapter(pglite: PGlite): PgliteAdapter {
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => undefined);
    return promise;
  };
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (!values || values.length === 0) {
        const results = await track(pglite.exec(text));
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await track(pglite.query(text, values));
      return { rows: result.rows };
    },
    // pg-boss marks a finished job complete without awaiting it; before the database closes,
    // those last writes must land.
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/**
 * Starts pg-boss (it creates or migrates its `pgboss` schema itself), the reminder queue and,
 * unless told otherwise, the worker that delivers due reminders. The instance is shared through
 * globalThis, so scheduleMeetingReminders works from server actions in the same process.
 */
export async function startReminderQueue(options: ReminderQueueOptions = {}): Promise<ReminderQueue> {
  if (reminderQueue()) throw new Error("The reminder queue is already running in this process.");
  const { work = true, pollingIntervalSeconds = 5, reconcile = true, reconcileEveryMinutes = 10 } = options;

  const pglite = pgliteClient();
  const adapter = pglite ? pgliteAdapter(pglite) : null;
  // Cron is for notification email's round every minute (lib/email/queue.ts), run where jobs are worked.
  const common = { schema: "pgboss", schedule: work, supervise: true, migrate: true } as const;
  const boss = adapter
    ? new PgBoss({ ...common, db: adapter })
    : new PgBoss({ ...common, connectionString: requiredDatabaseUrl(), max: 3, application_name: "chapterhouse-reminders" });
  boss.on("error", (error) => console.error("> Reminders: queue error", error));

  await boss.start();
  try {
    await retryOnDeadlock(() => boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, ...REMINDER_JOB_OPTIONS }));
    await startEmailQueue(boss, { work, pollingIntervalSeconds });
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  registerReminderQueue(boss);

  if (work) {
    await boss.work<unknown>(REMINDER_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        const payload = parseReminderPayload(job.data);
        // A malformed job can never succeed; retrying it would only repeat the log line.
        if (!payload) {
          console.error(`> Reminders: job ${job.id} has an unreadable payload and was skipped.`);
          continue;
        }
        try {
          await deliverMeetingReminder(payload);
        } catch (error) {
          // Thrown on to pg-boss, which retries the job after its delay.
          console.error(`> Reminders: job ${job.id} (${payload.kind} for meeting ${payload.meetingId}) failed; it will be retried.`, error);
          throw error;
        }
      }
    });
  }

  let timer: NodeJS.Timeout | undefined;
  if (reconcile) {
    const check = async () => {
      try {
        await reconcileMeetingReminders(boss);
      } catch (error) {
        console.error("> Reminders: could not check upcoming meetings' reminders", error);
      }
    };
    await check();
    timer = setInterval(() => void check(), reconcileEveryMinutes * 60_000);
    timer.unref();
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(timer);
      if (reminderQueue() === boss) registerReminderQueue(undefined);
      // Graceful: a reminder being delivered finishes; one that does not within the timeout is
      // marked failed and retried by the next start (delivery is idempotent).
      await boss.stop({ graceful: true, timeout: 5_000 });
      await adapter?.drain();
    })();
    return stopping;
  };
  return { boss, stop };
}

function requiredDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset and the database is not PGlite.");
  return url;
}

/**
 * For server.ts: starts the queue and its worker unless REMINDERS=off, and returns the function
 * that stops them gracefully (call it before the database closes; it never throws).
 */
export async function startReminders(): Promise<() => Promise<void>> {
  if (getEnv().REMINDERS === "off") {
    console.log("> Reminders off (REMINDERS=off)");
    return async () => {};
  }
  const queue = await startReminderQueue();
  console.log(`> Reminders on: queue "${REMINDER_QUEUE}", email ${getMailer() ? "by SMTP" : "written to this log"}`);
  return async () => {
    try {
      await queue.stop();
    } catch (error) {
      console.error("> Reminders: the queue did not stop cleanly", error);
    }
    closeMailer();
  };
}
