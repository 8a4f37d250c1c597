import { performance } from "node:perf_hooks";
import { createDatabase, dropDatabase, openDatabase, type Sql } from "./database";
import { roundSummary, summarize, type Summary } from "./stats";

// Search within a club (issue 13, part 2; docs/decisions/0026-search.md): a club of 100,000
// replies (and a neighbour club of 20,000 with the same words, which must cost nothing), searched
// by a member part-way through the book, so the spoiler and veil rules are all in play. The
// figure is the server's work for one results page: lib/search/search.ts's searchInClub door
// (membership, the club's language, the ranked statement, the snippets, the members' names),
// called in this process against the bench's own database. EXPLAIN ANALYZE of the statement beside it.

const REPLIES = 100_000;
const NEIGHBOUR_REPLIES = 20_000;
const ROOMS = 10;
const warmups = 5;
const samples = 40;

// The words of the bench's replies: 3,000 of them drawn by Zipf's law (the k-th commonest word
// about 1/k as often as the commonest), as prose is. The book's own words sit at realistic ranks:
// the narrator's name among the commonest, "tape" a word in a few replies in a hundred, the rest
// rarer; the other ranks are filler words. A reply is 10 to 40 words.
const VOCABULARY_SIZE = 3_000;
const BOOK_WORDS: Record<number, string> = {
  3: "Kathy", 6: "Ruth", 9: "Tommy", 14: "Hailsham", 22: "think", 30: "book", 41: "remember", 55: "tape", 70: "Madame",
  90: "guardians", 110: "donations", 130: "carer", 160: "Norfolk", 200: "song", 240: "cottages", 300: "gallery",
  380: "drawings", 460: "completion", 560: "deferral", 700: "rumour", 850: "Keffers", 1000: "pier", 1300: "advert",
  1700: "Littlehampton", 2200: "pencil", 2900: "Bridgewater",
};
const VOCABULARY = Array.from({ length: VOCABULARY_SIZE }, (_, index) => BOOK_WORDS[index + 1] ?? `word${index + 1}`);

/**
 * The searches timed: typical ones (a word of the book, two words, a phrase, an exclusion, an
 * or, a word nobody wrote), then the worst case, the narrator's name, in about half the replies.
 */
const QUERIES = ["tape", "Madame gallery", '"Norfolk tape"', "drawings -gallery", "deferral or rumour", "lighthouse", "Kathy"];

type SearchCase = { query: string; computeMs: Summary; results: number; plan: { executionMs: number; index: string } };
export type SearchResult = { replies: number; neighbourReplies: number; insertMs: number; cases: SearchCase[] };

/** Inserts a club of `count` replies over ROOMS rooms by three authors; returns its id, its book's, and the rooms'. */
async function fillClub(sql: Sql, input: { name: string; count: number; authors: string[] }): Promise<{ clubId: string; bookId: string; roomIds: string[] }> {
  const [club] = await sql<{ id: string }[]>`insert into clubs (name, language) values (${input.name}, 'en') returning id`;
  const clubId = club!.id;
  const shape = { chapters: 23, parts: [{ title: "Part One", first: 1, last: 9 }, { title: "Part Two", first: 10, last: 17 }, { title: "Part Three", first: 18, last: 23 }] };
  const [book] = await sql<{ id: string }[]>`insert into books (club_id, title, author, shape) values (${clubId}, 'Never Let Me Go', 'Kazuo Ishiguro', ${sql.json(shape)}) returning id`;
  const bookId = book!.id;
  await sql`update clubs set current_book_id = ${bookId} where id = ${clubId}`;
  await sql`insert into club_members ${sql(input.authors.map((userId) => ({ club_id: clubId, user_id: userId, role: "member" })))}`;
  const perRoom = Math.ceil(input.count / ROOMS);
  // Rooms 9 and 10 reach Part Three: veiled for a reader in Part Two.
  const rooms = await sql<{ id: string }[]>`
    insert into rooms (club_id, book_id, position, question, reach, reply_seq, reply_count, last_reply_at)
    select ${clubId}, ${bookId}, n, 'Question ' || n || ': what did the tape mean to Kathy?', case when n >= 9 then 20 end, ${perRoom}, ${perRoom}, now()
    from generate_series(1, ${ROOMS}) as n
    returning id`;
  const roomIds = rooms.map((room) => room.id);
  await sql`
    insert into replies (id, thread_id, room_id, author_id, seq, body, body_html, idempotency_key, spoiler_level, hidden_at, deleted_at, created_at)
    select id, id, room_id, (${input.authors}::uuid[])[1 + seq % ${input.authors.length}], seq, body, body, gen_random_uuid(),
      -- Most replies spoil nothing; one in six goes somewhere into the book, a few to the end.
      case when seq % 6 = 0 then 1 + (seq * 7) % 23 when seq % 50 = 0 then 10000 else 0 end,
      case when seq % 40 = 0 then now() end, case when seq % 55 = 0 then now() end,
      now() - (seq || ' minutes')::interval
    from (
      select gen_random_uuid() as id, room.id as room_id, seq, words.body
      from unnest(${roomIds}::uuid[]) as room(id), generate_series(1, ${perRoom}) as seq,
      -- Correlated (it names seq), so each reply draws its own words.
      lateral (
        select string_agg((${VOCABULARY}::text[])[least(${VOCABULARY.length}, floor(exp(random() * ln(${VOCABULARY.length})))::int)], ' ') || '.' as body
        from generate_series(1, 10 + (seq * 13 + length(room.id::text)) % 31)
      ) as words
    ) as rows`;
  return { clubId, bookId, roomIds };
}

async function explain(sql: Sql, statement: { sql: string; params: unknown[] }): Promise<{ executionMs: number; index: string }> {
  const rows = await sql.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) ${statement.sql}`, statement.params as never[]);
  const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
  const execution = /Execution Time: ([\d.]+) ms/.exec(plan);
  // The GIN index for every match; each room's newest replies first (lib/search/strategy.ts) for a very common word.
  const index = plan.includes("replies_search_idx") ? "replies_search_idx (GIN)" : plan.includes("Backward using replies_room_visible_seq_idx") ? "replies_room_visible_seq_idx, newest first per room" : "none";
  return { executionMs: execution ? Number(execution[1]) : Number.NaN, index };
}

/** Runs the scenario on a database of its own: fills the clubs, then times each query's first results page. */
export async function runSearchBench(log: (text: string) => void): Promise<SearchResult> {
  const database = await createDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "bench-secret-0123456789abcdef";
  const sql = openDatabase(database.url);
  // Imported here, after DATABASE_URL names the bench's own database.
  const { closeDb, migrateDatabase } = await import("@/db/index");
  const { searchInClub } = await import("@/lib/search/search");
  const { estimateSearch, searchStatement } = await import("@/db/queries/search");
  const { searchWindow } = await import("@/lib/search/strategy");
  const { PgDialect } = await import("drizzle-orm/pg-core");
  try {
    await migrateDatabase();
    const authors = await sql<{ id: string }[]>`
      insert into users (email, name) select 'search-bench-' || n || '@example.com', 'Bench reader ' || n from generate_series(1, 4) as n returning id`;
    const ids = authors.map((author) => author.id);
    const reader = ids[0]!;
    log(`search: inserting ${REPLIES.toLocaleString("en")} replies in one club and ${NEIGHBOUR_REPLIES.toLocaleString("en")} in a neighbour…`);
    const started = performance.now();
    const club = await fillClub(sql, { name: "Search bench club", count: REPLIES, authors: ids });
    await fillClub(sql, { name: "Search bench neighbour", count: NEIGHBOUR_REPLIES, authors: ids.slice(1) });
    // The reader is in Part Two (chapter 12): replies past it and the two Part Three rooms are out of their search.
    await sql`insert into reading_progress (user_id, book_id, reached) values (${reader}, ${club.bookId}, 12)`;
    await sql`vacuum analyze replies`;
    await sql`analyze rooms`;
    await sql`analyze reading_progress`;
    const insertMs = Math.round(performance.now() - started);
    log(`search: filled in ${Math.round(insertMs / 100) / 10} s`);

    const dialect = new PgDialect();
    const cases: SearchCase[] = [];
    for (const query of QUERIES) {
      const times: number[] = [];
      let results = 0;
      for (let index = 0; index < warmups + samples; index++) {
        const begun = performance.now();
        const page = await searchInClub({ clubId: club.clubId, userId: reader, body: { q: query } });
        const elapsed = performance.now() - begun;
        if (index >= warmups) times.push(elapsed);
        results = page.results.length;
      }
      const statement = dialect.sqlToQuery(searchStatement({ clubId: club.clubId, userId: reader, config: "chapterhouse_en", query, limit: 21, offset: 0, window: searchWindow(await estimateSearch({ clubId: club.clubId, config: "chapterhouse_en", query })) }));
      const computeMs = roundSummary(summarize(times));
      cases.push({ query, computeMs, results, plan: await explain(sql, statement) });
      log(`search: ${query}: p50 ${computeMs.p50} ms, p95 ${computeMs.p95} ms`);
    }
    return { replies: REPLIES, neighbourReplies: NEIGHBOUR_REPLIES, insertMs, cases };
  } finally {
    await sql.end({ timeout: 5 });
    await closeDb();
    await dropDatabase(database.name);
  }
}

/** A Markdown table (the report's own helper is private to bench/report.ts). */
function table(header: string[], rows: (string | number | null)[][]): string {
  const line = (cells: (string | number | null)[]) => `| ${cells.map((cell) => (cell === null ? "–" : String(cell))).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The report's section. */
export function searchSection(result: SearchResult): string {
  return [
    `## Search within a club: ${result.replies.toLocaleString("en")} replies (and a neighbour club of ${result.neighbourReplies.toLocaleString("en")})`,
    "",
    `Server time of lib/search/search.ts searchInClub (a first page of 20), ${samples} sequential calls after ${warmups} warm-ups, for a member at chapter 12 of 23; target p50 ≤ 50 ms. EXPLAIN ANALYZE of the statement beside it.`,
    "",
    table(
      ["query", "p50 ms", "p95 ms", "max ms", "results on page 1", "EXPLAIN execution ms", "replies read through"],
      result.cases.map((entry) => [entry.query, entry.computeMs.p50, entry.computeMs.p95, entry.computeMs.max, entry.results, entry.plan.executionMs, entry.plan.index]),
    ),
    "",
    `(${(result.replies + result.neighbourReplies).toLocaleString("en")} replies inserted by SQL, vectors and index included, in ${Math.round(result.insertMs / 100) / 10} s)`,
  ].join("\n");
}
