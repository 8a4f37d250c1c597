import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { io, type Socket } from "socket.io-client";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";
import { httpRequest } from "../http";

// One simulated member: signed in, with one live connection to one of the app nodes, in every
// room of their club, posting replies now and then and keeping every reply of their rooms as a
// page would (merged by id). What it saw is kept for the checks at the end (./verify.ts).

type ChaosSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How each reply first reached this client: a live event, a catch-up (room:join's replies), or the answer to its own POST. */
export type Source = "live" | "catch-up" | "own";

type Held = { seq: number; source: Source; /** For live receipts: the node this client was connected to. */ node: string | null };

/** One reply this client posted: every attempt under one idempotency key. */
export type PostRecord = {
  key: string;
  roomId: string;
  authorId: string;
  attempts: number;
  /** Why each failed attempt failed ("network ECONNREFUSED", "timeout", "HTTP 500 internal", ...). */
  attemptFailures: string[];
  outcome: { acknowledged: true; status: number; replyId: string; seq: number; node: string } | { acknowledged: false; reason: string };
};

export type ClientStats = {
  connects: number;
  recovered: number;
  disconnects: number;
  nodeSwitches: number;
  joinFailures: number;
  /** Events naming a room or club not this client's: never allowed. */
  crossClubEvents: string[];
  /** The same reply delivered live twice over one connection. */
  liveDuplicates: number;
  /** Two different seqs for one reply id, or two ids for one seq of a room. */
  inconsistencies: string[];
  /**
   * Seqs missing below the newest one held when a recovered connection rejoined, summed: the page
   * rejoins after its newest seq and reloads the room only when the connection was not recovered,
   * so these are replies a page would not have fetched. This client asks from its first gap instead.
   * Through the Postgres adapter no connection is ever recovered (docs/decisions/0021).
   */
  holesAtRecoveredJoin: number;
  /**
   * The same at every reconnect, recovered or not: the page joins after the newest seq it holds
   * (its own POST answers and live events included), so a seq below it that never arrived is one
   * the page's catch-up does not ask for (its first-screen reload shows only the first threads).
   */
  holesAtRejoin: number;
};

// A browser's fetch has no timeout; a person gives up and posts again after a while. Short
// timeouts here would only pile retries onto a slow node (each first attempt still runs to its end).
const postTimeoutMs = 30_000;
// The page waits for room:join's answer as long as the connection lasts and never sends it again
// on a timer: a join re-sent every few seconds to a slow node only queues more work there.
const joinAckTimeoutMs = 120_000;

const errorCode = (error: unknown): string => {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") return "timeout";
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === "string" ? `network ${code}` : `network ${error.message}`;
  }
  return "network error";
};

/** One page of `GET /api/rooms/:id/replies`: its replies and the cursor of the next page, null when caught up. */
type RepliesPage = { replies: ReplyView[]; next: string | null };

/**
 * The catch-up of one room, as the page does on every (re)connect (components/discussion/use-room-live.ts):
 * room:join with the seq after which it wants everything; the answer holds the first page of
 * those replies (at most 200) and `next`, and the channel is joined; then `fetchPage(next)` reads
 * the rest a page at a time until `next` is null. (The page gives up after a few pages and reloads
 * its first screen instead; this client follows every page, as it keeps every reply.)
 */
async function joinAndCatchUp(socket: ChaosSocket, roomId: string, afterSeq: number, fetchPage: (cursor: string) => Promise<RepliesPage>): Promise<ReplyView[]> {
  const first = await new Promise<RepliesPage>((resolve, reject) => {
    // The error is a timeout, or the connection closing before the answer came.
    socket.timeout(joinAckTimeoutMs).emit("room:join", { roomId, afterSeq }, (error: Error | null, result) => {
      if (error) reject(new Error(`room:join not answered: ${error.message}`));
      else if (result.ok) resolve(result.data);
      else reject(new Error(`room:join refused: ${result.error.code} ${result.error.message}`));
    });
  });
  const replies = [...first.replies];
  for (let cursor = first.next; cursor !== null; ) {
    const page = await fetchPage(cursor);
    replies.push(...page.replies);
    cursor = page.next;
  }
  return replies;
}

export class ChaosClient {
  readonly stats: ClientStats = {
    connects: 0,
    recovered: 0,
    disconnects: 0,
    nodeSwitches: 0,
    joinFailures: 0,
    crossClubEvents: [],
    liveDuplicates: 0,
    inconsistencies: [],
    holesAtRecoveredJoin: 0,
    holesAtRejoin: 0,
  };
  readonly posts: PostRecord[] = [];
  /** Room id → reply id → what this client holds. */
  readonly held = new Map<string, Map<string, Held>>();
  private readonly seqs = new Map<string, Map<number, string>>();
  private readonly contiguous = new Map<string, number>();
  private socket: ChaosSocket | null = null;
  private liveSeen = new Set<string>();
  private node: string;
  private closed = false;
  private reopenDelayMs = 500;
  private cookie = "";

  constructor(
    readonly member: { userId: string; email: string; password: string },
    readonly club: { clubId: string; roomIds: string[] },
    private readonly nodes: () => string[],
    firstNode: string,
    private readonly signInWith: (baseUrl: string, credentials: { email: string; password: string }) => Promise<string>,
  ) {
    this.node = firstNode;
    for (const roomId of club.roomIds) {
      this.held.set(roomId, new Map());
      this.seqs.set(roomId, new Map());
      this.contiguous.set(roomId, 0);
    }
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  get currentNode(): string {
    return this.node;
  }

  /** Signs in on the current node; a dropped keep-alive connection or a slow answer is tried again (5 attempts). */
  async signIn(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        this.cookie = await this.signInWith(this.node, this.member);
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await sleep(1_000 * attempt);
      }
    }
  }

  /** Opens the live connection (to the current node) and joins every room of the club. */
  connect(): void {
    if (this.closed) return;
    const socket: ChaosSocket = io(this.node, {
      path: "/socket.io",
      transports: ["websocket"],
      extraHeaders: { cookie: this.cookie },
      // A Manager per client: otherwise socket.io multiplexes every client over one connection.
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      timeout: 10_000,
    });
    this.socket = socket;
    this.liveSeen = new Set();
    const node = this.node;
    socket.onAny((event: string, payload: unknown) => this.checkClub(event, payload));
    socket.on("reply:created", (reply) => {
      if (socket !== this.socket) return;
      if (this.liveSeen.has(reply.id)) this.stats.liveDuplicates++;
      this.liveSeen.add(reply.id);
      this.hold(reply, "live", node);
    });
    socket.on("connect", () => {
      this.stats.connects++;
      if (socket.recovered) this.stats.recovered++;
      this.reopenDelayMs = 500;
      for (const roomId of this.club.roomIds) {
        const holes = this.holesBelowNewest(roomId);
        this.stats.holesAtRejoin += holes;
        if (socket.recovered) this.stats.holesAtRecoveredJoin += holes;
        void this.join(socket, roomId);
      }
    });
    socket.on("disconnect", (reason) => {
      this.stats.disconnects++;
      // The server closed it (it does not reconnect by itself then): open a new one.
      if (reason === "io server disconnect") this.reopen();
    });
    // The node is down or refused the handshake: try again on either node, as a load balancer would send it.
    socket.on("connect_error", () => this.reopen());
  }

  /** Drops the transport only (a network blip): socket.io reconnects to the same node and may recover the session. */
  dropTransport(): void {
    this.socket?.io.engine?.close();
  }

  /** Closes the connection and opens a new one on either node (a reload): no session to recover. */
  reconnectElsewhere(): void {
    this.reopen(0);
  }

  private reopen(delayMs?: number): void {
    const old = this.socket;
    if (old) {
      old.removeAllListeners();
      old.offAny();
      old.disconnect();
    }
    this.socket = null;
    if (this.closed) return;
    const wait = delayMs ?? this.reopenDelayMs * (0.5 + Math.random());
    this.reopenDelayMs = Math.min(this.reopenDelayMs * 2, 5_000);
    setTimeout(() => {
      if (this.closed || this.socket) return;
      const candidates = this.nodes();
      const next = candidates[Math.floor(Math.random() * candidates.length)] ?? this.node;
      if (next !== this.node) this.stats.nodeSwitches++;
      this.node = next;
      this.connect();
    }, wait).unref();
  }

  /** Joins one room, asking for every reply after the last seq held without a gap; retried while this connection lasts. */
  private async join(socket: ChaosSocket, roomId: string): Promise<void> {
    for (let attempt = 0; socket === this.socket && socket.connected && !this.closed; attempt++) {
      try {
        const replies = await joinAndCatchUp(socket, roomId, this.contiguous.get(roomId) ?? 0, (cursor) => this.fetchPage(roomId, cursor));
        if (socket !== this.socket) return;
        for (const reply of replies) this.hold(reply, "catch-up", null);
        return;
      } catch {
        this.stats.joinFailures++;
        await sleep(Math.min(500 * 2 ** attempt, 5_000));
      }
    }
  }

  /** Joins every room again now (the end of the run's catch-up); resolves once each join answered or gave up. */
  async finalCatchUp(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.connected && Date.now() < deadline) await sleep(200);
    const socket = this.socket;
    if (!socket?.connected) return false;
    const results = await Promise.all(
      this.club.roomIds.map(async (roomId) => {
        while (Date.now() < deadline) {
          try {
            for (const reply of await joinAndCatchUp(socket, roomId, this.contiguous.get(roomId) ?? 0, (cursor) => this.fetchPage(roomId, cursor))) this.hold(reply, "catch-up", null);
            return true;
          } catch {
            await sleep(500);
          }
        }
        return false;
      }),
    );
    return results.every(Boolean);
  }

  /** How many seqs below the newest one held in `roomId` this client does not hold. */
  private holesBelowNewest(roomId: string): number {
    const seqs = this.seqs.get(roomId);
    if (!seqs || seqs.size === 0) return 0;
    return Math.max(...seqs.keys()) - seqs.size;
  }

  /** The next page of a room's catch-up, from the node this client is on (any node reads the same database). */
  private async fetchPage(roomId: string, cursor: string): Promise<RepliesPage> {
    const response = await httpRequest(`${this.node}/api/rooms/${roomId}/replies?cursor=${encodeURIComponent(cursor)}`, {
      headers: { cookie: this.cookie },
      timeoutMs: postTimeoutMs,
    });
    if (response.status !== 200) throw new Error(`catch-up page: HTTP ${response.status}`);
    return JSON.parse(response.body.toString("utf8")) as RepliesPage;
  }

  private checkClub(event: string, payload: unknown): void {
    if (typeof payload !== "object" || payload === null) return;
    const fields = payload as { roomId?: unknown; clubId?: unknown };
    if (typeof fields.roomId === "string" && !this.club.roomIds.includes(fields.roomId)) {
      this.stats.crossClubEvents.push(`${event} for room ${fields.roomId}`);
    }
    if (typeof fields.clubId === "string" && fields.clubId !== this.club.clubId) {
      this.stats.crossClubEvents.push(`${event} for club ${fields.clubId}`);
    }
  }

  /** Keeps a reply as a page merges it: once per id, whichever way it came first. */
  private hold(reply: ReplyView, source: Source, node: string | null): void {
    const held = this.held.get(reply.roomId);
    const seqs = this.seqs.get(reply.roomId);
    // A reply of another club's room is counted by checkClub; it is not kept.
    if (!held || !seqs) return;
    const known = held.get(reply.id);
    if (known) {
      if (known.seq !== reply.seq) this.stats.inconsistencies.push(`reply ${reply.id} came as seq ${known.seq} and ${reply.seq}`);
      return;
    }
    const other = seqs.get(reply.seq);
    if (other !== undefined && other !== reply.id) this.stats.inconsistencies.push(`room ${reply.roomId} seq ${reply.seq} came as ${other} and ${reply.id}`);
    held.set(reply.id, { seq: reply.seq, source, node });
    seqs.set(reply.seq, reply.id);
    let contiguous = this.contiguous.get(reply.roomId) ?? 0;
    while (seqs.has(contiguous + 1)) contiguous++;
    this.contiguous.set(reply.roomId, contiguous);
  }

  /**
   * Posts one reply into a random room of the club (sometimes answering a reply held there),
   * retrying with the same idempotency key after a network error, a timeout, a 5xx or a 429, as
   * the reply form keeps its key until the server has answered; gives up at `giveUpAt` (epoch ms).
   */
  async postOne(giveUpAt: number): Promise<void> {
    const roomId = this.club.roomIds[Math.floor(Math.random() * this.club.roomIds.length)] ?? "";
    const inRoom = Array.from(this.held.get(roomId)?.keys() ?? []);
    const parentId = inRoom.length > 0 && Math.random() < 0.4 ? (inRoom[Math.floor(Math.random() * inRoom.length)] ?? null) : null;
    const key = randomUUID();
    const record: PostRecord = { key, roomId, authorId: this.member.userId, attempts: 0, attemptFailures: [], outcome: { acknowledged: false, reason: "not sent" } };
    this.posts.push(record);
    const body = JSON.stringify({ body: `Chaos reply ${key.slice(0, 8)} from ${this.member.email}: still thinking about chapter three.`, parentId, idempotencyKey: key });
    for (let attempt = 1; ; attempt++) {
      record.attempts = attempt;
      const node = this.node;
      let failure: string;
      let retryAfterMs = Math.min(500 * 2 ** (attempt - 1), 5_000);
      try {
        const response = await httpRequest(`${node}/api/rooms/${roomId}/replies`, {
          method: "POST",
          headers: { cookie: this.cookie, "content-type": "application/json" },
          body,
          timeoutMs: postTimeoutMs,
        });
        const payload = JSON.parse(response.body.toString("utf8") || "null") as { reply?: ReplyView; error?: { code?: string; retryAfter?: number } } | null;
        if ((response.status === 200 || response.status === 201) && payload?.reply) {
          record.outcome = { acknowledged: true, status: response.status, replyId: payload.reply.id, seq: payload.reply.seq, node };
          this.hold(payload.reply, "own", null);
          return;
        }
        failure = `HTTP ${response.status} ${payload?.error?.code ?? ""}`.trim();
        if (response.status === 429 && payload?.error?.retryAfter) retryAfterMs = payload.error.retryAfter * 1000;
        // Anything else the server refused (4xx): a retry would be refused the same way.
        if (response.status < 500 && response.status !== 429) {
          record.outcome = { acknowledged: false, reason: failure };
          return;
        }
      } catch (error) {
        failure = errorCode(error);
        // Nobody listens there (the node was killed): the next attempt goes to either node.
        if (failure === "network ECONNREFUSED") {
          const candidates = this.nodes();
          this.node = candidates[Math.floor(Math.random() * candidates.length)] ?? this.node;
        }
      }
      record.attemptFailures.push(failure);
      if (Date.now() + retryAfterMs > giveUpAt) {
        record.outcome = { acknowledged: false, reason: failure };
        return;
      }
      await sleep(retryAfterMs);
    }
  }

  close(): void {
    this.closed = true;
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.disconnect();
  }
}
