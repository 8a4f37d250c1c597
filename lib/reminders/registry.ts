import "server-only";
import type PgBoss from "pg-boss";

// server.ts starts the queue; Next's route handlers and server actions, a separate module graph
// in the same process, reach it through globalThis. Only the type of pg-boss is imported here,
// so Next never bundles pg-boss or its pg driver: the running instance is all a route needs.

// A name stored with every queued job in pg-boss's tables: it keeps the word from before meetings
// were called meetings, because renaming it would strand the reminders already queued.
export const REMINDER_QUEUE = "session-reminders";

/** A job that throws is tried again after 1, 2, 4... minutes; delivery is idempotent, so retrying is safe. */
export const REMINDER_JOB_OPTIONS = {
  retryLimit: 6,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
} as const;

const globalKey = Symbol.for("chapterhouse.reminders.queue");
type GlobalWithQueue = typeof globalThis & { [globalKey]?: PgBoss };

export function registerReminderQueue(boss: PgBoss | undefined): void {
  (globalThis as GlobalWithQueue)[globalKey] = boss;
}

/** The running queue, or null when this process has not started one (REMINDERS=off, scripts, tests). */
export function reminderQueue(): PgBoss | null {
  return (globalThis as GlobalWithQueue)[globalKey] ?? null;
}

/**
 * Runs a pg-boss setup call (createQueue, schedule), again after a short pause when Postgres
 * chose it as a deadlock victim (SQLSTATE 40P01): app nodes starting together run the same
 * upserts on pgboss.queue at once, and these calls are idempotent. Other errors, and a fifth
 * deadlock, are thrown.
 */
export async function retryOnDeadlock<Result>(work: () => Promise<Result>): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const deadlock = typeof error === "object" && error !== null && "code" in error && error.code === "40P01";
      if (!deadlock || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}
