import { randomUUID } from "node:crypto";
import postgres from "postgres";

export type Sql = postgres.Sql;

const defaultAdminUrl = "postgres://postgres@127.0.0.1:5432/postgres";

function adminUrl(): string {
  return process.env.BENCH_ADMIN_URL ?? defaultAdminUrl;
}

function connect(url: string): Sql {
  return postgres(url, { max: 2, onnotice: () => {}, connect_timeout: 10 });
}

/** A throwaway database on the admin server; `url` points the app at it. */
export type BenchDatabase = { name: string; url: string };

export async function createDatabase(): Promise<BenchDatabase> {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const name = `chapterhouse_bench_${stamp}_${process.pid}`;
  const admin = connect(adminUrl());
  try {
    await admin`create database ${admin(name)}`;
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = connect(adminUrl());
  try {
    // `with (force)` ends any connection the app server left behind (PostgreSQL 13+).
    await admin`drop database if exists ${admin(name)} with (force)`;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export function openDatabase(url: string): Sql {
  return connect(url);
}

export type Target = { roomId: string; clubId: string };

/** The first room by position: where the seeded demo thread lives, so it is a "real" room. */
export async function firstRoom(sql: Sql): Promise<Target> {
  const [row] = await sql<{ id: string; club_id: string }[]>`select id, club_id from rooms order by position limit 1`;
  if (!row) throw new Error("The seeded database has no rooms.");
  return { roomId: row.id, clubId: row.club_id };
}

/** Another room of the same club with no replies yet, so the bulk insert owns its sequence. */
export async function emptyRoom(sql: Sql, except: string): Promise<Target> {
  const [row] = await sql<{ id: string; club_id: string }[]>`
    select id, club_id from rooms where id <> ${except} and reply_seq = 0 order by position limit 1`;
  if (!row) throw new Error("No empty room left for the big-room scenario.");
  return { roomId: row.id, clubId: row.club_id };
}

export async function currentSeq(sql: Sql, roomId: string): Promise<number> {
  const [row] = await sql<{ reply_seq: number }[]>`select reply_seq from rooms where id = ${roomId}`;
  return row?.reply_seq ?? 0;
}

export async function memberIds(sql: Sql, clubId: string): Promise<string[]> {
  const rows = await sql<{ user_id: string }[]>`select user_id from club_members where club_id = ${clubId} order by joined_at, user_id`;
  return rows.map((row) => row.user_id);
}

type ReplyRow = {
  id: string;
  room_id: string;
  parent_id: string | null;
  thread_id: string;
  author_id: string;
  seq: number;
  body: string;
  body_html: string;
  idempotency_key: string;
  created_at: Date;
};

// Deterministic, so every run inserts the same shape of thread.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentences = [
  "I kept thinking about how Kathy narrates everything as if she were explaining it to someone who already half knows.",
  "The scene at the Norfolk coast felt like the emotional centre of the book for me, more than the ending did.",
  "Ruth frustrated me for most of the novel, but on a second read her cruelty looks a lot like fear.",
  "Tommy's drawings of the imaginary animals are such a strange and tender detail; I still can't decide what they mean.",
  "What unsettles me most is how nobody ever tries to run away, and the book never treats that as surprising.",
  "Miss Lucy is the only adult who tells them the truth, and she is the one who gets sent away for it.",
  "The cassette tape and the song give the title a meaning that keeps shifting every time it comes back.",
  "I read the guardians' silence as cowardice at first, but Madame's final conversation made it more complicated.",
  "Hailsham being the 'good' school is almost worse, because it shows how comfortable a cruel system can make itself.",
  "The deferral rumour works like religion for them: a hope that organises their lives without ever being tested.",
  "I noticed how often Kathy says she isn't sure she remembers correctly, right before telling us something important.",
  "Our group argued about whether the book is science fiction at all; it reads more like a memoir of a quiet catastrophe.",
];

/** A reply body of 200-400 characters stitched from whole book-club sentences (each under 120). */
function replyBody(random: () => number): string {
  const target = 200 + Math.floor(random() * 80);
  let body = "";
  while (body.length < target) {
    const sentence = sentences[Math.floor(random() * sentences.length)] ?? "";
    body = body ? `${body} ${sentence}` : sentence;
  }
  return body;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * Builds `count` replies for one room: about a third top-level, the rest answering an earlier
 * reply (mostly a recent one, as live conversations do), timestamps a minute apart.
 */
function buildReplies(input: { roomId: string; authors: string[]; count: number }): ReplyRow[] {
  const random = mulberry32(20_240_501);
  const rows: ReplyRow[] = [];
  const start = Date.now() - input.count * 60_000;
  for (let seq = 1; seq <= input.count; seq++) {
    const body = replyBody(random);
    let parent: ReplyRow | null = null;
    if (rows.length > 0 && random() >= 0.35) {
      const window = Math.min(rows.length, 200);
      parent = rows[rows.length - 1 - Math.floor(random() * window)] ?? null;
    }
    const id = randomUUID();
    rows.push({
      id,
      room_id: input.roomId,
      parent_id: parent?.id ?? null,
      thread_id: parent?.thread_id ?? id,
      author_id: input.authors[Math.floor(random() * input.authors.length)] ?? "",
      seq,
      body,
      body_html: `<p>${escapeHtml(body)}</p>`,
      idempotency_key: randomUUID(),
      created_at: new Date(start + seq * 60_000),
    });
  }
  return rows;
}

/**
 * Inserts `count` replies into an empty room and sets its counters, as posting them would have.
 * Returns the number of threads, the first and last replies' ids and `deepReplyId`, a reply 25 from the end.
 */
export async function fillRoom(sql: Sql, input: { roomId: string; authors: string[]; count: number }): Promise<{ topLevel: number; firstReplyId: string; lastReplyId: string; deepReplyId: string }> {
  if (input.authors.length === 0) throw new Error("No authors to write the big room's replies.");
  const rows = buildReplies(input);
  await sql.begin(async (tx) => {
    // Parents always come earlier in `rows`, and a statement checks its foreign keys at its end.
    for (let index = 0; index < rows.length; index += 500) {
      await tx`insert into replies ${tx(rows.slice(index, index + 500))}`;
    }
    const last = rows[rows.length - 1];
    await tx`
      update rooms set reply_seq = ${rows.length}, reply_count = ${rows.length}, last_reply_at = ${last?.created_at ?? null}
      where id = ${input.roomId}`;
  });
  await sql`analyze replies`;
  return {
    topLevel: rows.filter((row) => row.parent_id === null).length,
    firstReplyId: rows[0]?.id ?? "",
    lastReplyId: rows[rows.length - 1]?.id ?? "",
    deepReplyId: rows[Math.max(0, rows.length - 25)]?.id ?? "",
  };
}

/** Copies a room's replies into the floor's tables (bench/floor-server.ts), so both serve the same rows. */
export async function copyRoomToFloor(sql: Sql, roomId: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`delete from floor_replies where room_id = ${roomId}`;
    await tx`insert into floor_replies select * from replies where room_id = ${roomId}`;
    await tx`
      insert into floor_rooms (id, reply_seq) select id, reply_seq from rooms where id = ${roomId}
      on conflict (id) do update set reply_seq = excluded.reply_seq`;
  });
  await sql`analyze floor_replies`;
}
