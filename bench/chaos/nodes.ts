import path from "node:path";
import { performance } from "node:perf_hooks";
import { childEnv, launch, signalGroup, stopGroup, waitForHealth, type Running } from "../app-server";

// The two app nodes of the chaos run: each a production server on its own port in 3550-3569,
// against the throwaway cluster, which can be killed (SIGKILL, its whole process group) and
// started again on the same port.

/**
 * How a production node is started: the one place to change when `npm start` changes (today
 * `NODE_ENV=production node dist/server.mjs`, reading the build in .next-bench like the bench's server).
 */
function productionServerCommand(): { command: string; args: string[]; env: Record<string, string> } {
  return { command: process.execPath, args: [path.join("dist", "server.mjs")], env: { NODE_ENV: "production", NEXT_DIST_DIR: ".next-bench" } };
}

export type AppNode = {
  name: string;
  baseUrl: string;
  /** Whether the node is meant to be up (false between a kill and its restart). */
  readonly up: boolean;
  /** Starts (or starts again) and waits for /api/health. */
  start: () => Promise<{ startupMs: number }>;
  /** SIGKILL to the whole process group: no shutdown, sockets and requests cut mid-flight. */
  kill: () => Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s; the node cannot be started again after this. */
  stop: () => Promise<void>;
  /** Exits the script did not cause (a crash): the node is started again by the caller. */
  readonly unexpectedExits: number;
  onUnexpectedExit: (handler: (code: number | null) => void) => void;
};

/** The rate limits raised for the run: 200 clients post, reconnect and rejoin far more than a member would. */
const raisedLimits: Record<string, string> = {
  LIMIT_REPLIES_PER_MINUTE: "1000000",
  LIMIT_EDITS_PER_MINUTE: "1000000",
  LIMIT_SOCKET_EVENTS_PER_10_SECONDS: "1000000",
  LIMIT_SOCKETS_PER_USER: "1000000",
  LIMIT_SIGN_IN_FAILURES_PER_ADDRESS: "1000000",
  LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS: "1000000",
  LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT: "1000000",
};

export function appNode(input: { name: string; port: number; databaseUrl: string; secret: string; logDir: string; seedDemo: boolean }): AppNode {
  const baseUrl = `http://127.0.0.1:${input.port}`;
  let running: Running | null = null;
  let up = false;
  let starts = 0;
  // Once stopped for good (the end of the run, Ctrl-C), a restart still pending must not start an orphan.
  let stopped = false;
  let unexpectedExits = 0;
  let exitHandler: (code: number | null) => void = () => {};
  const { command, args, env } = productionServerCommand();

  const node: AppNode = {
    name: input.name,
    baseUrl,
    get up() {
      return up;
    },
    get unexpectedExits() {
      return unexpectedExits;
    },
    onUnexpectedExit: (handler) => {
      exitHandler = handler;
    },
    start: async () => {
      if (stopped) throw new Error(`${input.name} was stopped for good.`);
      starts += 1;
      const logFile = path.join(input.logDir, `chaos-${input.name}-${starts}.log`);
      const started = performance.now();
      const current = launch(
        command,
        args,
        childEnv({
          ...env,
          ...raisedLimits,
          PORT: String(input.port),
          HOST: "127.0.0.1",
          NEXTAUTH_URL: baseUrl,
          // Both nodes sign and read the same session tokens.
          NEXTAUTH_SECRET: input.secret,
          DATABASE_URL: input.databaseUrl,
          // Production's default with DATABASE_URL (docs/decisions/0021), named so a REDIS_URL around cannot switch it.
          REALTIME_ADAPTER: "postgres",
          SEED_DEMO: input.seedDemo ? "true" : "false",
        }),
        logFile,
      );
      running = current;
      up = true;
      void current.exited.then((code) => {
        if (running !== current || !up) return;
        up = false;
        unexpectedExits += 1;
        exitHandler(code);
      });
      await waitForHealth(baseUrl, current, logFile, 120_000);
      return { startupMs: Math.round(performance.now() - started) };
    },
    kill: async () => {
      const current = running;
      up = false;
      if (!current) return;
      signalGroup(current.child, "SIGKILL");
      await current.exited;
    },
    stop: async () => {
      stopped = true;
      const current = running;
      up = false;
      if (current) await stopGroup(current, 10_000);
    },
  };
  return node;
}
