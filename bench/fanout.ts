import { randomBytes, randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../lib/realtime/events";
import type { ReplyView } from "../lib/discussion/reply-view";
import { cpuSnapshot, cpuUsage, type CpuUsage } from "./cpu";
import { httpRequest } from "./http";
import { round, roundSummary, summarize, type Summary } from "./stats";

type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type FanoutOptions = {
  /** Where replies are posted; listeners connect here too unless `listenOn` says otherwise. */
  baseUrl: string;
  /** The session cookie ("" for the floor, which has no sign-in). */
  cookie: string;
  roomId: string;
  /** The room's reply_seq right now: listeners join "after" it, like a page that just loaded. */
  afterSeq: number;
  listeners: number;
  repliesPerSecond: number;
  durationSeconds: number;
  batchSize: number;
  serverGroupId: number;
  /** Listener groups on other nodes (cross-node delivery); default: all `listeners` on `baseUrl`, labelled "same-node". */
  listenOn?: ListenerGroup[];
};

type ListenerGroup = { label: string; baseUrl: string; count: number };

/** One listener group's deliveries: e.g. same-node against cross-node. */
type GroupResult = { label: string; listeners: number; expected: number; received: number; lost: number; deliveryMs: Summary };

export type FanoutResult = {
  listenersRequested: number;
  listenersJoined: number;
  listenerFailures: number;
  firstListenerError: string | null;
  disconnectedDuringRun: number;
  joinMs: Summary;
  replies: { scheduled: number; created: number; failed: number; statuses: Record<string, number> };
  deliveries: { expected: number; received: number; lost: number; duplicates: number };
  deliveryMs: Summary;
  groups: GroupResult[];
  /** Per reply: the first listener's delivery latency, i.e. the POST path up to the broadcast. */
  firstDeliveryMs: Summary;
  /** Per reply: last listener's receipt minus the first's, i.e. the cost of the fan-out itself. */
  spreadMs: Summary;
  postMs: Summary;
  /** How late the bench fired posts against the timetable: large values mean the client fell behind. */
  sendLagMs: Summary;
  benchEventLoopDelayMs: { p99: number; max: number };
  /** Over the posting window; null off Linux. */
  cpu: CpuUsage | null;
  loadAverage1m: number;
};

type Listener = {
  group: string;
  socket: RealtimeSocket;
  /** Probe number → when this listener first heard of it (performance.now()). */
  received: Map<number, number>;
  duplicates: number;
  disconnected: boolean;
};

type PostOutcome = { index: number; sentAt: number; status: number; elapsedMs: number };

const connectTimeoutMs = 10_000;
const ackTimeoutMs = 10_000;
const postTimeoutMs = 15_000;
const stragglerWindowMs = 5_000;

// Each reply carries `probe-<run>-<n>` in plain text; it survives Markdown rendering into
// bodyHtml unchanged, so a delivery can be matched even before the POST has answered.
const markerPattern = /probe-([a-z0-9]+)-(\d+)/;

function probeBody(runTag: string, index: number): string {
  return (
    `probe-${runTag}-${index}: rereading the Cottages chapters, I noticed how the older veterans set the rules ` +
    `and nobody questions them. It mirrors Hailsham in a smaller, sadder way, and it made me wonder whether ` +
    `Kathy ever really left the school behind or just carried its habits with her into every place she lived.`
  );
}

function waitForConnect(socket: RealtimeSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("connect timed out")), connectTimeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once("connect_error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function joinRoom(socket: RealtimeSocket, roomId: string, afterSeq: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("room:join ack timed out")), ackTimeoutMs);
    socket.emit("room:join", { roomId, afterSeq }, (result) => {
      clearTimeout(timer);
      if (result.ok) resolve();
      else reject(new Error(`room:join refused: ${result.error}`));
    });
  });
}

async function openListener(options: FanoutOptions, runTag: string, group: ListenerGroup): Promise<{ listener: Listener; joinMs: number }> {
  const started = performance.now();
  const socket: RealtimeSocket = io(group.baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: options.cookie ? { cookie: options.cookie } : {},
    // A Manager per socket: otherwise socket.io multiplexes them all over one connection.
    forceNew: true,
    reconnection: false,
    timeout: connectTimeoutMs,
  });
  const listener: Listener = { group: group.label, socket, received: new Map(), duplicates: 0, disconnected: false };
  socket.on("reply:created", (reply: ReplyView) => {
    const receivedAt = performance.now();
    const match = markerPattern.exec(reply.bodyHtml);
    if (!match || match[1] !== runTag || reply.roomId !== options.roomId) return;
    const index = Number(match[2]);
    if (listener.received.has(index)) listener.duplicates++;
    else listener.received.set(index, receivedAt);
  });
  try {
    await waitForConnect(socket);
    await joinRoom(socket, options.roomId, options.afterSeq);
  } catch (error) {
    socket.disconnect();
    throw error;
  }
  socket.on("disconnect", () => {
    listener.disconnected = true;
  });
  return { listener, joinMs: performance.now() - started };
}

const groupsOf = (options: FanoutOptions): ListenerGroup[] => options.listenOn ?? [{ label: "same-node", baseUrl: options.baseUrl, count: options.listeners }];

/** Opens listeners a batch at a time, so the handshake storm is over before measuring starts. */
async function openListeners(options: FanoutOptions, runTag: string) {
  const listeners: Listener[] = [];
  const joinMs: number[] = [];
  const errors: string[] = [];
  const plan = groupsOf(options).flatMap((group) => Array.from({ length: group.count }, () => group));
  for (let opened = 0; opened < plan.length; opened += options.batchSize) {
    const batch = plan.slice(opened, opened + options.batchSize);
    const settled = await Promise.allSettled(batch.map((group) => openListener(options, runTag, group)));
    for (const outcome of settled) {
      if (outcome.status === "fulfilled") {
        listeners.push(outcome.value.listener);
        joinMs.push(outcome.value.joinMs);
      } else {
        errors.push(outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason));
      }
    }
  }
  return { listeners, joinMs, errors };
}

async function postProbe(options: FanoutOptions, runTag: string, index: number): Promise<PostOutcome> {
  // spoilerLevel 0: a reply with spoilers is broadcast without its text (lib/realtime/publish.ts),
  // so its probe marker could not be matched; the author's progress would otherwise set one.
  const body = JSON.stringify({ body: probeBody(runTag, index), parentId: null, idempotencyKey: randomUUID(), spoilerLevel: 0 });
  const sentAt = performance.now();
  try {
    const response = await httpRequest(`${options.baseUrl}/api/rooms/${options.roomId}/replies`, {
      method: "POST",
      headers: { cookie: options.cookie, "content-type": "application/json" },
      body,
      timeoutMs: postTimeoutMs,
    });
    return { index, sentAt, status: response.status, elapsedMs: response.elapsedMs };
  } catch {
    return { index, sentAt, status: 0, elapsedMs: performance.now() - sentAt };
  }
}

/** Fires posts on a fixed timetable (never waiting for the previous one) and collects them all. */
async function postOnTimetable(options: FanoutOptions, runTag: string): Promise<{ outcomes: PostOutcome[]; lags: number[] }> {
  const count = options.repliesPerSecond * options.durationSeconds;
  const intervalMs = 1000 / options.repliesPerSecond;
  const start = performance.now() + 50;
  const pending: Promise<PostOutcome>[] = [];
  const lags: number[] = [];
  for (let index = 0; index < count; index++) {
    const due = start + index * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    lags.push(performance.now() - due);
    pending.push(postProbe(options, runTag, index));
  }
  return { outcomes: await Promise.all(pending), lags };
}

const receivedCount = (listeners: Listener[], created: Set<number>) =>
  listeners.reduce((sum, listener) => sum + Array.from(listener.received.keys()).filter((index) => created.has(index)).length, 0);

async function waitForStragglers(listeners: Listener[], created: Set<number>): Promise<void> {
  const expected = created.size * listeners.length;
  const deadline = performance.now() + stragglerWindowMs;
  while (performance.now() < deadline && receivedCount(listeners, created) < expected) await sleep(50);
}

/** Delivery latencies of every received reply, grouped by reply. */
function latenciesByReply(listeners: Listener[], sentAt: Map<number, number>): number[][] {
  const byReply = new Map<number, number[]>();
  for (const listener of listeners) {
    for (const [index, receivedAt] of listener.received) {
      const sent = sentAt.get(index);
      if (sent === undefined) continue;
      const latencies = byReply.get(index) ?? [];
      latencies.push(receivedAt - sent);
      byReply.set(index, latencies);
    }
  }
  return Array.from(byReply.values());
}

function countStatuses(outcomes: PostOutcome[]): Record<string, number> {
  const statuses: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key = outcome.status === 0 ? "network error/timeout" : String(outcome.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  return statuses;
}

async function closeListeners(listeners: Listener[]): Promise<void> {
  for (const listener of listeners) listener.socket.disconnect();
  // Let the server process the closes before the next scenario measures anything.
  await sleep(1_000);
}

/**
 * Opens `count` joined sockets (each its own connection) and returns how many joined and a close.
 * For the memory per socket: nothing is posted.
 */
export async function connectSockets(options: Omit<FanoutOptions, "listeners" | "listenOn"> & { count: number }): Promise<{ joined: number; failed: number; close: () => Promise<void> }> {
  const { listeners, errors } = await openListeners({ ...options, listeners: options.count }, "rss");
  return { joined: listeners.length, failed: errors.length, close: () => closeListeners(listeners) };
}

/** N listeners in one room, one poster at a fixed rate: how fast and how completely replies fan out. */
export async function runFanout(options: FanoutOptions): Promise<FanoutResult> {
  const runTag = `n${options.listeners}${randomBytes(3).toString("hex")}`;
  const { listeners, joinMs, errors } = await openListeners(options, runTag);
  try {
    await sleep(500);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const cpuBefore = cpuSnapshot(options.serverGroupId);
    loopDelay.enable();

    const { outcomes, lags } = await postOnTimetable(options, runTag);
    const created = outcomes.filter((outcome) => outcome.status === 201);
    const createdIndexes = new Set(created.map((outcome) => outcome.index));

    loopDelay.disable();
    const cpu = cpuUsage(cpuBefore, cpuSnapshot(options.serverGroupId));
    const loadAverage1m = round(loadavg()[0] ?? 0, 2);

    await waitForStragglers(listeners, createdIndexes);

    const sentAt = new Map(created.map((outcome) => [outcome.index, outcome.sentAt]));
    const byReply = latenciesByReply(listeners, sentAt);
    const received = receivedCount(listeners, createdIndexes);
    const expected = createdIndexes.size * listeners.length;
    return {
      listenersRequested: options.listeners,
      listenersJoined: listeners.length,
      listenerFailures: errors.length,
      firstListenerError: errors[0] ?? null,
      disconnectedDuringRun: listeners.filter((listener) => listener.disconnected).length,
      joinMs: roundSummary(summarize(joinMs)),
      replies: { scheduled: outcomes.length, created: created.length, failed: outcomes.length - created.length, statuses: countStatuses(outcomes) },
      deliveries: { expected, received, lost: expected - received, duplicates: listeners.reduce((sum, listener) => sum + listener.duplicates, 0) },
      deliveryMs: roundSummary(summarize(byReply.flat())),
      groups: groupsOf(options).map((group) => {
        const members = listeners.filter((listener) => listener.group === group.label);
        const groupReceived = receivedCount(members, createdIndexes);
        return {
          label: group.label,
          listeners: members.length,
          expected: createdIndexes.size * members.length,
          received: groupReceived,
          lost: createdIndexes.size * members.length - groupReceived,
          deliveryMs: roundSummary(summarize(latenciesByReply(members, sentAt).flat())),
        };
      }),
      firstDeliveryMs: roundSummary(summarize(byReply.map((latencies) => Math.min(...latencies)))),
      spreadMs: roundSummary(summarize(byReply.map((latencies) => Math.max(...latencies) - Math.min(...latencies)))),
      postMs: roundSummary(summarize(outcomes.filter((outcome) => outcome.status !== 0).map((outcome) => outcome.elapsedMs))),
      sendLagMs: roundSummary(summarize(lags)),
      benchEventLoopDelayMs: { p99: round(loopDelay.percentile(99) / 1e6), max: round(loopDelay.max / 1e6) },
      cpu,
      loadAverage1m,
    };
  } finally {
    await closeListeners(listeners);
  }
}
