import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { httpRequest } from "./http";
import { median, round, roundSummary, summarize, type Summary } from "./stats";

/**
 * Single-room writes (issue 11): `posters` clients post top-level replies into one room as fast
 * as each one's previous POST answers (a closed loop), for `durationMs`, `runs` times. Each
 * figure is the median over the runs; nobody listens, so this is the write path alone.
 */
export type WritesResult = {
  posters: number;
  runs: number;
  durationMs: number;
  /** Medians over the runs. */
  repliesPerSecond: number;
  postP50Ms: number;
  postP99Ms: number;
  /** Non-201 answers and network errors, over all runs. */
  errors: number;
  statuses: Record<string, number>;
  /** Every POST of every run together, for context. */
  postMs: Summary;
};

type Target = { baseUrl: string; cookie: string; roomId: string };

async function post(target: Target, index: number): Promise<{ status: number; elapsedMs: number }> {
  const started = performance.now();
  try {
    const response = await httpRequest(`${target.baseUrl}/api/rooms/${target.roomId}/replies`, {
      method: "POST",
      headers: { ...(target.cookie ? { cookie: target.cookie } : {}), "content-type": "application/json" },
      body: JSON.stringify({ body: `Write-path probe ${index}: a short top-level thought about Hailsham.`, parentId: null, idempotencyKey: randomUUID(), spoilerLevel: 0 }),
      timeoutMs: 15_000,
    });
    return { status: response.status, elapsedMs: response.elapsedMs };
  } catch {
    return { status: 0, elapsedMs: performance.now() - started };
  }
}

async function oneRun(target: Target, posters: number, durationMs: number) {
  const end = performance.now() + durationMs;
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let created = 0;
  let counter = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: posters }, async () => {
      while (performance.now() < end) {
        const outcome = await post(target, counter++);
        times.push(outcome.elapsedMs);
        const key = outcome.status === 0 ? "network error/timeout" : String(outcome.status);
        statuses[key] = (statuses[key] ?? 0) + 1;
        if (outcome.status === 201) created++;
      }
    }),
  );
  // Until the last POST answered: posts begun before the end count, and so does their time.
  const elapsedMs = performance.now() - started;
  return { repliesPerSecond: (created / elapsedMs) * 1000, times, statuses, summary: summarize(times) };
}

export async function runWrites(input: Target & { posters: number; runs: number; durationMs: number }): Promise<WritesResult> {
  // A short warm-up: the first requests pay for JIT and connection set-up.
  await oneRun(input, input.posters, 1_000);
  const runs = [];
  for (let run = 0; run < input.runs; run++) runs.push(await oneRun(input, input.posters, input.durationMs));
  const statuses: Record<string, number> = {};
  for (const run of runs) for (const [key, count] of Object.entries(run.statuses)) statuses[key] = (statuses[key] ?? 0) + count;
  return {
    posters: input.posters,
    runs: input.runs,
    durationMs: input.durationMs,
    repliesPerSecond: round(median(runs.map((run) => run.repliesPerSecond)), 0),
    postP50Ms: round(median(runs.map((run) => run.summary.p50))),
    postP99Ms: round(median(runs.map((run) => run.summary.p99))),
    errors: Object.entries(statuses).reduce((sum, [key, count]) => (key === "201" ? sum : sum + count), 0),
    statuses,
    postMs: roundSummary(summarize(runs.flatMap((run) => run.times))),
  };
}
