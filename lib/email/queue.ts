import "server-only";
import type PgBoss from "pg-boss";
import { retryOnDeadlock } from "@/lib/reminders/registry";
import { runEmailRound } from "./send";

// Notification email runs as a job on the reminders' pg-boss (in Postgres, or the app's PGlite):
// pg-boss's cron queues one round a minute, once for all nodes, and a round catches up on
// whatever is due (a batch whose 15 minutes have passed, a digest whose 9:00 has come), so a
// restart or a missed minute delays email but never loses or repeats it.

/** The queue's name, stored with every job in pg-boss's tables. */
export const EMAIL_QUEUE = "notification-email";

/** Every minute, in pg-boss's cron syntax. */
const EVERY_MINUTE = "* * * * *";

const EMAIL_JOB_OPTIONS = {
  // A round that fails is not retried: the next minute's round does the same work afresh.
  retryLimit: 0,
  expireInSeconds: 10 * 60,
} as const;

/**
 * Creates the email queue on a started pg-boss, schedules a round every minute and, when
 * `work` is set, starts the worker that runs the rounds. "stately": at most one round waits
 * and one runs, so rounds never pile up behind a slow one.
 */
export async function startEmailQueue(boss: PgBoss, options: { work: boolean; pollingIntervalSeconds: number }): Promise<void> {
  await retryOnDeadlock(() => boss.createQueue(EMAIL_QUEUE, { name: EMAIL_QUEUE, policy: "stately", ...EMAIL_JOB_OPTIONS }));
  if (!options.work) return;
  await retryOnDeadlock(() => boss.schedule(EMAIL_QUEUE, EVERY_MINUTE, {}, EMAIL_JOB_OPTIONS));
  await boss.work<unknown>(EMAIL_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
    try {
      const result = await runEmailRound();
      if (result.batches + result.digests + result.failed > 0) {
        console.log(`> Email: ${result.batches} batched, ${result.digests} digests, ${result.failed} failed (job ${job?.id ?? "?"})`);
      }
    } catch (error) {
      console.error("> Email: a round failed; the next one tries again.", error);
      throw error;
    }
  });
}
