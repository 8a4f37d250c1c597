import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { encode } from "next-auth/jwt";
import { io as connectClient } from "socket.io-client";
import { readSessionStanding } from "@/db/queries/sessions";
import type { ClientSocket, TestUser } from "./realtime-harness";

// Real app processes for the multi-node tests (tests/integration/nodes*.test.ts): the production
// server as the E2E tests start it, against a production build already made (`npx next build`).

const projectRoot = path.resolve(import.meta.dirname, "../..");

/**
 * How an app node is started: the one place to change when `npm start` changes. Run from the
 * project root with PORT and the rest in the environment.
 */
const APP_START_COMMAND: { command: string; args: string[] } = { command: "npm", args: ["start", "--silent"] };

/** The build the nodes serve: NEXT_DIST_DIR, as next.config.js reads it, else .next. */
export function buildDir(): string {
  return path.join(projectRoot, process.env.NEXT_DIST_DIR ?? ".next");
}

export type AppNode = {
  baseUrl: string;
  logFile: string;
  /** SIGTERM to the node's process group, SIGKILL after 10 s. */
  stop: () => Promise<void>;
};

/** A shared secret: every node must sign and read the same session cookies. */
const NODE_SECRET = "chapterhouse-nodes-test-secret-0123456789";

/**
 * Starts one app node on `port` (loopback only) with the given environment on top of the
 * defaults below, and resolves once /api/health answers 200; rejects with the log's tail if it
 * exits or does not answer within two minutes.
 */
export async function startAppNode(input: { port: number; env: Record<string, string> }): Promise<AppNode> {
  const baseUrl = `http://127.0.0.1:${input.port}`;
  const logDir = await mkdtemp(path.join(os.tmpdir(), "chapterhouse-node-"));
  const logFile = path.join(logDir, "server.log");
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
    PORT: String(input.port),
    HOST: "127.0.0.1",
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: NODE_SECRET,
    ...input.env,
  };
  // Its own process group: npm runs tsx, which runs the server in a grandchild.
  const child: ChildProcess = spawn(APP_START_COMMAND.command, APP_START_COMMAND.args, { cwd: projectRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  const stop = async () => {
    signal("SIGTERM");
    await Promise.race([exited, sleep(10_000)]);
    signal("SIGKILL");
  };
  const tail = () => readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The node on ${input.port} exited with ${child.exitCode}:\n${tail()}`);
    const healthy = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return { baseUrl, logFile, stop };
    await sleep(250);
  }
  await stop();
  throw new Error(`The node on ${input.port} did not answer /api/health within 2 minutes:\n${tail()}`);
}

/** A session cookie as sign-in mints it for `user` (the user's current session version, a new session id). */
export async function nodeSessionCookie(user: TestUser): Promise<string> {
  const sessionVersion = (await readSessionStanding({ userId: user.id }))?.sessionVersion ?? 0;
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, sessionId: crypto.randomUUID(), sessionVersion }, secret: NODE_SECRET });
  return `next-auth.session-token=${token}`;
}

/** A Socket.IO client of `node` with `cookie`, once connected (rejects with the connect_error). */
export function connectToNode(node: AppNode, cookie: string): Promise<ClientSocket> {
  const socket: ClientSocket = connectClient(node.baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie },
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

/** The id Next gave a server action in the build (its server-reference manifest), for calling it over HTTP. */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(buildDir(), "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} of ${filename} in the build: run npx next build.`);
  return found[0];
}

/** Calls a server action on `node` as a page would (Next-Action header, the arguments as JSON); resolves with the HTTP status. */
export async function callServerAction(node: AppNode, input: { page: string; actionId: string; cookie: string; args: unknown[] }): Promise<number> {
  const response = await fetch(new URL(input.page, node.baseUrl), {
    method: "POST",
    headers: { "next-action": input.actionId, "content-type": "text/plain;charset=UTF-8", origin: node.baseUrl, cookie: input.cookie },
    body: JSON.stringify(input.args),
  });
  await response.arrayBuffer();
  return response.status;
}
