// The memory probe (issue 11, part 4): does the production server's memory come back after a
// crowd? On a fresh Postgres database (created here, dropped on the way out) it starts the
// bundled server (dist/server.mjs, as `npm start` runs it: build first with `npm run build`),
// lets it settle, connects 500 live sockets signed in as the four demo members into one room,
// posts 10,000 replies through the API, disconnects everyone, waits, and prints the server's RSS
// at each stage and whether it came back within 10% of the settled level.
//
//   npx tsx bench/memory-probe.ts
//
// Not part of `npm test`: it takes several minutes. Settings (environment): PROBE_SOCKETS (500),
// PROBE_REPLIES (10000), PROBE_CONCURRENCY (16 posts in flight), PROBE_WAIT_SECONDS (after the
// last socket leaves; 200 by default, because Socket.IO's connection-state recovery keeps every
// broadcast packet for 2 minutes and drops expired ones once a minute), PROBE_PORT (3540),
// PROBE_SNAPSHOTS=1 (heap snapshots of the server when settled, with the sockets in the room and
// at the end, into bench/results/memory-probe/, for finding what grew and the heap per socket;
// writing one forces a full collection and takes memory itself, so RSS after it reads high), TEST_ADMIN_DATABASE_URL (scripts/test-db.ts).
//
// RSS is read from /proc/<pid>/status (Linux) of the server process itself: `node` is started
// directly, with no npm or tsx parent in between.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../lib/realtime/events";
import { createDatabase, dropDatabase } from "../scripts/test-db";
import { closeHttpPool, httpRequest } from "./http";
import { signIn } from "./session";

type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const projectRoot = path.resolve(import.meta.dirname, "..");
const serverBundle = path.join(projectRoot, "dist", "server.mjs");
const resultsDir = path.join(projectRoot, "bench", "results", "memory-probe");

const numberSetting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${process.env[name]}`);
  return value;
};
const settings = {
  sockets: numberSetting("PROBE_SOCKETS", 500),
  replies: numberSetting("PROBE_REPLIES", 10_000),
  concurrency: Math.max(1, numberSetting("PROBE_CONCURRENCY", 16)),
  waitSeconds: numberSetting("PROBE_WAIT_SECONDS", 200),
  port: numberSetting("PROBE_PORT", 3540),
  snapshots: process.env.PROBE_SNAPSHOTS === "1",
};
const baseUrl = `http://127.0.0.1:${settings.port}`;

// The demo accounts db/seed.ts creates (and their password), all members of the demo club.
const demoPassword = "never-let-me-go";
const demoEmails = ["emily@example.com", "kathy@example.com", "ruth@example.com", "tommy@example.com"];

/** The server's resident set size in MiB, from the kernel. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kib)) throw new Error(`No VmRSS for pid ${pid}`);
  return kib / 1024;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const mib = (value: number) => `${value.toFixed(1)} MiB`;

/** Samples RSS every `everyMs` for `forMs`, printing each sample; resolves with them all. */
async function sampleRss(pid: number, label: string, forMs: number, everyMs: number): Promise<number[]> {
  const samples: number[] = [];
  const started = performance.now();
  for (;;) {
    const value = rssMiB(pid);
    samples.push(value);
    console.log(`  ${label} +${Math.round((performance.now() - started) / 1000)} s: ${mib(value)}`);
    if (performance.now() - started + everyMs > forMs) return samples;
    await sleep(everyMs);
  }
}

function startServer(databaseUrl: string): { child: ChildProcess; exited: Promise<number | null> } {
  mkdirSync(resultsDir, { recursive: true });
  const log = createWriteStream(path.join(resultsDir, "server.log"));
  const flags = settings.snapshots ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${resultsDir}`] : [];
  const child = spawn(process.execPath, [...flags, serverBundle], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(settings.port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "chapterhouse-memory-probe-secret-not-for-production",
      SEED_DEMO: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // For this server only: four members post 10,000 replies and hold 500 connections, far
      // past what a person may (lib/env.ts, README "Rate limits"). The limiters still run.
      LIMIT_REPLIES_PER_MINUTE: "1000000",
      LIMIT_SOCKETS_PER_USER: "1000000",
    },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited };
}

async function waitForHealth(child: ChildProcess): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}: see ${path.join(resultsDir, "server.log")}`);
    const ok = await httpRequest(`${baseUrl}/api/health`, { timeoutMs: 2_000 })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error("/api/health did not answer within 120 s");
}

/** The live heap a snapshot holds, in MiB: the sum of its nodes' self sizes (what DevTools calls the total). */
function snapshotHeapMiB(file: string): number {
  type Snapshot = { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
  const { snapshot, nodes } = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const width = snapshot.meta.node_fields.length;
  const selfSize = snapshot.meta.node_fields.indexOf("self_size");
  let total = 0;
  for (let index = selfSize; index < nodes.length; index += width) total += nodes[index] ?? 0;
  return total / 1024 / 1024;
}

/**
 * Writes a heap snapshot of the server (PROBE_SNAPSHOTS=1), waits until the file is complete,
 * and resolves with the live heap in it (MiB); null when snapshots are off or it failed.
 */
async function heapSnapshot(pid: number, label: string): Promise<number | null> {
  if (!settings.snapshots) return null;
  const before = new Set(readdirSync(resultsDir));
  process.kill(pid, "SIGUSR2");
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    await sleep(1_000);
    const file = readdirSync(resultsDir).find((name) => name.endsWith(".heapsnapshot") && !before.has(name));
    if (!file) continue;
    const size = statSync(path.join(resultsDir, file)).size;
    await sleep(1_000);
    if (size > 0 && statSync(path.join(resultsDir, file)).size === size) {
      const heap = snapshotHeapMiB(path.join(resultsDir, file));
      console.log(`  heap snapshot (${label}): ${mib(heap)} live, ${path.join(resultsDir, file)}`);
      return heap;
    }
  }
  console.log(`  heap snapshot (${label}) did not finish in 120 s`);
  return null;
}

function connectSocket(cookie: string, roomId: string, afterSeq: number, counter: { delivered: number }): Promise<RealtimeSocket> {
  const socket: RealtimeSocket = io(baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { cookie },
    // A Manager per socket: otherwise socket.io-client multiplexes them over one connection.
    forceNew: true,
    reconnection: false,
    timeout: 20_000,
  });
  socket.on("reply:created", () => {
    counter.delivered++;
  });
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      socket.disconnect();
      reject(error);
    };
    socket.once("connect_error", fail);
    socket.once("connect", () => {
      socket.timeout(20_000).emit("room:join", { roomId, afterSeq }, (error, result) => {
        if (error) return fail(error);
        if (!result.ok) return fail(new Error(`room:join refused: ${result.error.message}`));
        resolve(socket);
      });
    });
  });
}

async function postReplies(cookies: string[], roomId: string, count: number): Promise<{ created: number; failed: Record<string, number>; seconds: number }> {
  let next = 0;
  let created = 0;
  const failed: Record<string, number> = {};
  const started = performance.now();
  const worker = async (workerIndex: number) => {
    const cookie = cookies[workerIndex % cookies.length] ?? "";
    for (let index = next++; index < count; index = next++) {
      const body = JSON.stringify({
        body: `Memory probe reply ${index}: what does the novel keep from us, and why does Kathy tell it this way?`,
        parentId: null,
        idempotencyKey: randomUUID(),
      });
      const outcome = await httpRequest(`${baseUrl}/api/rooms/${roomId}/replies`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body,
        timeoutMs: 30_000,
      }).then(
        (response) => String(response.status),
        () => "error",
      );
      if (outcome === "201") created++;
      else failed[outcome] = (failed[outcome] ?? 0) + 1;
      if ((index + 1) % 1000 === 0) console.log(`  ${index + 1} replies posted`);
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, (_, index) => worker(index)));
  return { created, failed, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<number> {
  if (!existsSync(serverBundle) || !existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first (it writes .next/ and dist/server.mjs).");
    return 1;
  }
  console.log(`Memory probe: ${settings.sockets} sockets, ${settings.replies} replies, ${settings.concurrency} posts in flight, port ${settings.port}`);
  const databaseUrl = await createDatabase("chapterhouse_memory_probe");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const server = startServer(databaseUrl);
  const sockets: RealtimeSocket[] = [];
  // Ctrl-C stops the server and drops the database too.
  const interrupted = new Promise<never>((_, reject) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => reject(new Error(`Stopped by ${signal}`)));
  });
  try {
    return await Promise.race([run(server, sql, sockets), interrupted]);
  } finally {
    for (const socket of sockets) socket.disconnect();
    closeHttpPool();
    server.child.kill("SIGTERM");
    await Promise.race([server.exited, sleep(10_000)]);
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
    await sql.end({ timeout: 5 });
    await dropDatabase(databaseUrl);
  }
}

/** The probe's stages, on a started server; resolves with the exit code (0: RSS came back). */
async function run(server: ReturnType<typeof startServer>, sql: postgres.Sql, sockets: RealtimeSocket[]): Promise<number> {
  await waitForHealth(server.child);
  const pid = server.child.pid ?? 0;
  console.log(`Server ready (pid ${pid}): ${mib(rssMiB(pid))}`);

  const cookies: string[] = [];
  for (const email of demoEmails) cookies.push(await signIn(baseUrl, { email, password: demoPassword }));
  const [room] = await sql<{ id: string; club_id: string; reply_seq: number }[]>`select id, club_id, reply_seq from rooms order by position limit 1`;
  if (!room) throw new Error("The seeded database has no room.");

  // Warm-up: load what the run will use (the room page, the replies route, the socket
  // handlers), so that code Next loads once is not counted as growth.
  const counter = { delivered: 0 };
  await httpRequest(`${baseUrl}/clubs/${room.club_id}/rooms/${room.id}`, { headers: { cookie: cookies[0] ?? "" } });
  const warm = await Promise.all(cookies.map((cookie) => connectSocket(cookie, room.id, room.reply_seq, counter)));
  await postReplies(cookies, room.id, 200);
  for (const socket of warm) socket.disconnect();

  console.log("Settling (60 s after the warm-up)");
  const settledSamples = await sampleRss(pid, "settling", 60_000, 10_000);
  const settled = median(settledSamples.slice(-3));
  console.log(`Settled: ${mib(settled)}`);
  const settledHeap = await heapSnapshot(pid, "settled");

  const [{ reply_seq: seq } = { reply_seq: 0 }] = await sql<{ reply_seq: number }[]>`select reply_seq from rooms where id = ${room.id}`;
  const connectStarted = performance.now();
  const failures: string[] = [];
  for (let opened = 0; opened < settings.sockets; opened += 50) {
    const batch = Math.min(50, settings.sockets - opened);
    const settledBatch = await Promise.allSettled(
      Array.from({ length: batch }, (_, index) => connectSocket(cookies[(opened + index) % cookies.length] ?? "", room.id, seq, counter)),
    );
    for (const outcome of settledBatch) {
      if (outcome.status === "fulfilled") sockets.push(outcome.value);
      else failures.push(String(outcome.reason));
    }
  }
  const joined = sockets.length;
  console.log(`${joined} sockets joined the room in ${((performance.now() - connectStarted) / 1000).toFixed(1)} s${failures.length ? `; ${failures.length} failed, first: ${failures[0]}` : ""}`);
  const connectedSamples = await sampleRss(pid, "connected", 10_000, 5_000);
  const connected = median(connectedSamples);
  const perSocketKiB = joined > 0 ? ((connected - settled) * 1024) / joined : Number.NaN;
  console.log(`With ${joined} sockets: ${mib(connected)} (${perSocketKiB.toFixed(0)} KiB per socket over settled)`);
  const connectedHeap = await heapSnapshot(pid, "connected");
  if (settledHeap !== null && connectedHeap !== null && joined > 0) {
    console.log(`Live heap per socket (snapshots, after a full collection): ${(((connectedHeap - settledHeap) * 1024) / joined).toFixed(1)} KiB`);
  }

  console.log(`Posting ${settings.replies} replies`);
  counter.delivered = 0;
  const posted = await postReplies(cookies, room.id, settings.replies);
  await sleep(5_000);
  const afterPosts = rssMiB(pid);
  console.log(
    `Posted ${posted.created} in ${posted.seconds.toFixed(0)} s (${(posted.created / posted.seconds).toFixed(0)}/s)` +
      `${Object.keys(posted.failed).length ? `, failed by status: ${JSON.stringify(posted.failed)}` : ""}; ` +
      `deliveries ${counter.delivered} of ${posted.created * joined}; RSS ${mib(afterPosts)}`,
  );

  for (const socket of sockets) socket.disconnect();
  sockets.length = 0;
  console.log(`All sockets left; waiting ${settings.waitSeconds} s`);
  const leftSamples = await sampleRss(pid, "after", settings.waitSeconds * 1000, 10_000);
  const final = median(leftSamples.slice(-3));
  const endHeap = await heapSnapshot(pid, "end");
  if (settledHeap !== null && endHeap !== null) console.log(`Live heap: settled ${mib(settledHeap)}, at the end ${mib(endHeap)}`);

  const ratio = final / settled;
  const back = ratio <= 1.1;
  console.log("");
  console.log("| stage | RSS |");
  console.log("| --- | --- |");
  console.log(`| settled | ${mib(settled)} |`);
  console.log(`| ${joined} sockets in the room | ${mib(connected)} (${perSocketKiB.toFixed(0)} KiB per socket) |`);
  console.log(`| after ${posted.created} replies | ${mib(afterPosts)} |`);
  console.log(`| ${settings.waitSeconds} s after all left | ${mib(final)} |`);
  console.log(`Peak during the run: ${mib(Math.max(...connectedSamples, afterPosts, ...leftSamples))}`);
  console.log(`RSS ${back ? "RETURNED" : "DID NOT RETURN"}: ${(ratio * 100 - 100).toFixed(1)}% over the settled level (goal within 10%)`);
  // RSS alone can't tell a leak from garbage V8 has not collected yet (an idle server allocates
  // nothing, so nothing starts a collection): the snapshots' live heap, taken after a full
  // collection, can.
  if (settledHeap !== null && endHeap !== null) {
    const heapRatio = endHeap / settledHeap;
    console.log(`Live heap ${heapRatio <= 1.1 ? "RETURNED" : "DID NOT RETURN"}: ${(heapRatio * 100 - 100).toFixed(1)}% over the settled level`);
  }
  return back ? 0 : 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
