import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { comparisonTable, type Comparison } from "./compare";
import { digestSection, type DigestResult } from "./digest";
import type { FanoutResult } from "./fanout";
import type { MentionPostResult } from "./mentions";
import { round } from "./stats";
import { formatUnread, type UnreadResult } from "./unread";

export type Machine = { date: string; cores: number; cpuModel: string; memoryGb: number; platform: string; node: string; loadAverage1m: number };

export type BenchResults = {
  machine: Machine;
  setup: { database: string; sections: string[]; buildMs: number | null; serverStartupMs: number | null; floorStartupMs: number | null; serverStopMs: number | null; totalMs: number; /** REALTIME_ADAPTER of the single Chapterhouse node. */ adapter: string };
  /** Every scenario against the floor and Chapterhouse, side by side (issue 11). */
  comparison: Comparison;
  unread: UnreadResult | null;
  digest?: DigestResult | null;
  /** Posting a reply that notifies (10 @mentions + the reply it answers) against a plain one. */
  mentionPosts: MentionPostResult | null;
  errors: string[];
};

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cores: os.availableParallelism(),
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    platform: `${os.platform()} ${os.arch()} ${os.release()}`,
    node: process.version,
    // The machine may be shared: a busy one at the start explains noisy numbers.
    loadAverage1m: round(os.loadavg()[0] ?? 0, 2),
  };
}

const seconds = (ms: number | null) => (ms === null ? null : `${round(ms / 1000, 1)} s`);
const percent = (value: number | undefined) => (value === undefined ? null : `${value}%`);
const statusList = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .map(([status, count]) => `${status}×${count}`)
    .join(", ");

function table(header: string[], rows: (string | number | null)[][]): string {
  const line = (cells: (string | number | null)[]) => `| ${cells.map((cell) => (cell === null ? "n/a" : String(cell))).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function fanoutTables(server: string, fanout: { repliesPerSecond: number; durationSeconds: number; runs: FanoutResult[] }): string {
  const main = table(
    ["listeners", "replies", "expected", "received", "lost", "p50 ms", "p95 ms", "p99 ms", "max ms", "POST p50 ms", "POST p95 ms"],
    fanout.runs.map((run) => [
      `${run.listenersJoined}/${run.listenersRequested}`,
      `${run.replies.created}/${run.replies.scheduled}`,
      run.deliveries.expected,
      run.deliveries.received,
      run.deliveries.lost,
      run.deliveryMs.p50,
      run.deliveryMs.p95,
      run.deliveryMs.p99,
      run.deliveryMs.max,
      run.postMs.p50,
      run.postMs.p95,
    ]),
  );
  const context = table(
    ["listeners", "join p50/p95 ms", "first delivery p50/p95 ms", "fan-out spread p50/p95/max ms", "POST statuses", "send lag max ms", "dup", "disconnects"],
    fanout.runs.map((run) => [
      run.listenersRequested,
      `${run.joinMs.p50} / ${run.joinMs.p95}`,
      `${run.firstDeliveryMs.p50} / ${run.firstDeliveryMs.p95}`,
      `${run.spreadMs.p50} / ${run.spreadMs.p95} / ${run.spreadMs.max}`,
      statusList(run.replies.statuses),
      run.sendLagMs.max,
      run.deliveries.duplicates,
      run.disconnectedDuringRun,
    ]),
  );
  const cpu = table(
    ["listeners", "server", "postgres (all DBs)", "bench", "other processes", "idle cores", "load avg 1m", "bench loop delay p99/max ms"],
    fanout.runs.map((run) => [
      run.listenersRequested,
      percent(run.cpu?.server),
      percent(run.cpu?.postgres),
      percent(run.cpu?.bench),
      percent(run.cpu?.otherProcesses),
      run.cpu?.idleCores ?? null,
      run.loadAverage1m,
      `${run.benchEventLoopDelayMs.p99} / ${run.benchEventLoopDelayMs.max}`,
    ]),
  );
  return [
    `### Live fan-out, ${server}: ${fanout.repliesPerSecond} replies/s for ${fanout.durationSeconds} s into one room`,
    "",
    "Delivery = `reply:created` received by a listener minus the POST being sent. lost = expected (replies × listeners) − received.",
    "",
    main,
    "",
    "First delivery = the earliest listener's latency for a reply (the POST path up to the broadcast); spread = last listener − first listener for a reply (the fan-out itself).",
    "",
    context,
    "",
    "CPU during the posting window, in % of one core (server = its whole process group; other = processes outside this bench).",
    "",
    cpu,
  ].join("\n");
}

function mentionTable(result: MentionPostResult): string {
  return [
    `## Posting with notifications: ${result.pairs} alternating pairs, ${result.notifiedPerReply} notified per notifying reply (goal: within 10 ms of plain at p50)`,
    "",
    table(
      ["reply", "p50 ms", "p95 ms", "max ms"],
      [
        ["plain, top-level", result.plainMs.p50, result.plainMs.p95, result.plainMs.max],
        [`answers a reply, @mentions ${result.mentioned}`, result.notifyingMs.p50, result.notifyingMs.p95, result.notifyingMs.max],
      ],
    ),
    "",
    `p50 difference: ${result.p50DeltaMs} ms`,
  ].join("\n");
}

export function formatReport(results: BenchResults): string {
  const { machine, setup } = results;
  const sections = [
    "# Chapterhouse bench",
    "",
    table(
      ["", ""],
      [
        ["date", machine.date],
        ["machine", `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGb} GB RAM, ${machine.platform}`],
        ["node", machine.node],
        ["load average (1 min) at start", machine.loadAverage1m],
        ["database", setup.database],
        ["build (next build, compile + generate)", setup.buildMs === null ? "reused (BENCH_SKIP_BUILD=1)" : seconds(setup.buildMs)],
        ["sections", setup.sections.join(", ")],
        ["live adapter of the Chapterhouse node", setup.adapter],
        ["server start (migrate, seed, Next prepare)", seconds(setup.serverStartupMs)],
        ["floor start", seconds(setup.floorStartupMs)],
        ["server stop (SIGTERM to exit)", seconds(setup.serverStopMs)],
        ["total run", seconds(setup.totalMs)],
      ],
    ),
  ];
  const { comparison } = results;
  sections.push(
    "",
    "## Chapterhouse against the floor (bench/floor-server.ts: node:http + Socket.IO + postgres.js, insert then broadcast)",
    "",
    `Delivery latency runs from the start of the POST to each listener's receipt. ratio = Chapterhouse ÷ floor. Goals are issue 11's (✓ met, ✗ not). Pages are fetched with Accept-Encoding: gzip; time is the p50 of sequential requests after warm-ups; KB raw is the body after decompression. Server RSS is the server process's own (the largest of its process group). Chapterhouse runs as in production with DATABASE_URL set: REALTIME_ADAPTER=${setup.adapter} (every broadcast also goes out as a Postgres NOTIFY, and its fan-out and write figures include that).`,
    "",
    comparisonTable(comparison),
  );
  for (const [name, label] of [["floor", "floor"], ["chapterhouse", "Chapterhouse"]] as const) {
    const runs = comparison.fanout[name];
    if (runs && runs.length > 0) sections.push("", fanoutTables(label, { ...comparison.fanout, runs }));
  }
  if (comparison.pages) {
    sections.push("", `(page rooms inserted by SQL: ${comparison.pages.rooms.map((room) => `${room.replies.toLocaleString("en")} replies, ${room.topLevel.toLocaleString("en")} threads, in ${round(room.insertMs / 1000, 1)} s`).join("; ")})`);
  }
  if (results.unread) sections.push("", formatUnread(results.unread, table));
  if (results.digest) sections.push("", digestSection(results.digest));
  if (results.mentionPosts) sections.push("", mentionTable(results.mentionPosts));
  if (results.errors.length > 0) sections.push("", "## Errors", "", ...results.errors.map((error) => `- ${error}`));
  return sections.join("\n");
}

export function writeResults(resultsDir: string, results: BenchResults): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, "latest.json");
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
