import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { samples, warmups, type EndpointResult } from "./big-room";
import { digestSection, type DigestResult } from "./digest";
import type { FanoutResult } from "./fanout";
import type { MentionPostResult } from "./mentions";
import { round } from "./stats";
import { formatUnread, type UnreadResult } from "./unread";

export type Machine = { date: string; cores: number; cpuModel: string; memoryGb: number; platform: string; node: string; loadAverage1m: number };

export type BenchResults = {
  machine: Machine;
  setup: { database: string; buildMs: number | null; serverStartupMs: number | null; serverStopMs: number | null; totalMs: number };
  fanout: { roomId: string; repliesPerSecond: number; durationSeconds: number; runs: FanoutResult[] } | null;
  bigRoom: { roomId: string; clubId: string; replies: number; topLevel: number; insertMs: number; endpoints: EndpointResult[] } | null;
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
const kib = (bytes: number) => `${round(bytes / 1024, 1).toLocaleString("en")} KiB`;

function table(header: string[], rows: (string | number | null)[][]): string {
  const line = (cells: (string | number | null)[]) => `| ${cells.map((cell) => (cell === null ? "n/a" : String(cell))).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function fanoutTables(fanout: NonNullable<BenchResults["fanout"]>): string {
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
    `## Live fan-out: ${fanout.repliesPerSecond} replies/s for ${fanout.durationSeconds} s into one room`,
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

function bigRoomTable(bigRoom: NonNullable<BenchResults["bigRoom"]>): string {
  return [
    `## Big room: ${bigRoom.replies.toLocaleString("en")} replies (${bigRoom.topLevel.toLocaleString("en")} top-level), ${samples} sequential requests after ${warmups} warm-ups`,
    "",
    table(
      ["request", "statuses", "p50 ms", "p95 ms", "max ms", "body", "on the wire"],
      bigRoom.endpoints.map((endpoint) => [
        `${endpoint.name} \`${endpoint.path.replace(/[0-9a-f-]{36}/g, ":id")}\``,
        statusList(endpoint.statuses),
        endpoint.responseMs.p50,
        endpoint.responseMs.p95,
        endpoint.responseMs.max,
        kib(endpoint.bodyBytes),
        `${kib(endpoint.wireBytes)} (${endpoint.contentEncoding ?? "identity"})`,
      ]),
    ),
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
        ["server start (migrate, seed, Next prepare)", seconds(setup.serverStartupMs)],
        ["server stop (SIGTERM to exit)", seconds(setup.serverStopMs)],
        ["total run", seconds(setup.totalMs)],
      ],
    ),
  ];
  if (results.fanout) sections.push("", fanoutTables(results.fanout));
  if (results.bigRoom) sections.push("", bigRoomTable(results.bigRoom), "", `(5,000 replies inserted by SQL in ${round(results.bigRoom.insertMs / 1000, 1)} s)`);
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
