import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { httpRequest } from "./http";

export const projectRoot = path.resolve(import.meta.dirname, "..");
const distDir = ".next-bench";
/** A binary of the project's node_modules/.bin. */
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

/**
 * How the bench starts the production server, the one place to change it: server.ts bundled by
 * `npm run build:server` (esbuild) into dist/server.mjs, run by plain node as `npm start` does.
 */
const serverBundle = path.join("dist", "server.mjs");
const serverCommand = { command: process.execPath, args: [serverBundle] };

/** The first port in the range nobody listens on (the bench owns 3400-3499). */
export async function freePort(from = 3400, to = 3499): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${from}-${to}.`);
}

export type Running = { child: ChildProcess; exited: Promise<number | null> };

// Each child leads its own process group so that stopping it also stops what it spawned
// (tsx runs the server in a grandchild; next build has workers).
export function launch(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Running {
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: projectRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    // A child that could not be spawned at all emits only "error".
    child.once("error", () => resolve(null));
  });
  return { child, exited };
}

/** Sends `signal` to the child's whole process group (what it spawned included); a gone group is fine. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM, then SIGKILL if the group has not exited within `graceMs`. */
export async function stopGroup(running: Running, graceMs: number): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) {
    signalGroup(running.child, "SIGKILL");
    return;
  }
  signalGroup(running.child, "SIGTERM");
  const exited = await Promise.race([running.exited.then(() => true), sleep(graceMs).then(() => false)]);
  // Even after a clean exit of the leader, stragglers of its group must not outlive the bench.
  signalGroup(running.child, "SIGKILL");
  if (!exited) await Promise.race([running.exited, sleep(2_000)]);
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** The environment of a child: this process's, telemetry off, plus `extra`. */
export const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra });

/** Whether a previous build can be reused (BENCH_SKIP_BUILD=1 and a finished build is there). */
export function canSkipBuild(): boolean {
  return process.env.BENCH_SKIP_BUILD === "1" && existsSync(path.join(projectRoot, distDir, "BUILD_ID")) && existsSync(path.join(projectRoot, serverBundle));
}

/** Hands a stop function to the caller's cleanup (so Ctrl-C stops the child); returns an unregister. */
type Register = (stop: () => Promise<void>) => () => void;

/**
 * Builds the production app into .next-bench. It runs as "compile" then "generate": together
 * they produce what a plain `next build` does, minus its TypeScript step, which would rewrite the
 * shared tsconfig.json and next-env.d.ts to point at .next-bench and fail the bench on type
 * errors in files other engineers are mid-way through editing. Compile errors still fail it.
 * Then server.ts is bundled into dist/server.mjs (`npm run build:server`), which startApp runs.
 */
export async function buildApp(input: { logDir: string; register: Register }): Promise<number> {
  const started = performance.now();
  const steps = [
    ...["compile", "generate"].map((mode) => ({ mode, command: bin("next"), args: ["build", `--experimental-build-mode=${mode}`] })),
    { mode: "server", command: "npm", args: ["run", "--silent", "build:server"] },
  ];
  for (const { mode, command, args } of steps) {
    const logFile = path.join(input.logDir, `build-${mode}.log`);
    const running = launch(command, args, childEnv({ NEXT_DIST_DIR: distDir }), logFile);
    const unregister = input.register(() => stopGroup(running, 2_000));
    const code = await Promise.race([running.exited, sleep(10 * 60_000).then(() => "timeout" as const)]);
    unregister();
    if (code !== 0) {
      await stopGroup(running, 2_000);
      throw new Error(`next build (${mode}) ${code === "timeout" ? "timed out" : `exited with ${code}`}:\n${tail(logFile)}`);
    }
  }
  return Math.round(performance.now() - started);
}

export type AppServer = { baseUrl: string; pid: number; startupMs: number; stop: () => Promise<void> };

/** Polls /api/health until it answers 200; throws when the child exits or `timeoutMs` passes. */
export async function waitForHealth(baseUrl: string, running: Running, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`The server exited with ${running.child.exitCode}:\n${tail(logFile)}`);
    const ok = await httpRequest(`${baseUrl}/api/health`, { timeoutMs: 2_000 })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

/**
 * Starts the bundled server.ts (dist/server.mjs, as `npm start` does) in production mode (it
 * migrates and seeds) and waits until it is healthy. `name` names its log (`<name>.log`, default
 * "server"): a second node of the same database needs its own. `env` adds to (or overrides) the
 * server's environment.
 */
export async function startApp(input: { databaseUrl: string; logDir: string; register: Register; name?: string; env?: Record<string, string> }): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(input.logDir, `${input.name ?? "server"}.log`);
  const env = childEnv({
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    PORT: String(port),
    // Listen on loopback only; the app's default is every interface.
    HOST: "127.0.0.1",
    // The bench measures delivery, not the rate limits: one poster sends 20 replies a second and
    // hundreds of listeners share a few accounts, far past what a member may do (README, Limits).
    LIMIT_REPLIES_PER_MINUTE: "1000000",
    LIMIT_SOCKETS_PER_USER: "1000000",
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: "chapterhouse-bench-secret-not-for-production",
    DATABASE_URL: input.databaseUrl,
    SEED_DEMO: "true",
    ...input.env,
  });
  const started = performance.now();
  const running = launch(serverCommand.command, serverCommand.args, env, logFile);
  const stop = () => stopGroup(running, 10_000);
  input.register(stop);
  await waitForHealth(baseUrl, running, logFile, 120_000);
  return { baseUrl, pid: running.child.pid ?? 0, startupMs: Math.round(performance.now() - started), stop };
}

/**
 * Starts bench/floor-server.ts (the floor: insert then broadcast, nothing else) on a bench port
 * against the bench's database, after Chapterhouse migrated it (the floor copies `replies`' shape).
 * Run by node with tsx's loader in-process, so the server is one node process (plus esbuild's service).
 */
export async function startFloor(input: { databaseUrl: string; logDir: string; register: Register }): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(input.logDir, "floor.log");
  const env = childEnv({ NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: input.databaseUrl });
  const started = performance.now();
  const running = launch(process.execPath, ["--import", "tsx", path.join("bench", "floor-server.ts")], env, logFile);
  const stop = () => stopGroup(running, 5_000);
  input.register(stop);
  await waitForHealth(baseUrl, running, logFile, 60_000);
  return { baseUrl, pid: running.child.pid ?? 0, startupMs: Math.round(performance.now() - started), stop };
}
