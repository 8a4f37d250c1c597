import { performance } from "node:perf_hooks";
import { measureEndpoint, type EndpointResult } from "./big-room";
import type { Sql } from "./database";
import { roundSummary, summarize, type Summary } from "./stats";

// Unread counts at scale (issue 9): a member of 20 clubs with 10 rooms of 5,000 replies each.
// The figure is the server's work for the home page's counts: lib/discussion/unread.ts's
// loadMyUnreadCounts, called in this process against the same database, so HTTP and rendering
// are not in it (the home page over HTTP is printed beside it for context).

const clubs = 20;
const roomsPerClub = 10;
const repliesPerRoom = 5_000;
const warmups = 5;
const samples = 50;

type UnreadCase = { name: string; computeMs: Summary; unreadTotal: number; plan: { executionMs: number; indexOnly: boolean } };
/** For the report: the scenario's figures as a Markdown section. */
export function formatUnread(result: UnreadResult, table: (header: string[], rows: (string | number | null)[][]) => string): string {
  return [
    `## Unread counts: home page of a member of ${result.clubs} clubs × ${result.roomsPerClub} rooms × ${result.repliesPerRoom.toLocaleString("en")} replies`,
    "",
    `Server time of lib/discussion/unread.ts loadMyUnreadCounts (the home page's counts), ${samples} sequential calls after ${warmups} warm-ups; target p50 ≤ 20 ms. EXPLAIN ANALYZE of the same statement beside it.`,
    "",
    table(
      ["case", "p50 ms", "p95 ms", "max ms", "unread in all", "EXPLAIN execution ms", "index-only scan of replies_room_visible_seq_idx"],
      result.cases.map((entry) => [entry.name, entry.computeMs.p50, entry.computeMs.p95, entry.computeMs.max, entry.unreadTotal, entry.plan.executionMs, entry.plan.indexOnly ? "yes" : "no"]),
    ),
    "",
    result.homePage
      ? `The whole home page over HTTP for that member (no room opened): p50 ${result.homePage.responseMs.p50} ms, p95 ${result.homePage.responseMs.p95} ms.`
      : "The home page over HTTP could not be measured.",
    `(${(result.clubs * result.roomsPerClub * result.repliesPerRoom).toLocaleString("en")} replies inserted by SQL in ${Math.round(result.insertMs / 100) / 10} s)`,
  ].join("\n");
}

export type UnreadResult = { clubs: number; roomsPerClub: number; repliesPerRoom: number; insertMs: number; cases: UnreadCase[]; homePage: EndpointResult | null };

/**
 * Gives `readerId` `clubs` clubs of `roomsPerClub` rooms with `repliesPerRoom` replies each,
 * written by SQL: a quarter by the reader, one in 40 hidden, one in 55 deleted, as in a real club.
 */
async function fill(sql: Sql, readerId: string): Promise<void> {
  const authors = await sql<{ id: string }[]>`
    insert into users (email, name)
    select 'unread-bench-' || n || '-' || gen_random_uuid() || '@example.com', 'Bench reader ' || n from generate_series(1, 3) as n
    returning id`;
  const writers = [readerId, ...authors.map((author) => author.id)];
  for (let club = 1; club <= clubs; club++) {
    await sql.begin(async (tx) => {
      const [created] = await tx<{ id: string }[]>`insert into clubs (name) values (${`Unread bench club ${club}`}) returning id`;
      const clubId = created!.id;
      const [book] = await tx<{ id: string }[]>`insert into books (club_id, title, author) values (${clubId}, 'Never Let Me Go', 'Kazuo Ishiguro') returning id`;
      await tx`update clubs set current_book_id = ${book!.id} where id = ${clubId}`;
      await tx`insert into club_members ${tx(writers.map((userId, index) => ({ club_id: clubId, user_id: userId, role: index === 1 ? "owner" : "member" })))}`;
      const rooms = await tx<{ id: string }[]>`
        insert into rooms (club_id, book_id, position, question, reply_seq, reply_count, last_reply_at)
        select ${clubId}, ${book!.id}, n, 'Question ' || n || '?', ${repliesPerRoom}, ${repliesPerRoom}, now() from generate_series(1, ${roomsPerClub}) as n
        returning id`;
      await tx`
        insert into replies (id, thread_id, room_id, author_id, seq, body, body_html, idempotency_key, hidden_at, hidden_reason, deleted_at)
        select id, id, room_id, (${writers}::uuid[])[1 + seq % ${writers.length}], seq, 'A reply', '<p>A reply</p>', gen_random_uuid(),
          case when seq % 40 = 0 then now() end, case when seq % 40 = 0 then 'Off topic.' end, case when seq % 55 = 0 then now() end
        -- One id per row, used twice (id and thread_id): a volatile call in a subquery's list runs
        -- per row, where an uncorrelated lateral subquery ran once and gave every row the same id.
        from (
          select gen_random_uuid() as id, room.id as room_id, seq
          from unnest(${rooms.map((room) => room.id)}::uuid[]) as room(id), generate_series(1, ${repliesPerRoom}) as seq
        ) as rows`;
    });
  }
  await sql`vacuum analyze replies`;
  await sql`analyze rooms`;
  await sql`analyze read_positions`;
  await sql`analyze club_members`;
}

async function explain(sql: Sql, readerId: string): Promise<{ executionMs: number; indexOnly: boolean }> {
  // The statement listClubUnreadTotals sends, for the plan: the partial index should be read alone.
  const rows = await sql.unsafe<{ "QUERY PLAN": string }[]>(
    `explain (analyze, buffers) select club_members.club_id, (select count(*)::int from (
        select 1 from rooms rm
        left join read_positions rp on rp.room_id = rm.id and rp.user_id = $1
        cross join lateral (
          select 1 from replies r
          where r.room_id = rm.id and r.seq > coalesce(rp.last_read_seq, 0)
            and r.deleted_at is null and r.hidden_at is null and r.author_id <> $1
          limit 100
        ) as room_unread
        where rm.club_id = club_members.club_id and rm.archived_at is null and rm.reply_seq > coalesce(rp.last_read_seq, 0)
        limit 100
      ) as capped)
      from club_members where club_members.user_id = $1`,
    [readerId],
  );
  const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
  const execution = /Execution Time: ([\d.]+) ms/.exec(plan);
  return { executionMs: execution ? Number(execution[1]) : Number.NaN, indexOnly: plan.includes("Index Only Scan using replies_room_visible_seq_idx") };
}

/** Runs the scenario: fills the clubs, then times the home page's counts when nearly caught up, and when no room was ever opened. */
export async function runUnreadScenario(input: { sql: Sql; databaseUrl: string; readerId: string; baseUrl: string; cookie: string; log: (text: string) => void }): Promise<UnreadResult> {
  const { sql, readerId } = input;
  input.log(`unread: inserting ${clubs} clubs × ${roomsPerClub} rooms × ${repliesPerRoom.toLocaleString("en")} replies…`);
  const started = performance.now();
  await fill(sql, readerId);
  const insertMs = Math.round(performance.now() - started);

  // The app's own query module, on this process's own connection to the bench database.
  process.env.DATABASE_URL = input.databaseUrl;
  const { loadMyUnreadCounts } = await import("@/lib/discussion/unread");
  const { closeDb } = await import("@/db/index");

  const measure = async (name: string): Promise<UnreadCase> => {
    let unreadTotal = 0;
    const times: number[] = [];
    for (let index = 0; index < warmups + samples; index++) {
      const begun = performance.now();
      const counts = await loadMyUnreadCounts({ userId: readerId });
      const elapsed = performance.now() - begun;
      if (index >= warmups) times.push(elapsed);
      unreadTotal = Object.values(counts).reduce((sum, count) => sum + count, 0);
    }
    return { name, computeMs: roundSummary(summarize(times)), unreadTotal, plan: await explain(sql, readerId) };
  };

  const cases: UnreadCase[] = [];
  try {
    // Caught up but for the last 8 replies of every room: the everyday case (about 60 per club, under the cap).
    await sql`
      insert into read_positions (user_id, room_id, last_read_seq)
      select ${readerId}, rooms.id, rooms.reply_seq - 8 from rooms join club_members on club_members.club_id = rooms.club_id
      where club_members.user_id = ${readerId} and rooms.reply_seq >= ${repliesPerRoom}
      on conflict (user_id, room_id) do update set last_read_seq = excluded.last_read_seq`;
    await sql`analyze read_positions`;
    input.log("unread: timing the counts, caught up but for 8 replies per room…");
    cases.push(await measure("caught up but for the last 8 replies of each room"));

    // Never opened a room: every club's count reaches its cap (100).
    await sql`delete from read_positions where user_id = ${readerId}`;
    await sql`analyze read_positions`;
    input.log("unread: timing the counts, no room ever opened…");
    cases.push(await measure("no room ever opened (each club's count stops at 100)"));
  } finally {
    await closeDb();
  }

  input.log("unread: the home page over HTTP…");
  const homePage = await measureEndpoint({ baseUrl: input.baseUrl, cookie: input.cookie, name: "home page HTML", path: "/" }).catch(() => null);
  return { clubs, roomsPerClub, repliesPerRoom, insertMs, cases, homePage };
}
