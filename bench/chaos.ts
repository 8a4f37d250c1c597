/**
 * `npm run chaos [-- --minutes 5 --clients 200 --clubs 20 --rate 20]`: issue 11's chaos test.
 * On a throwaway Postgres cluster of its own (initdb into a temp folder, a port in 55432-55439)
 * and two production app nodes (ports 3550-3569), `clients` members in `clubs` clubs sign in,
 * listen to every room of their club and post replies (about `rate` a second in all) for
 * `minutes`, while the script drops sockets every few seconds, kills a node with SIGKILL and
 * starts it again, and restarts Postgres with an immediate stop. Then it checks that every
 * acknowledged reply is stored once, every listener holds every reply of its rooms once (after
 * catch-up), and no event reached another club's socket; prints the counts; exits 1 on a failed
 * check. Not part of `npm test`. Reuses the build in .next-bench with --skip-build
 * (or BENCH_SKIP_BUILD=1). Node logs: bench/results/chaos-*.log.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { buildApp, canSkipBuild, freePort, projectRoot } from "./app-server";
import { ChaosClient } from "./chaos/client";
import { startCluster } from "./chaos/cluster";
import { createFixtures } from "./chaos/fixtures";
import { appNode, type AppNode } from "./chaos/nodes";
import { verify } from "./chaos/verify";
import { openDatabase } from "./database";
import { closeHttpPool, httpRequest } from "./http";
import { signIn } from "./session";

const logDir = path.join(projectRoot, "bench", "results");
const log = (text: string) => console.error(`[chaos ${new Date().toISOString().slice(11, 19)}] ${text}`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function options() {
  const { values } = parseArgs({
    options: {
      minutes: { type: "string", default: "5" },
      clients: { type: "string", default: "200" },
      clubs: { type: "string", default: "20" },
      rooms: { type: "string", default: "3" },
      rate: { type: "string", default: "20" },
      "skip-build": { type: "boolean", default: false },
    },
  });
  const number = (name: string, value: string | undefined) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive number, not ${value}`);
    return parsed;
  };
  const clients = Math.round(number("clients", values.clients));
  const clubs = Math.round(number("clubs", values.clubs));
  if (clients % clubs !== 0) throw new Error("--clients must be a multiple of --clubs.");
  return {
    minutes: number("minutes", values.minutes),
    clients,
    clubs,
    rooms: Math.round(number("rooms", values.rooms)),
    rate: number("rate", values.rate),
    skipBuild: values["skip-build"] === true || canSkipBuild(),
  };
}

/** Undo steps, newest first, each bounded so a stuck one cannot hang the exit. */
function cleanupStack() {
  const steps: { name: string; run: () => Promise<void> }[] = [];
  let done: Promise<void> | null = null;
  return {
    add: (name: string, run: () => Promise<void>) => void steps.push({ name, run }),
    run: () =>
      (done ??= (async () => {
        for (const step of [...steps].reverse()) {
          const timeout = new Promise<void>((resolve) => setTimeout(resolve, 20_000).unref());
          await Promise.race([step.run().catch((error: unknown) => log(`cleanup (${step.name}) failed: ${message(error)}`)), timeout]);
        }
      })()),
  };
}

type Chaos = { nodeKills: string[]; pgRestarts: string[]; forcedDrops: number; forcedMoves: number; unexpectedExits: string[] };

/** Drops a few random clients' sockets every 2-5 s until `until`: half lose only the transport, half reconnect anywhere. */
async function forceDisconnects(clients: ChaosClient[], until: number, chaos: Chaos): Promise<void> {
  while (Date.now() < until) {
    await sleep(2_000 + Math.random() * 3_000);
    if (Date.now() >= until) return;
    const count = 1 + Math.floor(Math.random() * 3);
    for (let index = 0; index < count; index++) {
      const client = clients[Math.floor(Math.random() * clients.length)];
      if (!client) continue;
      if (Math.random() < 0.5) {
        client.dropTransport();
        chaos.forcedDrops++;
      } else {
        client.reconnectElsewhere();
        chaos.forcedMoves++;
      }
    }
  }
}

/** The node kills and Postgres restarts, at set fractions of the run, one at a time. */
async function disasters(input: { nodes: AppNode[]; restartPostgres: () => Promise<{ downMs: number }>; started: number; durationMs: number; chaos: Chaos }): Promise<void> {
  const long = input.durationMs >= 3 * 60_000;
  const plan: { at: number; what: "kill" | "postgres"; node?: AppNode }[] = [
    { at: 0.25, what: "kill", node: input.nodes[0] },
    { at: 0.5, what: "postgres" },
    ...(long ? [{ at: 0.65, what: "kill" as const, node: input.nodes[1] }, { at: 0.85, what: "postgres" as const }] : []),
  ];
  for (const step of plan) {
    const wait = input.started + step.at * input.durationMs - Date.now();
    if (wait > 0) await sleep(wait);
    if (step.what === "kill" && step.node) {
      const node = step.node;
      log(`SIGKILL ${node.name} (${node.baseUrl})`);
      await node.kill();
      await sleep(3_000);
      const { startupMs } = await node.start();
      input.chaos.nodeKills.push(`${node.name} (healthy again ${startupMs} ms after its restart)`);
      log(`${node.name} healthy again after ${startupMs} ms`);
    } else {
      log("postgres: stop -m immediate, then start");
      const { downMs } = await input.restartPostgres();
      input.chaos.pgRestarts.push(`down ${downMs} ms`);
      log(`postgres back after ${downMs} ms`);
    }
  }
}

async function postLoop(client: ChaosClient, meanGapMs: number, stopAt: number, giveUpAt: number): Promise<void> {
  while (Date.now() < stopAt) {
    // Never past the end: a long gap drawn near it must not hold the run open.
    await sleep(Math.min(-Math.log(1 - Math.random()) * meanGapMs, Math.max(0, stopAt - Date.now())));
    if (Date.now() >= stopAt) return;
    await client.postOne(giveUpAt);
  }
}

/** "35 ms", or "down" / "no answer in 10 s". */
async function healthMs(baseUrl: string): Promise<string> {
  const started = Date.now();
  try {
    const response = await httpRequest(`${baseUrl}/api/health`, { timeoutMs: 10_000 });
    return response.status === 200 ? `${Date.now() - started} ms` : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error && error.name === "TimeoutError" ? "no answer in 10 s" : "down";
  }
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let index = 0; index < items.length; index += size) await Promise.all(items.slice(index, index + size).map(work));
}

async function main(): Promise<number> {
  const settings = options();
  mkdirSync(logDir, { recursive: true });
  const cleanup = cleanupStack();
  let exiting = false;
  const exit = (reason: string, code: number) => {
    if (exiting) process.exit(code);
    exiting = true;
    log(`${reason}: stopping the nodes and deleting the cluster…`);
    void cleanup.run().finally(() => process.exit(code));
  };
  process.on("SIGINT", () => exit("SIGINT", 130));
  process.on("SIGTERM", () => exit("SIGTERM", 143));
  process.on("uncaughtException", (error) => {
    console.error(error);
    exit("uncaught exception", 1);
  });
  process.on("unhandledRejection", (error) => {
    console.error(error);
    exit("unhandled rejection", 1);
  });

  try {
    if (settings.skipBuild) log("reusing the build in .next-bench");
    else {
      log("building the production app into .next-bench…");
      await buildApp({ logDir, register: (stop) => (cleanup.add("stop build", stop), () => undefined) });
    }

    const cluster = await startCluster(log);
    cleanup.add("delete the postgres cluster", cluster.destroy);
    const secret = randomBytes(24).toString("base64url");
    const ports = [await freePort(3550, 3569)];
    ports.push(await freePort((ports[0] ?? 3550) + 1, 3569));
    const nodes = ports.map((port, index) => appNode({ name: `node-${"ab"[index]}`, port, databaseUrl: cluster.url, secret, logDir, seedDemo: false }));
    const chaos: Chaos = { nodeKills: [], pgRestarts: [], forcedDrops: 0, forcedMoves: 0, unexpectedExits: [] };
    for (const node of nodes) {
      cleanup.add(`stop ${node.name}`, node.stop);
      node.onUnexpectedExit((code) => {
        chaos.unexpectedExits.push(`${node.name} exited with ${code}`);
        log(`${node.name} exited on its own (${code}); starting it again`);
        node.start().catch((error: unknown) => log(`${node.name} did not start again: ${message(error)}`));
      });
    }
    // One at a time: the first migrates the fresh database.
    for (const node of nodes) {
      const { startupMs } = await node.start();
      log(`${node.name} healthy at ${node.baseUrl} after ${startupMs} ms`);
    }

    const sql = openDatabase(cluster.url);
    cleanup.add("close the script's connection", () => sql.end({ timeout: 5 }));
    const membersPerClub = settings.clients / settings.clubs;
    const fixtures = await createFixtures(sql, { clubs: settings.clubs, membersPerClub, roomsPerClub: settings.rooms });
    log(`${settings.clubs} clubs, ${settings.clubs * settings.rooms} rooms, ${fixtures.members.length} members created`);

    const baseUrls = nodes.map((node) => node.baseUrl);
    const clients = fixtures.members.map((member, index) => {
      const club = fixtures.clubs[member.clubIndex];
      if (!club) throw new Error(`No club ${member.clubIndex}`);
      return new ChaosClient({ ...member, password: fixtures.password }, club, () => baseUrls, baseUrls[index % baseUrls.length] ?? "", signIn);
    });
    cleanup.add("close the clients", async () => {
      for (const client of clients) client.close();
      closeHttpPool();
    });
    log(`signing ${clients.length} members in…`);
    await inBatches(clients, 8, (client) => client.signIn());
    for (const client of clients) client.connect();
    const connectDeadline = Date.now() + 60_000;
    while (clients.some((client) => !client.connected) && Date.now() < connectDeadline) await sleep(250);
    log(`${clients.filter((client) => client.connected).length}/${clients.length} clients connected`);
    await sleep(2_000);

    const durationMs = settings.minutes * 60_000;
    const started = Date.now();
    const stopAt = started + durationMs;
    const giveUpAt = stopAt + 60_000;
    const meanGapMs = (settings.clients / settings.rate) * 1000;
    log(`posting and listening for ${settings.minutes} min (~${settings.rate} replies/s in all)…`);
    const progress = setInterval(() => {
      const posts = clients.flatMap((client) => client.posts);
      const acked = posts.filter((post) => post.outcome.acknowledged).length;
      const line = `  ${Math.round((Date.now() - started) / 1000)} s: ${acked}/${posts.length} posts acknowledged, ${clients.filter((client) => client.connected).length} clients connected`;
      // How long each node takes to answer its health check (a query), and the machine's load: a node that is merely slow shows here.
      void Promise.all(nodes.map((node) => healthMs(node.baseUrl))).then((times) =>
        log(`${line}; health ${nodes.map((node, index) => `${node.name} ${times[index]}`).join(", ")}; load ${loadavg()[0]?.toFixed(1)}`),
      );
    }, 15_000);
    cleanup.add("stop the progress line", async () => clearInterval(progress));
    await Promise.all([
      ...clients.map((client) => postLoop(client, meanGapMs, stopAt, giveUpAt)),
      forceDisconnects(clients, stopAt, chaos),
      disasters({ nodes, restartPostgres: cluster.restartImmediate, started, durationMs, chaos }),
    ]);
    clearInterval(progress);
    log("posting stopped; letting live events settle, then every client catches up…");
    await sleep(3_000);
    const caughtUp = await Promise.all(clients.map((client) => client.finalCatchUp(150_000)));
    const notCaughtUp = caughtUp.filter((ok) => !ok).length;

    const verdict = await verify(sql, clients, fixtures.clubs.flatMap((club) => club.roomIds));
    const lines = [
      "",
      `Chaos run: ${settings.clients} clients in ${settings.clubs} clubs (${settings.rooms} rooms each), 2 nodes, ${settings.minutes} min, ~${settings.rate} replies/s`,
      ...Object.entries(verdict.counts).map(([name, value]) => `  ${name}: ${value}`),
      `  clients that could not catch up at the end: ${notCaughtUp}`,
      `  node kills (SIGKILL + restart): ${chaos.nodeKills.length} — ${chaos.nodeKills.join("; ") || "none"}`,
      `  postgres restarts (immediate stop): ${chaos.pgRestarts.length} — ${chaos.pgRestarts.join("; ") || "none"}`,
      `  forced disconnects: ${chaos.forcedDrops + chaos.forcedMoves} (${chaos.forcedDrops} transport drops, ${chaos.forcedMoves} reconnects to either node)`,
      `  nodes that exited on their own: ${chaos.unexpectedExits.length}${chaos.unexpectedExits.length ? ` — ${chaos.unexpectedExits.join("; ")}` : ""}`,
      "Checks:",
      ...verdict.checks.flatMap((check) => [`  ${check.pass ? "PASS" : "FAIL"} ${check.name}: ${check.detail}`, ...check.examples.map((example) => `         ${example}`)]),
    ];
    const chaosHappened = chaos.nodeKills.length >= 1 && chaos.pgRestarts.length >= 1 && chaos.forcedDrops + chaos.forcedMoves >= 1;
    if (!chaosHappened) lines.push("  FAIL the run did not kill a node, restart Postgres and force disconnects at least once each");
    console.log(lines.join("\n"));
    return verdict.checks.every((check) => check.pass) && chaosHappened && notCaughtUp === 0 ? 0 : 1;
  } finally {
    await cleanup.run();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
