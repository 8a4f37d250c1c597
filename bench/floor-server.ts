/**
 * The floor: the least a server can do for Chapterhouse's hot paths, so the bench can print how
 * far Chapterhouse is from it (issue 11). Plain node:http + Socket.IO + postgres.js, no auth, no
 * Markdown, no permissions: on POST it takes the room's next sequence number and inserts the
 * reply in one statement, then broadcasts it to the room's Socket.IO channel. It reads the same
 * rows as Chapterhouse (its tables are copies of `replies`' shape in the bench's database, filled
 * by the bench from the same rooms), so page comparisons are like for like.
 *
 * It answers the URLs Chapterhouse answers, with the same bodies where the bench looks:
 * - POST /api/rooms/:roomId/replies {body, parentId, idempotencyKey} → 201 {reply}
 * - GET  /clubs/:clubId/rooms/:roomId → minimal HTML: the first 20 threads (pinned first), each
 *   with its first 3 answers and its total
 * - GET  /api/rooms/:roomId/replies?after=<seq>&limit=<n> → {replies}: a keyset page (≤ 50)
 * - GET  /api/health → 200
 * - Socket.IO "room:join" {roomId} → joins `room:<id>`; broadcasts "reply:created" {roomId, seq, bodyHtml, …}
 * Answers are gzipped when the request accepts gzip, as Chapterhouse's should be.
 *
 * Environment: DATABASE_URL (required), PORT (required), HOST (default 127.0.0.1).
 * Started by bench/run.ts as a child process; it is not part of the app.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import postgres from "postgres";
import { Server } from "socket.io";

const gzipAsync = promisify(gzip);
const databaseUrl = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
const host = process.env.HOST ?? "127.0.0.1";
if (!databaseUrl || !Number.isInteger(port)) throw new Error("floor-server needs DATABASE_URL and PORT.");

// The same pool size as Chapterhouse's default (DATABASE_POOL_SIZE, lib/env.ts).
const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });

const firstScreenThreads = 20;
const answersPerThread = 3;
const pageLimit = 50;

type ReplyRow = { id: string; room_id: string; parent_id: string | null; thread_id: string; seq: number; body_html: string; created_at: Date; author_id: string; author_name: string | null };

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A reply as the floor answers and broadcasts it: the fields of Chapterhouse's ReplyView the bench reads, and a few more. */
export type FloorReplyView = { id: string; roomId: string; parentId: string | null; seq: number; author: { id: string; name: string }; bodyHtml: string; createdAt: string };

const view = (row: ReplyRow): FloorReplyView => ({
  id: row.id,
  roomId: row.room_id,
  parentId: row.parent_id,
  seq: row.seq,
  author: { id: row.author_id, name: row.author_name ?? "" },
  bodyHtml: row.body_html,
  createdAt: row.created_at.toISOString(),
});

/** Its own tables, shaped like `replies` (indexes included, foreign keys not), in the bench's database. */
async function createTables(): Promise<void> {
  await sql`create table if not exists floor_replies (like replies including defaults including indexes)`;
  await sql`create table if not exists floor_rooms (id uuid primary key, reply_seq integer not null)`;
  // The first screen puts pinned threads first: an index finds them without reading every thread.
  await sql`create index if not exists floor_replies_pinned_idx on floor_replies (room_id, pinned_at) where pinned_at is not null and parent_id is null`;
}

async function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string): Promise<void> {
  const raw = Buffer.from(body);
  const accepts = String(req.headers["accept-encoding"] ?? "").includes("gzip");
  const payload = accepts ? await gzipAsync(raw) : raw;
  res.writeHead(status, { "content-type": type, "content-length": payload.length, ...(accepts ? { "content-encoding": "gzip" } : {}) });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** One statement: the room's next sequence number (its row locked for this statement only) and the insert. */
async function insertReply(roomId: string, input: { body: string; parentId: string | null; idempotencyKey: string }, authorId: string): Promise<ReplyRow> {
  const id = randomUUID();
  const [row] = await sql<ReplyRow[]>`
    with room as (
      insert into floor_rooms as r (id, reply_seq) values (${roomId}, 1)
      on conflict (id) do update set reply_seq = r.reply_seq + 1
      returning reply_seq
    )
    insert into floor_replies (id, room_id, parent_id, thread_id, author_id, seq, body, body_html, idempotency_key)
    select ${id}, ${roomId}, ${input.parentId}, coalesce((select thread_id from floor_replies where id = ${input.parentId}), ${id}),
      ${authorId}, room.reply_seq, ${input.body}, ${`<p>${escapeHtml(input.body)}</p>`}, ${input.idempotencyKey}
    from room
    returning id, room_id, parent_id, thread_id, seq, body_html, created_at, author_id, null::text as author_name`;
  if (!row) throw new Error("insert returned nothing");
  return row;
}

async function firstScreen(roomId: string): Promise<string> {
  // Pinned threads first, then the oldest: two index scans, each stopping after a screenful.
  const threads = await sql<(ReplyRow & { answers: number })[]>`
    select r.id, r.room_id, r.parent_id, r.thread_id, r.seq, r.body_html, r.created_at, r.author_id, u.name as author_name,
      (select count(*)::int from floor_replies a where a.room_id = r.room_id and a.thread_id = r.id) - 1 as answers
    from (
      (select * from floor_replies where room_id = ${roomId} and parent_id is null and pinned_at is not null order by pinned_at desc limit ${firstScreenThreads})
      union all
      (select * from floor_replies where room_id = ${roomId} and parent_id is null and pinned_at is null order by seq limit ${firstScreenThreads})
      limit ${firstScreenThreads}
    ) as r left join users u on u.id = r.author_id
    order by r.pinned_at desc nulls last, r.seq`;
  const answers = await sql<(ReplyRow & { rank: number })[]>`
    select a.*, u.name as author_name from unnest(${threads.map((thread) => thread.id)}::uuid[]) as t(id)
    cross join lateral (
      select id, room_id, parent_id, thread_id, seq, body_html, created_at, author_id from floor_replies
      where room_id = ${roomId} and thread_id = t.id and id <> t.id order by seq limit ${answersPerThread}
    ) as a left join users u on u.id = a.author_id`;
  // The room's total is its sequence number: the floor never deletes.
  const [room] = await sql<{ total: number }[]>`select reply_seq as total from floor_rooms where id = ${roomId}`;
  const item = (row: ReplyRow) => `<li id="reply-${row.id}"><b>${escapeHtml(row.author_name ?? "")}</b> ${row.body_html}`;
  const parts = [`<!doctype html><meta charset="utf-8"><title>Room</title><h1>Room</h1><p>${room?.total ?? 0} replies</p><ol>`];
  for (const thread of threads) {
    parts.push(item(thread), "<ol>");
    for (const answer of answers.filter((row) => row.thread_id === thread.id)) parts.push(item(answer), "</li>");
    const more = thread.answers - answersPerThread;
    parts.push("</ol>", more > 0 ? `<a href="?thread=${thread.id}">Show ${more} more replies</a>` : "", "</li>");
  }
  parts.push("</ol>");
  return parts.join("");
}

async function pageAfter(roomId: string, after: number, limit: number): Promise<ReplyRow[]> {
  return sql<ReplyRow[]>`
    select r.id, r.room_id, r.parent_id, r.thread_id, r.seq, r.body_html, r.created_at, r.author_id, u.name as author_name
    from floor_replies r left join users u on u.id = r.author_id
    where r.room_id = ${roomId} and r.seq > ${after}
    order by r.seq limit ${limit}`;
}

const uuidPattern = "([0-9a-f-]{36})";
const postPath = new RegExp(`^/api/rooms/${uuidPattern}/replies$`);
const pagePath = new RegExp(`^/clubs/${uuidPattern}/rooms/${uuidPattern}$`);

async function main(): Promise<void> {
  await createTables();
  // Every floor reply is written by the same member: the floor has no sign-in.
  const [author] = await sql<{ id: string }[]>`select id from users order by email limit 1`;
  if (!author) throw new Error("The bench database has no users.");

  const httpServer = createServer();
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false });
  io.on("connection", (socket) => {
    socket.on("room:join", (payload: { roomId?: unknown }, ack?: (result: unknown) => void) => {
      if (typeof payload?.roomId !== "string") return ack?.({ ok: false, error: { code: "invalid" } });
      void socket.join(`room:${payload.roomId}`);
      ack?.({ ok: true, data: { replies: [] } });
    });
  });

  httpServer.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", "http://floor");
    const handle = async () => {
      if (url.pathname === "/api/health") return send(req, res, 200, "text/plain", "ok");
      const post = postPath.exec(url.pathname);
      if (post && req.method === "POST") {
        const roomId = post[1] ?? "";
        const input = JSON.parse(await readBody(req)) as { body: string; parentId: string | null; idempotencyKey: string };
        const row = await insertReply(roomId, input, author.id);
        const reply = view(row);
        await send(req, res, 201, "application/json", JSON.stringify({ reply }));
        io.to(`room:${roomId}`).emit("reply:created", reply);
        return;
      }
      if (post && req.method === "GET") {
        const after = Number(url.searchParams.get("after") ?? 0);
        const limit = Math.min(pageLimit, Number(url.searchParams.get("limit") ?? pageLimit));
        const rows = await pageAfter(post[1] ?? "", after, limit);
        return send(req, res, 200, "application/json", JSON.stringify({ replies: rows.map(view) }));
      }
      const page = pagePath.exec(url.pathname);
      if (page && req.method === "GET") return send(req, res, 200, "text/html; charset=utf-8", await firstScreen(page[2] ?? ""));
      return send(req, res, 404, "text/plain", "not found");
    };
    handle().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  httpServer.listen(port, host, () => console.log(`> floor ready on http://${host}:${port}`));
  const shutdown = () => {
    void io.close();
    httpServer.closeAllConnections();
    void sql.end({ timeout: 2 }).finally(() => process.exit(0));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
