/**
 * `npm run bench`: builds and starts the production app against a throwaway Postgres database,
 * measures live reply fan-out and a 5,000-reply room, prints a table and writes
 * bench/results/latest.json. A measurement, not a test: it only fails when it cannot measure.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildApp, canSkipBuild, projectRoot, startApp, type AppServer } from "./app-server";
import { expectPageWithReply, expectReplyCount, measureEndpoint, type EndpointResult } from "./big-room";
import { createDatabase, currentSeq, dropDatabase, emptyRoom, fillRoom, firstRoom, memberIds, openDatabase, type Sql, type Target } from "./database";
import { runFanout, type FanoutResult } from "./fanout";
import { runDigestBench } from "./digest";
import { runMentionPosts } from "./mentions";
import { closeHttpPool } from "./http";
import { describeMachine, formatReport, writeResults, type BenchResults } from "./report";
import { signIn } from "./session";
import { runUnreadScenario } from "./unread";

const resultsDir = path.join(projectRoot, "bench", "results");
const demoUser = { email: "kathy@example.com", password: "never-let-me-go" };
const listenerCounts = [100, 500];
const repliesPerSecond = 20;
const durationSeconds = 10;
const bigRoomReplies = 5_000;

/** Undo steps, run newest first, each bounded so a stuck one cannot hang the exit. */
class Cleanup {
  private steps: { name: string; run: () => Promise<void> }[] = [];
  private done: Promise<void> | null = null;

  add(name: string, run: () => Promise<void>): () => void {
    const step = { name, run };
    this.steps.push(step);
    return () => {
      this.steps = this.steps.filter((candidate) => candidate !== step);
    };
  }

  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        const timeout = new Promise<void>((resolve) => setTimeout(resolve, 20_000).unref());
        await Promise.race([step.run().catch((error: unknown) => console.error(`cleanup (${step.name}) failed:`, error)), timeout]);
      }
    })();
    return this.done;
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const log = (text: string) => console.error(`[bench] ${text}`);

/** Ctrl-C, a kill or a crash outside main's try (a socket callback) still stops the server and drops the database. */
function cleanUpOnExit(cleanup: Cleanup): void {
  let exiting = false;
  const exit = (reason: string, code: number) => {
    if (exiting) process.exit(code);
    exiting = true;
    log(`${reason}: stopping the server and dropping the database…`);
    void cleanup.run().finally(() => process.exit(code));
  };
  process.on("SIGINT", (signal) => exit(signal, 130));
  process.on("SIGTERM", (signal) => exit(signal, 143));
  process.on("uncaughtException", (error) => {
    console.error(error);
    exit("uncaught exception", 1);
  });
  process.on("unhandledRejection", (error) => {
    console.error(error);
    exit("unhandled rejection", 1);
  });
}

async function fanoutScenario(input: { server: AppServer; sql: Sql; cookie: string; room: Target; results: BenchResults }): Promise<void> {
  const fanout = { roomId: input.room.roomId, repliesPerSecond, durationSeconds, runs: [] as FanoutResult[] };
  input.results.fanout = fanout;
  for (const listeners of listenerCounts) {
    log(`fan-out: ${listeners} listeners, ${repliesPerSecond} replies/s for ${durationSeconds} s…`);
    try {
      const run = await runFanout({
        baseUrl: input.server.baseUrl,
        cookie: input.cookie,
        roomId: input.room.roomId,
        afterSeq: await currentSeq(input.sql, input.room.roomId),
        listeners,
        repliesPerSecond,
        durationSeconds,
        batchSize: 50,
        serverGroupId: input.server.pid,
      });
      fanout.runs.push(run);
      log(`  delivered ${run.deliveries.received}/${run.deliveries.expected}, p95 ${run.deliveryMs.p95} ms`);
    } catch (error) {
      input.results.errors.push(`fan-out with ${listeners} listeners: ${message(error)}`);
    }
  }
}

async function bigRoomScenario(input: { server: AppServer; sql: Sql; cookie: string; except: string; results: BenchResults }): Promise<void> {
  const room = await emptyRoom(input.sql, input.except);
  log(`big room: inserting ${bigRoomReplies} replies…`);
  const started = performance.now();
  const { topLevel, lastReplyId } = await fillRoom(input.sql, { roomId: room.roomId, authors: await memberIds(input.sql, room.clubId), count: bigRoomReplies });
  const insertMs = Math.round(performance.now() - started);
  const bigRoom = { ...room, replies: bigRoomReplies, topLevel, insertMs, endpoints: [] as EndpointResult[] };
  input.results.bigRoom = bigRoom;
  const requests = [
    { name: "replies JSON", path: `/api/rooms/${room.roomId}/replies`, check: expectReplyCount(bigRoomReplies) },
    { name: "room page HTML", path: `/clubs/${room.clubId}/rooms/${room.roomId}`, check: expectPageWithReply(lastReplyId) },
  ];
  for (const request of requests) {
    log(`big room: ${request.name}…`);
    try {
      bigRoom.endpoints.push(await measureEndpoint({ baseUrl: input.server.baseUrl, cookie: input.cookie, ...request }));
    } catch (error) {
      input.results.errors.push(`big room ${request.name}: ${message(error)}`);
    }
  }
}

async function unreadScenario(input: { server: AppServer; sql: Sql; cookie: string; databaseUrl: string; results: BenchResults }): Promise<void> {
  try {
    const [reader] = await input.sql<{ id: string }[]>`select id from users where email = ${demoUser.email}`;
    if (!reader) throw new Error(`${demoUser.email} is not in the seeded database.`);
    input.results.unread = await runUnreadScenario({ sql: input.sql, databaseUrl: input.databaseUrl, readerId: reader.id, baseUrl: input.server.baseUrl, cookie: input.cookie, log });
  } catch (error) {
    input.results.errors.push(`unread counts: ${message(error)}`);
  }
}

async function mentionScenario(input: { server: AppServer; sql: Sql; cookie: string; results: BenchResults }): Promise<void> {
  log("posting: plain replies vs replies that notify 11 (10 @mentions + the reply answered)…");
  try {
    // An empty room other than the big room's (now full) and the fan-out's.
    const room = await emptyRoom(input.sql, input.results.bigRoom?.roomId ?? "");
    input.results.mentionPosts = await runMentionPosts({ baseUrl: input.server.baseUrl, cookie: input.cookie, sql: input.sql, room });
  } catch (error) {
    input.results.errors.push(`mention posts: ${message(error)}`);
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  mkdirSync(resultsDir, { recursive: true });
  const cleanup = new Cleanup();
  cleanUpOnExit(cleanup);
  const results: BenchResults = {
    machine: describeMachine(),
    setup: { database: "", buildMs: null, serverStartupMs: null, serverStopMs: null, totalMs: 0 },
    fanout: null,
    bigRoom: null,
    unread: null,
    mentionPosts: null,
    errors: [],
  };
  try {
    const database = await createDatabase();
    results.setup.database = database.name;
    cleanup.add("drop database", () => dropDatabase(database.name));
    log(`database ${database.name} created`);

    if (canSkipBuild()) {
      log("reusing the build in .next-bench");
    } else {
      log("building the production app into .next-bench (logs in bench/results/build-*.log)…");
      results.setup.buildMs = await buildApp({ logDir: resultsDir, register: (stop) => cleanup.add("stop build", stop) });
    }

    log("starting the server (log in bench/results/server.log)…");
    const server = await startApp({
      databaseUrl: database.url,
      logDir: resultsDir,
      register: (stop) =>
        cleanup.add("stop server", async () => {
          const stopping = performance.now();
          await stop();
          // server.ts exits on its own in well under a second; ~10 s means its forced exit fired.
          results.setup.serverStopMs = Math.round(performance.now() - stopping);
        }),
    });
    results.setup.serverStartupMs = server.startupMs;
    log(`server healthy at ${server.baseUrl} after ${Math.round(server.startupMs)} ms`);

    const sql = openDatabase(database.url);
    cleanup.add("close bench connection", () => sql.end({ timeout: 5 }));
    const cookie = await signIn(server.baseUrl, demoUser);
    log(`signed in as ${demoUser.email}`);

    const room = await firstRoom(sql);
    await fanoutScenario({ server, sql, cookie, room, results });
    await bigRoomScenario({ server, sql, cookie, except: room.roomId, results });
    await unreadScenario({ server, sql, cookie, databaseUrl: database.url, results });
    // On a database of its own, so the app server's email round cannot take its work.
    try {
      results.digest = await runDigestBench(log);
    } catch (error) {
      results.errors.push(`digest: ${message(error)}`);
    }
    await mentionScenario({ server, sql, cookie, results });
  } catch (error) {
    results.errors.push(message(error));
  } finally {
    await cleanup.run();
    closeHttpPool();
  }
  results.setup.totalMs = Math.round(performance.now() - started);
  console.log(formatReport(results));
  console.log(`\nResults written to ${path.relative(process.cwd(), writeResults(resultsDir, results))}`);
  return results.errors.length === 0 ? 0 : 1;
}

// Exit explicitly: a stray handle (a socket the server never closed) must not keep the bench alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
