import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/index";
import { shownNameOf } from "@/db/queries/former-members";
import { clubs } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";

// Search within one club (docs/decisions/0026-search.md): one statement over the club's replies
// (the GIN index on replies.search_vector), questions, books and meetings, ranked with
// ts_rank_cd, the page's snippets cut by ts_headline between sentinel characters that
// lib/search/snippet.ts turns into marked segments. Every rule a room applies to its reader is
// applied here, inside the statement, so no row a room would withhold is ever read out.

/** The text-search configuration of each club language (migration 0015). */
export type SearchConfig = "chapterhouse_en" | "chapterhouse_es";

/** What a hit is: a reply, a question (its room), a book or a meeting. */
type SearchKind = "reply" | "question" | "book" | "meeting";

/** Where ts_headline puts a match's start and end: control characters, which no stored text holds (lib/validation/text.ts). */
export const highlightStart = "\u0002";
export const highlightStop = "\u0003";

/** A hit's text of at most this many words is its snippet whole; a longer one is cut around its matches. */
const snippetWholeWords = 35;

/** One hit as read, before words and links: `snippet` still holds the sentinel characters. */
export type SearchRow = {
  kind: SearchKind;
  id: string;
  rank: number;
  at: Date;
  snippet: string;
  /** The room of a reply or a question. */
  roomId: string | null;
  roomQuestion: string | null;
  roomPosition: number | null;
  /** A question whose reach is past the reader's progress (and not lifted): the reach, a rank. */
  beyondReach: number | null;
  bookId: string | null;
  bookTitle: string | null;
  bookShape: { chapters: number; parts: { title: string; first: number; last: number }[] } | null;
  authorId: string | null;
  /** The author's stored name; null when they deleted their account. */
  authorName: string | null;
};

/**
 * A point's rank made comparable in SQL as lib/books/points.ts compares points: the end is
 * END_RANK (10000), and with a shape, a chapter at or past the last chapter is the end too.
 */
function point(rank: SQL, shape: SQL): SQL {
  return sql`(case when ${rank} >= 10000 or (${shape} is not null and ${rank} >= (${shape}->>'chapters')::int) then 10000 else ${rank} end)`;
}

/**
 * The club's matches for `query` (Postgres's websearch syntax: words, "quoted phrases", -not,
 * or), best first (rank, then newest), `limit` of them after skipping `offset`. For `userId`,
 * who must be a member (the caller checks): only live rooms' content; only visible replies (not
 * hidden, not deleted); no reply in a room veiled for them; no reply past their progress in its
 * book unless they wrote it, revealed it, or lifted its room's veil that far
 * (lib/discussion/spoilers.ts isVeiledFor); no cancelled meeting; a book's spoiler summary never.
 */
export async function searchClub(input: SearchInput): Promise<SearchRow[]> {
  const result = await getDb().execute(searchStatement(input));
  // postgres.js answers with the rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as RawRow[];
  return rows.map(toRow);
}

type SearchInput = {
  clubId: string;
  userId: string;
  config: SearchConfig;
  query: string;
  limit: number;
  offset: number;
  /**
   * Null: rank every matching reply (found through the GIN index). A number: rank only the
   * newest `window` matches of each room (found walking each room's replies newest first), for
   * words in so many replies that reading them all would be slow (lib/search/search.ts decides).
   */
  window: number | null;
};

/**
 * The query as Postgres reads websearch syntax, written out where it is used (not a CTE): with
 * its text known at planning, the planner estimates how many replies match from the column's
 * statistics and picks the index to match (the GIN index, or a room's newest replies first).
 */
function tsquery(input: { config: SearchConfig; query: string }): SQL {
  return sql`websearch_to_tsquery(${input.config}::regconfig, ${input.query}::text)`;
}

const reached = sql`coalesce(rp.reached, 0)`;
const shape = sql`b.shape`;
const lifted = sql`(vl.user_id is not null)`;

/** The rooms of the club whose replies the reader may search: live, and not veiled for them (reach past their progress, veil not lifted). */
function openRooms(input: SearchInput): SQL {
  return sql`
    rooms rm
    join books b on b.id = rm.book_id
    left join reading_progress rp on rp.book_id = rm.book_id and rp.user_id = ${input.userId}::uuid
    left join room_veil_lifts vl on vl.room_id = rm.id and vl.user_id = ${input.userId}::uuid`;
}

function openRoomsWhere(input: SearchInput): SQL {
  return sql`rm.club_id = ${input.clubId}::uuid and rm.archived_at is null
    and (rm.reach is null or ${lifted} or ${point(sql`rm.reach`, shape)} <= ${point(reached, shape)})`;
}

/** A reply the reader may see in an open room: visible, and not past their position (isVeiledFor, lib/discussion/spoilers.ts). */
function visibleReply(input: SearchInput): SQL {
  return sql`r.deleted_at is null and r.hidden_at is null
    and (
      r.author_id = ${input.userId}::uuid
      or ${point(sql`r.spoiler_level`, shape)} <= ${point(sql`greatest(${reached}, case when ${lifted} then coalesce(rm.reach, 0) else 0 end)`, shape)}
      or exists (select 1 from reply_reveals rv where rv.reply_id = r.id and rv.user_id = ${input.userId}::uuid)
    )`;
}

/** The replies branch of the hits: every match, or each open room's newest `window` matches (see SearchInput). */
function replyHits(input: SearchInput): SQL {
  if (input.window === null) {
    return sql`
      select 'reply'::text as kind, r.id, ts_rank_cd(r.search_vector, ${tsquery(input)}) as rank, r.created_at as at
      from replies r join ${openRooms(input)} on rm.id = r.room_id
      where r.search_vector @@ ${tsquery(input)} and ${openRoomsWhere(input)} and ${visibleReply(input)}`;
  }
  // Walks replies_room_visible_seq_idx backwards per room, stopping at `window` matches.
  return sql`
    select 'reply'::text as kind, r.id, ts_rank_cd(r.search_vector, ${tsquery(input)}) as rank, r.created_at as at
    from ${openRooms(input)}
    cross join lateral (
      select r.id, r.search_vector, r.created_at from replies r
      where r.room_id = rm.id and r.search_vector @@ ${tsquery(input)} and ${visibleReply(input)}
      order by r.seq desc limit ${input.window}::int
    ) r
    where ${openRoomsWhere(input)}`;
}

/** searchClub's statement, unrun: the bench EXPLAINs it (bench/search.ts). */
export function searchStatement(input: SearchInput): SQL {
  const { clubId, userId } = input;
  const config = sql`${input.config}::regconfig`;
  // A short text is shown whole, every match marked: ts_headline's fragments start and end at
  // words, so they drop what stands before the first word or after the last ("¿Por qué…" lost its
  // "¿", "number 5" its "5"). A longer one is cut to two fragments around the matches.
  const whole = `StartSel=${highlightStart}, StopSel=${highlightStop}, HighlightAll=true`;
  const fragments = `StartSel=${highlightStart}, StopSel=${highlightStop}, MaxWords=32, MinWords=14, ShortWord=0, MaxFragments=2, FragmentDelimiter=" … "`;
  return sql`
    with hits as (
      ${replyHits(input)}
      union all
      select 'question', rm.id, ts_rank_cd(setweight(to_tsvector(${config}, rm.question), 'A'), ${tsquery(input)}), rm.created_at
      from rooms rm
      where rm.club_id = ${clubId}::uuid and rm.archived_at is null and to_tsvector(${config}, rm.question) @@ ${tsquery(input)}
      union all
      select 'book', b.id, ts_rank_cd(b.doc, ${tsquery(input)}), b.created_at
      from (
        select id, created_at,
          setweight(to_tsvector(${config}, title), 'A') || setweight(to_tsvector(${config}, author), 'B') || setweight(to_tsvector(${config}, description), 'C') as doc
        from books where club_id = ${clubId}::uuid
      ) b
      where b.doc @@ ${tsquery(input)}
      union all
      select 'meeting', m.id, ts_rank_cd(m.doc, ${tsquery(input)}), m.starts_at
      from (
        select id, starts_at,
          setweight(to_tsvector(${config}, title), 'A') || setweight(to_tsvector(${config}, coalesce(reading_assignment, '')), 'B') || setweight(to_tsvector(${config}, coalesce(notes, '')), 'C') as doc
        from meetings where club_id = ${clubId}::uuid and cancelled_at is null
      ) m
      where m.doc @@ ${tsquery(input)}
    ),
    page as (
      select * from hits order by rank desc, at desc, id limit ${input.limit}::int offset ${input.offset}::int
    )
    select p.kind, p.id, p.rank, p.at,
      ts_headline(${config}, d.text, ${tsquery(input)},
        case when array_length(regexp_split_to_array(btrim(d.text), '[[:space:]]+'), 1) <= ${snippetWholeWords}::int then ${whole}::text else ${fragments}::text end) as snippet,
      coalesce(r.room_id, qr.id) as room_id, rm.question as room_question, rm.position as room_position,
      case when p.kind = 'question' and qr.reach is not null and vl.user_id is null
        and ${point(sql`qr.reach`, sql`rb.shape`)} > ${point(sql`coalesce(rp.reached, 0)`, sql`rb.shape`)} then qr.reach end as beyond_reach,
      coalesce(bk.id, rb.id, mb.id) as book_id, coalesce(bk.title, rb.title, mb.title) as book_title, rb.shape as book_shape,
      r.author_id, ${shownNameOf("u")} as author_name
    from page p
    left join replies r on p.kind = 'reply' and r.id = p.id
    left join rooms qr on p.kind = 'question' and qr.id = p.id
    left join rooms rm on rm.id = coalesce(r.room_id, qr.id)
    left join books rb on rb.id = rm.book_id
    left join reading_progress rp on rp.book_id = rm.book_id and rp.user_id = ${userId}::uuid
    left join room_veil_lifts vl on vl.room_id = rm.id and vl.user_id = ${userId}::uuid
    left join books bk on p.kind = 'book' and bk.id = p.id
    left join meetings m on p.kind = 'meeting' and m.id = p.id
    left join books mb on mb.id = m.book_id
    left join users u on u.id = r.author_id
    cross join lateral (
      select case p.kind
        when 'reply' then reply_search_text(r.body)
        when 'question' then qr.question
        when 'book' then concat_ws(' · ', bk.title, bk.author, nullif(bk.description, ''))
        else concat_ws(' · ', m.title, m.reading_assignment, m.notes)
      end as text
    ) d
    order by p.rank desc, p.at desc, p.id
  `;
}

type RawRow = {
  kind: SearchKind;
  id: string;
  rank: number | string;
  at: Date | string;
  snippet: string | null;
  room_id: string | null;
  room_question: string | null;
  room_position: number | null;
  beyond_reach: number | null;
  book_id: string | null;
  book_title: string | null;
  book_shape: SearchRow["bookShape"] | string | null;
  author_id: string | null;
  author_name: string | null;
};

function toRow(row: RawRow): SearchRow {
  return {
    kind: row.kind,
    id: row.id,
    rank: Number(row.rank),
    at: row.at instanceof Date ? row.at : new Date(String(row.at)),
    snippet: row.snippet ?? "",
    roomId: row.room_id,
    roomQuestion: row.room_question,
    roomPosition: row.room_position === null ? null : Number(row.room_position),
    beyondReach: row.beyond_reach === null ? null : Number(row.beyond_reach),
    bookId: row.book_id,
    bookTitle: row.book_title,
    // Raw SQL leaves json as text on some drivers.
    bookShape: typeof row.book_shape === "string" ? (JSON.parse(row.book_shape) as SearchRow["bookShape"]) : row.book_shape,
    authorId: row.author_id,
    authorName: row.author_name,
  };
}

/** The club's name and language, for its search page; null when there is no such club. */
export async function getClubSearchFrame(input: { clubId: string }): Promise<{ id: string; name: string; language: string } | null> {
  const [row] = await getDb().select({ id: clubs.id, name: clubs.name, language: clubs.language }).from(clubs).where(eq(clubs.id, input.clubId)).limit(1);
  return row ?? null;
}

/**
 * Sets the club's language and, in the same transaction, its replies' search configuration
 * (their stored vectors are generated, so Postgres recomputes them with the new one). Returns
 * how many replies were reindexed; null when there is no such club. The club's rooms are locked
 * first: posting a reply updates its room's row in the statement that inserts it
 * (db/queries/reply-posts.ts), so a post either committed before (and is rewritten here) or
 * waits for this commit, and its trigger (a volatile function: a fresh snapshot) reads the new language.
 */
export async function setClubLanguage(input: { clubId: string; language: string; config: SearchConfig }): Promise<{ reindexed: number } | null> {
  return getDb().transaction(async (tx) => {
    await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.clubId, input.clubId)).for("update");
    const [club] = await tx.update(clubs).set({ language: input.language }).where(eq(clubs.id, input.clubId)).returning({ id: clubs.id });
    if (!club) return null;
    const updated = await tx
      .update(replies)
      .set({ searchConfig: sql`${input.config}::regconfig` })
      .where(and(inArray(replies.roomId, tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.clubId, input.clubId))), sql`${replies.searchConfig} <> ${input.config}::regconfig`))
      .returning({ id: replies.id });
    return { reindexed: updated.length };
  });
}

/** Whether `query` holds no word a search looks for (only stop words like "the" or "de", or only punctuation). */
export async function isOnlyCommonWords(input: { config: SearchConfig; query: string }): Promise<boolean> {
  const result = await getDb().execute(sql`select numnode(websearch_to_tsquery(${input.config}::regconfig, ${input.query}::text)) = 0 as empty`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { empty: boolean }[];
  return rows[0]?.empty === true;
}

/**
 * How common the query's words are, from the planner's statistics alone (nothing is read):
 * the share of all replies whose vector matches (0 to 1), and the club's visible replies and
 * live rooms. Postgres estimates `@@` from the column's most common lexemes (ANALYZE), so the
 * figure is close for common words, which are the ones that matter here; a table never
 * analyzed says 0.
 */
export async function estimateSearch(input: { clubId: string; config: SearchConfig; query: string }): Promise<{ share: number; clubReplies: number; rooms: number }> {
  const db = getDb();
  const [plan, stats] = await Promise.all([
    db.execute(sql`explain (format json) select 1 from replies where search_vector @@ websearch_to_tsquery(${input.config}::regconfig, ${input.query}::text)`),
    db.execute(sql`
      select (select greatest(reltuples, 0) from pg_class where oid = 'replies'::regclass) as total,
        coalesce(sum(reply_count), 0)::int as club_replies, count(*)::int as rooms
      from rooms where club_id = ${input.clubId}::uuid and archived_at is null`),
  ]);
  const planRows = (Array.isArray(plan) ? plan : (plan as { rows: unknown[] }).rows) as { "QUERY PLAN": unknown }[];
  const statRows = (Array.isArray(stats) ? stats : (stats as { rows: unknown[] }).rows) as { total: number | string; club_replies: number; rooms: number }[];
  const document = planRows[0]?.["QUERY PLAN"];
  const parsed = (typeof document === "string" ? JSON.parse(document) : document) as { Plan?: { "Plan Rows"?: number } }[] | undefined;
  const estimated = Number(parsed?.[0]?.Plan?.["Plan Rows"] ?? 0);
  const total = Number(statRows[0]?.total ?? 0);
  return { share: total > 0 ? Math.min(1, estimated / total) : 0, clubReplies: Number(statRows[0]?.club_replies ?? 0), rooms: Number(statRows[0]?.rooms ?? 0) };
}
