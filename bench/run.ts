/**
 * `npm run bench`: builds and starts the production app against a throwaway Postgres database,
 * starts the floor (bench/floor-server.ts) beside it, runs every comparison scenario against both
 * in the same run (fan-out, single-room writes, pages, memory, two-node delivery), then the
 * Chapterhouse-only sections (unread counts, mentions, digest, search); prints a table and writes
 * bench/results/latest.json. A measurement, not a test: it only fails when it cannot measure.
 *
 * `npm run bench -- --only=writes,fanout` (or BENCH_ONLY=writes,fanout) runs some sections only.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient } from "redis";
import { buildApp, canSkipBuild, projectRoot, startApp, startFloor, type AppServer } from "./app-server";
import { emptyComparison, type RssResult, type TargetName } from "./compare";
import { createDatabase, currentSeq, dropDatabase, emptyRoom, firstRoom, openDatabase, type Sql, type Target } from "./database";
import { connectSockets, runFanout, type FanoutResult } from "./fanout";
import { runDigestBench } from "./digest";
import { runMentionPosts } from "./mentions";
import { closeHttpPool } from "./http";
import { runPages } from "./pages";
import { describeMachine, formatReport, writeResults, type BenchResults } from "./report";
import { groupRss } from "./rss";
import { signIn } from "./session";
import { runSearchBench, searchSection, type SearchResult } from "./search";
import { runUnreadScenario } from "./unread";
import { runWrites, type WritesResult } from "./writes";

const resultsDir = path.join(projectRoot, "bench", "results");
const demoUser = { email: "kathy@example.com", password: "never-let-me-go" };
const listenerCounts = [50, 200, 500];
const repliesPerSecond = 20;
const durationSeconds = 10;
const posterCounts = [1, 8, 32];
const writeRuns = 3;
const writeRunMs = 4_000;
const socketsForRss = 500;
const crossNodeListeners = 50;
/**
 * The single Chapterhouse node's live adapter: production's default with DATABASE_URL set ("auto"
 * resolves to postgres; docs/decisions/0021), named here so a REDIS_URL in the bench's own
 * environment cannot switch it.
 */
const singleNodeAdapter = "postgres";
/** Redis for the Redis streams adapter's cross-node figure; that run is skipped when it does not answer. */
const benchRedisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

const sectionNames = ["rss", "fanout", "writes", "pages", "crossnode", "unread", "mentions", "digest", "search"] as const;
type Section = (typeof sectionNames)[number];
/** The sections that start the floor beside Chapterhouse. */
const floorSections: Section[] = ["rss", "fanout", "writes", "pages"];

/** From `--only=a,b` or BENCH_ONLY=a,b; every section when neither is given. Exits on an unknown name. */
function chosenSections(): Set<Section> {
  const flag = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length) ?? process.env.BENCH_ONLY ?? "";
  const names = flag.split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) return new Set(sectionNames);
  const unknown = names.filter((name) => !(sectionNames as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.error(`Unknown bench section(s): ${unknown.join(", ")}. Sections: ${sectionNames.join(", ")}.`);
    process.exit(2);
  }
  return new Set(names as Section[]);
}

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

/** A server under test as the scenarios see it: where it is, how to sign in, and its process group (for CPU and RSS). */
type Server = { name: TargetName; server: AppServer; cookie: string };

async function fanoutScenario(input: { servers: Server[]; sql: Sql; room: Target; results: BenchResults }): Promise<void> {
  const { fanout } = input.results.comparison;
  for (const listeners of listenerCounts) {
    for (const target of input.servers) {
      log(`fan-out (${target.name}): ${listeners} listeners, ${repliesPerSecond} replies/s for ${durationSeconds} s…`);
      try {
        const run = await runFanout({
          baseUrl: target.server.baseUrl,
          cookie: target.cookie,
          roomId: input.room.roomId,
          afterSeq: await currentSeq(input.sql, input.room.roomId),
          listeners,
          repliesPerSecond,
          durationSeconds,
          batchSize: 50,
          serverGroupId: target.server.pid,
        });
        (fanout[target.name] ??= [] as FanoutResult[]).push(run);
        log(`  delivered ${run.deliveries.received}/${run.deliveries.expected}, p99 ${run.deliveryMs.p99} ms`);
      } catch (error) {
        input.results.errors.push(`fan-out (${target.name}) with ${listeners} listeners: ${message(error)}`);
      }
    }
  }
}

async function writesScenario(input: { servers: Server[]; room: Target; results: BenchResults }): Promise<void> {
  const { writes } = input.results.comparison;
  for (const posters of posterCounts) {
    for (const target of input.servers) {
      log(`writes (${target.name}): ${posters} posters, ${writeRuns} runs of ${writeRunMs / 1000} s…`);
      try {
        const result = await runWrites({ baseUrl: target.server.baseUrl, cookie: target.cookie, roomId: input.room.roomId, posters, runs: writeRuns, durationMs: writeRunMs });
        (writes[target.name] ??= [] as WritesResult[]).push(result);
        log(`  ${result.repliesPerSecond} replies/s, POST p99 ${result.postP99Ms} ms, ${result.errors} errors`);
      } catch (error) {
        input.results.errors.push(`writes (${target.name}) with ${posters} posters: ${message(error)}`);
      }
    }
  }
}

const rssOf = (target: Server) => groupRss(target.server.pid);

/** Idle RSS after start, then the RSS that `socketsForRss` joined sockets add, per socket. */
async function rssScenario(input: { servers: Server[]; room: Target; results: BenchResults }): Promise<void> {
  for (const target of input.servers) {
    log(`memory (${target.name}): idle, then ${socketsForRss} sockets…`);
    const entry: RssResult = { idleAtStart: rssOf(target), idleAtEnd: null, perSocketKib: null, sockets: socketsForRss, joined: 0 };
    input.results.comparison.rss[target.name] = entry;
    try {
      const before = rssOf(target);
      const sockets = await connectSockets({
        baseUrl: target.server.baseUrl,
        cookie: target.cookie,
        roomId: input.room.roomId,
        afterSeq: 0,
        count: socketsForRss,
        repliesPerSecond,
        durationSeconds,
        batchSize: 50,
        serverGroupId: target.server.pid,
      });
      await sleep(2_000);
      const after = rssOf(target);
      entry.joined = sockets.joined;
      if (before && after && sockets.joined > 0) entry.perSocketKib = Math.round(((after.server - before.server) * 1024 * 10) / sockets.joined) / 10;
      await sockets.close();
    } catch (error) {
      input.results.errors.push(`memory per socket (${target.name}): ${message(error)}`);
    }
  }
}

type CrossNodeRun = { run: FanoutResult | null; note: string | null };

/** Listeners on `first` (same-node) and `second` (cross-node), posts to `first`; what the other node's listeners got. */
async function measureCrossNode(input: { first: string; firstPid: number; second: string; cookie: string; sql: Sql; room: Target }): Promise<CrossNodeRun> {
  const run = await runFanout({
    baseUrl: input.first,
    cookie: input.cookie,
    roomId: input.room.roomId,
    afterSeq: await currentSeq(input.sql, input.room.roomId),
    listeners: crossNodeListeners * 2,
    listenOn: [
      { label: "same-node", baseUrl: input.first, count: crossNodeListeners },
      { label: "cross-node", baseUrl: input.second, count: crossNodeListeners },
    ],
    repliesPerSecond,
    durationSeconds,
    batchSize: 50,
    serverGroupId: input.firstPid,
  });
  const same = run.groups.find((group) => group.label === "same-node");
  const other = run.groups.find((group) => group.label === "cross-node");
  // Nothing on the other node while its own listeners heard every reply: the adapter shares nothing.
  const note = other && other.expected > 0 && other.received === 0 ? (same && same.received > 0 ? "no adapter (0 delivered)" : "nothing delivered on either node") : null;
  log(note ? `cross-node: ${note}` : `cross-node: delivered ${other?.received}/${other?.expected}, p99 ${other?.deliveryMs.p99} ms (same-node p99 ${same?.deliveryMs.p99} ms)`);
  return { run, note };
}

/** Whether Redis answers at `url` (a PING within 2 s). */
async function redisAnswers(url: string): Promise<boolean> {
  const client = createClient({ url, socket: { connectTimeout: 2_000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.quit().catch(() => {});
  }
}

/** Deletes every key under `prefix` (the run's own), so the shared Redis keeps nothing of the bench. */
async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const client = createClient({ url });
  client.on("error", () => {});
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...(Array.isArray(batch) ? batch : [batch]));
    if (keys.length > 0) await client.del(keys);
    return keys.length;
  } finally {
    await client.quit();
  }
}

/**
 * Two-node delivery: a second node on the same database beside the main one (both on the Postgres
 * adapter), then, when Redis answers, two more nodes on the Redis streams adapter under a key
 * prefix of this run's own (deleted afterwards). Every node shares NEXTAUTH_SECRET, so the main
 * node's session cookie is good on all of them.
 */
async function crossNodeScenario(input: { main: Server; databaseUrl: string; cleanup: Cleanup; sql: Sql; room: Target; results: BenchResults }): Promise<void> {
  const cross = { listenersPerNode: crossNodeListeners, repliesPerSecond, durationSeconds, run: null as FanoutResult | null, note: null as string | null, redis: null as ({ adapter: string } & CrossNodeRun) | null };
  input.results.comparison.crossNode = cross;
  const started: AppServer[] = [];
  const unregisters: (() => void)[] = [];
  const startNode = async (name: string, env: Record<string, string>) => {
    const node = await startApp({ databaseUrl: input.databaseUrl, logDir: resultsDir, name, env, register: (stop) => {
        const unregister = input.cleanup.add(`stop ${name}`, stop);
        unregisters.push(unregister);
        return unregister;
      },
    });
    started.push(node);
    return node;
  };
  // Stopped as soon as each measurement is over; the cleanup steps only if something failed before.
  const stopAll = async () => {
    for (const node of started.splice(0)) await node.stop();
    for (const unregister of unregisters.splice(0)) unregister();
  };
  try {
    log("cross-node (postgres adapter): starting a second Chapterhouse node on the same database (log in bench/results/node-b.log)…");
    const nodeB = await startNode("node-b", { REALTIME_ADAPTER: singleNodeAdapter });
    log(`cross-node: ${crossNodeListeners} listeners on each node, posting to the first…`);
    Object.assign(cross, await measureCrossNode({ first: input.main.server.baseUrl, firstPid: input.main.server.pid, second: nodeB.baseUrl, cookie: input.main.cookie, sql: input.sql, room: input.room }));
  } catch (error) {
    input.results.errors.push(`cross-node (postgres): ${message(error)}`);
  } finally {
    await stopAll();
  }

  if (!(await redisAnswers(benchRedisUrl))) {
    log(`cross-node (redis adapter): no Redis at ${benchRedisUrl}, skipped`);
    return;
  }
  const prefix = `chapterhouse-bench-${process.pid}-${Date.now()}`;
  const removeKeys = input.cleanup.add("delete the bench's Redis keys", () => deleteRedisKeys(benchRedisUrl, prefix).then(() => undefined));
  try {
    log(`cross-node (redis adapter): two more nodes, REDIS_KEY_PREFIX=${prefix} (logs in bench/results/node-redis-*.log)…`);
    const env = { REALTIME_ADAPTER: "redis", REDIS_URL: benchRedisUrl, REDIS_KEY_PREFIX: prefix };
    const first = await startNode("node-redis-a", env);
    const second = await startNode("node-redis-b", env);
    cross.redis = { adapter: "redis streams", ...(await measureCrossNode({ first: first.baseUrl, firstPid: first.pid, second: second.baseUrl, cookie: input.main.cookie, sql: input.sql, room: input.room })) };
  } catch (error) {
    input.results.errors.push(`cross-node (redis): ${message(error)}`);
  } finally {
    await stopAll();
    removeKeys();
    await deleteRedisKeys(benchRedisUrl, prefix).then(
      (count) => log(`cross-node (redis adapter): deleted ${count} Redis keys under ${prefix}`),
      (error: unknown) => input.results.errors.push(`deleting the bench's Redis keys: ${message(error)}`),
    );
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

async function mentionScenario(input: { server: AppServer; sql: Sql; cookie: string; except: string; results: BenchResults }): Promise<void> {
  log("posting: plain replies vs replies that notify 11 (10 @mentions + the reply answered)…");
  try {
    // An empty room other than the big room's (now full) and the fan-out's.
    const room = await emptyRoom(input.sql, input.except);
    input.results.mentionPosts = await runMentionPosts({ baseUrl: input.server.baseUrl, cookie: input.cookie, sql: input.sql, room });
  } catch (error) {
    input.results.errors.push(`mention posts: ${message(error)}`);
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const sections = chosenSections();
  const wants = (section: Section) => sections.has(section);
  mkdirSync(resultsDir, { recursive: true });
  const cleanup = new Cleanup();
  cleanUpOnExit(cleanup);
  const results: BenchResults = {
    machine: describeMachine(),
    setup: { database: "", sections: [...sections], buildMs: null, serverStartupMs: null, floorStartupMs: null, serverStopMs: null, totalMs: 0, adapter: singleNodeAdapter },
    comparison: emptyComparison(repliesPerSecond, durationSeconds),
    unread: null,
    mentionPosts: null,
    errors: [],
  };
  let search: SearchResult | null = null;
  log(`sections: ${[...sections].join(", ")}; load average at start ${results.machine.loadAverage1m} on ${results.machine.cores} cores`);
  try {
    // The digest and search sections run on databases of their own, without the app server.
    const needsApp = [...sections].some((section) => section !== "digest" && section !== "search");
    if (needsApp) {
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
        env: { REALTIME_ADAPTER: singleNodeAdapter },
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
      const chapterhouse: Server = { name: "chapterhouse", server, cookie };
      const servers: Server[] = [];

      if (floorSections.some(wants)) {
        log("starting the floor (log in bench/results/floor.log)…");
        try {
          const floor = await startFloor({ databaseUrl: database.url, logDir: resultsDir, register: (stop) => cleanup.add("stop floor", stop) });
          results.setup.floorStartupMs = floor.startupMs;
          servers.push({ name: "floor", server: floor, cookie: "" });
          log(`floor healthy at ${floor.baseUrl}`);
        } catch (error) {
          results.errors.push(`floor: ${message(error)}`);
        }
      }
      servers.push(chapterhouse);
      // Let start-up work (JIT, the first GCs) settle before the idle figure.
      await sleep(3_000);

      const room = await firstRoom(sql);
      if (wants("rss")) await rssScenario({ servers, room, results });
      if (wants("fanout")) await fanoutScenario({ servers, sql, room, results });
      if (wants("writes")) await writesScenario({ servers, room: await emptyRoom(sql, room.roomId), results });
      if (wants("pages")) {
        try {
          const floor = servers.find((target) => target.name === "floor");
          results.comparison.pages = await runPages({
            sql,
            floor: floor ? { baseUrl: floor.server.baseUrl, cookie: "" } : null,
            chapterhouse: { baseUrl: server.baseUrl, cookie },
            except: room.roomId,
            errors: results.errors,
            log,
          });
        } catch (error) {
          results.errors.push(`pages: ${message(error)}`);
        }
      }
      if (wants("crossnode")) await crossNodeScenario({ main: chapterhouse, databaseUrl: database.url, cleanup, sql, room, results });
      if (wants("rss")) {
        log("memory: idle at the end of the run…");
        await sleep(5_000);
        for (const target of servers) {
          const entry = results.comparison.rss[target.name];
          if (entry) entry.idleAtEnd = rssOf(target);
        }
      }
      if (wants("unread")) await unreadScenario({ server, sql, cookie, databaseUrl: database.url, results });
      if (wants("mentions")) await mentionScenario({ server, sql, cookie, except: room.roomId, results });
    }
    // On a database of its own, so the app server's email round cannot take its work.
    if (wants("digest")) {
      try {
        results.digest = await runDigestBench(log);
      } catch (error) {
        results.errors.push(`digest: ${message(error)}`);
      }
    }
    if (wants("search")) {
      try {
        search = await runSearchBench(log);
      } catch (error) {
        results.errors.push(`search: ${message(error)}`);
      }
    }
  } catch (error) {
    results.errors.push(message(error));
  } finally {
    await cleanup.run();
    closeHttpPool();
  }
  results.setup.totalMs = Math.round(performance.now() - started);
  console.log(formatReport(results));
  if (search) console.log(`\n${searchSection(search)}`);
  const written: BenchResults & { search: SearchResult | null } = { ...results, search };
  console.log(`\nResults written to ${path.relative(process.cwd(), writeResults(resultsDir, written))}`);
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
