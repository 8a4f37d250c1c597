import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchSnippet } from "@/components/search/search-snippet";
import { getDb } from "@/db/index";
import { books, clubs } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";
import { meetings } from "@/db/schema/meetings";
import { users } from "@/db/schema/users";
import { END_RANK } from "@/lib/books/points";
import { liftRoomVeil, setReadingProgress, updateBookShape, updateRoomReach } from "@/lib/books/reading";
import { changeClubLanguage, createClub } from "@/lib/clubs/clubs";
import { renderMarkdown } from "@/lib/discussion/markdown";
import { hideReply } from "@/lib/discussion/moderation";
import { deleteReply, postReply, revealReplyText } from "@/lib/discussion/replies";
import { AppError } from "@/lib/errors";
import { searchClub } from "@/db/queries/search";
import { searchInClub } from "@/lib/search/search";
import type { SearchResultView } from "@/lib/search/views";
import { createTestClub, createTestUser, replyInput } from "./factories";

// Search within a club (issue 13, part 2; docs/decisions/0026-search.md): ranking, stemming and
// accents, Postgres's websearch syntax, and every rule the rooms keep (another club, strangers,
// hidden and deleted replies, archived rooms, inline spoilers, spoiler positions, veiled rooms).

const nlmgParts = "Part One, chapters 1–9\nPart Two, chapters 10–17\nPart Three, chapters 18–23";

async function setting(options: { language?: "en" | "es" } = {}) {
  const owner = await createTestUser("Emily");
  const kathy = await createTestUser("Kathy");
  const ruth = await createTestUser("Ruth");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: kathy.id, role: "member" },
      { userId: ruth.id, role: "member" },
    ],
    questions: ["Why does Kathy keep the tape?", "What did Hailsham teach?", "What is Madame's gallery for?"],
  });
  if (options.language) await getDb().update(clubs).set({ language: options.language }).where(eq(clubs.id, club.clubId));
  const [roomId, secondRoomId, thirdRoomId] = club.roomIds as [string, string, string];
  const post = async (userId: string, body: string, spoilerLevel?: number, room = roomId) =>
    (await postReply({ roomId: room, userId, body: { ...replyInput(body), ...(spoilerLevel === undefined ? {} : { spoilerLevel }) } })).reply.id;
  const search = async (userId: string, q: string, page?: number) => searchInClub({ clubId: club.clubId, userId, body: { q, ...(page ? { page } : {}) } });
  return { owner, kathy, ruth, stranger, ...club, roomId, secondRoomId, thirdRoomId, post, search };
}

/** Inserts visible replies straight into a room, many at once (the trigger still sets their search configuration). */
async function insertReplies(roomId: string, authorId: string, bodies: string[]): Promise<string[]> {
  const db = getDb();
  const ids: string[] = [];
  for (const body of bodies) {
    const id = randomUUID();
    await db.execute(sql`
      with room as (update rooms set reply_seq = reply_seq + 1, reply_count = reply_count + 1 where id = ${roomId}::uuid returning reply_seq)
      insert into replies (id, room_id, thread_id, author_id, seq, body, body_html, idempotency_key)
      select ${id}::uuid, ${roomId}::uuid, ${id}::uuid, ${authorId}::uuid, room.reply_seq, ${body}::text, ${body}::text, ${randomUUID()}::uuid from room`);
    ids.push(id);
  }
  return ids;
}

/** The words inside the inline spoilers of rendered reply HTML (lib/discussion/markdown.ts): what a reader sees veiled. */
function spoilerWords(html: string): string[] {
  const words: string[] = [];
  const spans: boolean[] = [];
  for (const [, closing, tag, attributes, text] of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (text !== undefined) {
      if (spans.includes(true)) words.push(...(text.toLowerCase().match(/[a-z]+/g) ?? []));
    } else if (tag === "span") {
      if (closing) spans.pop();
      else spans.push(/class="spoiler"/.test(attributes ?? ""));
    }
  }
  return words;
}

/** A deterministic random number in [0, 1) (mulberry32), so a failing body can be found again. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let wordCount = 0;
/** A word no other body holds and no stemmer changes (no vowels): "zq" and four consonants. */
function uniqueWord(): string {
  const letters = "bcdfghjklmnpqrtvwxz";
  let n = wordCount++;
  let word = "";
  for (let i = 0; i < 4; i += 1) {
    word = letters[n % letters.length] + word;
    n = Math.floor(n / letters.length);
  }
  return `zq${word}`;
}

/** A reply body of words (never run together), "||", "|", spaces, backticks and line breaks, in random order. */
function randomBody(random: () => number): string {
  const pieces = ["||", "||", "||", " ", " ", "`", "\n", " || ", "|"];
  let body = "";
  const length = 4 + Math.floor(random() * 14);
  for (let i = 0; i < length; i += 1) {
    if (random() < 0.45) body += (/[a-z]$/.test(body) ? " " : "") + uniqueWord();
    else body += pieces[Math.floor(random() * pieces.length)];
  }
  return /[a-z]/.test(body) ? body : `${body} ${uniqueWord()}`;
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

const replyIds = (results: SearchResultView[]) => results.filter((result) => result.kind === "reply").map((result) => result.id);
const snippetText = (result: SearchResultView) => result.snippet.map((segment) => segment.text).join("");
const markedWords = (result: SearchResultView) => result.snippet.filter((segment) => segment.marked).map((segment) => segment.text);

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("search within a club: ranking and words", () => {
  it("ranks a reply with the words more often, or closer together, above one with them once or far apart", async () => {
    const s = await setting();
    const once = await s.post(s.ruth.id, "Kathy found a tape in Norfolk, and much later she remembered the song.");
    const twice = await s.post(s.ruth.id, "The tape, always the tape: she played the tape again.");
    const { results } = await s.search(s.kathy.id, "tape");
    expect(replyIds(results).slice(0, 2)).toEqual([twice, once]);

    const far = await s.post(s.kathy.id, "Madame cried, and many many pages and long years later, in the last chapters, we learn about the gallery.");
    const near = await s.post(s.kathy.id, "Madame's gallery was a test of souls.");
    const ranked = replyIds((await s.search(s.kathy.id, "Madame gallery")).results);
    expect(ranked.indexOf(near)).toBeLessThan(ranked.indexOf(far));
    expect(ranked).toContain(far);
  });

  it("finds words by their stem (\"tapes\" finds \"tape\"), marking the words it matched", async () => {
    const s = await setting();
    const id = await s.post(s.ruth.id, "Kathy lost the tape at Hailsham.");
    const { results } = await s.search(s.kathy.id, "tapes");
    const hit = results.find((result) => result.id === id);
    expect(hit?.href).toBe(`/clubs/${s.clubId}/rooms/${s.roomId}?reply=${id}`);
    expect(hit && markedWords(hit)).toEqual(["tape"]);
    expect(hit?.room).toEqual({ question: "Why does Kathy keep the tape?", position: 1 });
    expect(hit?.author?.name).toBe(s.ruth.name);
  });

  it("ignores accents in a Spanish club (\"cancion\" finds \"canción\") and stems Spanish words", async () => {
    const s = await setting({ language: "es" });
    const id = await s.post(s.ruth.id, "La canción de Judy Bridgewater habla de un bebé.");
    expect(replyIds((await s.search(s.kathy.id, "cancion")).results)).toEqual([id]);
    expect(replyIds((await s.search(s.kathy.id, "canciones")).results)).toEqual([id]);
    expect(replyIds((await s.search(s.kathy.id, "bebe")).results)).toEqual([id]);
  });

  it("ignores accents in an English club too (\"cafe\" finds \"café\")", async () => {
    const s = await setting();
    const id = await s.post(s.ruth.id, "They talked at the café by the pier.");
    expect(replyIds((await s.search(s.kathy.id, "cafe")).results)).toEqual([id]);
  });

  it("takes Postgres's websearch syntax: quoted phrases, -exclusions and or", async () => {
    const s = await setting();
    const phrase = await s.post(s.ruth.id, "Tommy kept the drawings hidden.");
    const loose = await s.post(s.ruth.id, "The drawings were hidden, and Tommy kept quiet.");
    const cassette = await s.post(s.kathy.id, "A cassette from Norfolk.");
    expect(replyIds((await s.search(s.kathy.id, '"kept the drawings"')).results)).toEqual([phrase]);
    expect(new Set(replyIds((await s.search(s.kathy.id, "drawings hidden")).results))).toEqual(new Set([phrase, loose]));
    expect(replyIds((await s.search(s.kathy.id, "drawings -quiet")).results)).toEqual([phrase]);
    expect(new Set(replyIds((await s.search(s.kathy.id, "cassette or quiet")).results))).toEqual(new Set([loose, cassette]));
    // Unbalanced quotes and stray operators are not errors: websearch_to_tsquery never fails on input.
    expect((await s.search(s.kathy.id, '"kept the -')).results.map((result) => result.id)).toContain(phrase);
    const common = await s.search(s.kathy.id, "the and of");
    expect(common.results).toEqual([]);
    expect(common.onlyCommonWords).toBe(true);
    expect(common.noWords).toBe(false);
    // Punctuation or symbols alone are not common words: the page asks for words instead.
    for (const query of ['"', "-", "📚", "<>"]) {
      const none = await s.search(s.kathy.id, query);
      expect(none.results).toEqual([]);
      expect(none).toMatchObject({ noWords: true, onlyCommonWords: false });
    }
  });

  it("finds questions, books (not their spoiler summary) and meetings (not cancelled ones), each with its link", async () => {
    const s = await setting();
    await getDb()
      .update(books)
      .set({ title: "Never Let Me Go", description: "Three friends grow up at Hailsham, a boarding school in England.", summary: "In the end the donations complete them." })
      .where(eq(books.id, s.bookId));
    const starts = new Date(Date.now() + 7 * 24 * 3600_000);
    const [meeting] = await getDb()
      .insert(meetings)
      .values({ clubId: s.clubId, bookId: s.bookId, title: "Hailsham evening", startsAt: starts, timeZone: "Europe/London", durationMinutes: 90, notes: "Bring the boarding school chapters." })
      .returning({ id: meetings.id });
    await getDb()
      .insert(meetings)
      .values({ clubId: s.clubId, title: "Cancelled Hailsham lunch", startsAt: starts, timeZone: "Europe/London", durationMinutes: 60, cancelledAt: new Date() });
    const { results } = await s.search(s.kathy.id, "Hailsham");
    const kinds = results.map((result) => `${result.kind}:${result.href}`);
    expect(kinds).toContain(`question:/clubs/${s.clubId}/rooms/${s.secondRoomId}`);
    expect(kinds).toContain(`book:/clubs/${s.clubId}/books/${s.bookId}`);
    expect(kinds).toContain(`meeting:/clubs/${s.clubId}/meetings/${meeting?.id}`);
    expect(results.filter((result) => result.kind === "meeting")).toHaveLength(1);
    expect((await s.search(s.kathy.id, "donations")).results).toEqual([]);
  });

  it("pages 20 results at a time, best first, with a next page while there are more", async () => {
    const s = await setting();
    await insertReplies(s.roomId, s.ruth.id, Array.from({ length: 25 }, (_, index) => `Reply ${index} about the sea wall at Norfolk`));
    const first = await s.search(s.kathy.id, "norfolk");
    expect(first.results).toHaveLength(20);
    expect(first.nextPage).toBe(2);
    const second = await s.search(s.kathy.id, "norfolk", 2);
    expect(second.results).toHaveLength(5);
    expect(second.nextPage).toBeNull();
    expect(new Set([...replyIds(first.results), ...replyIds(second.results)]).size).toBe(25);
  });
});

describe("search keeps every rule the rooms keep", () => {
  it("never shows another club's replies, even with the same words, and is not there for a stranger", async () => {
    const s = await setting();
    const other = await setting();
    const mine = await s.post(s.ruth.id, "Ruth and the Dutch advert of the office.");
    await other.post(other.ruth.id, "Ruth and the Dutch advert of the office.");
    expect(replyIds((await s.search(s.kathy.id, "Dutch advert")).results)).toEqual([mine]);
    expect((await failure(s.search(s.stranger.id, "Dutch advert"))).code).toBe("not_found");
    // A member of the other club is a stranger here.
    expect((await failure(s.search(other.kathy.id, "Dutch advert"))).code).toBe("not_found");
  });

  it("finds no hidden or deleted reply, and nothing in an archived room", async () => {
    const s = await setting();
    const hidden = await s.post(s.ruth.id, "Hidden words about the lighthouse.");
    const deleted = await s.post(s.kathy.id, "Deleted words about the lighthouse.");
    const archived = await s.post(s.ruth.id, "Archived words about the lighthouse.", undefined, s.thirdRoomId);
    const kept = await s.post(s.ruth.id, "Kept words about the lighthouse.");
    await hideReply({ replyId: hidden, userId: s.owner.id, body: { reason: "Off topic." } });
    await deleteReply({ replyId: deleted, userId: s.kathy.id });
    await getDb().update(rooms).set({ archivedAt: new Date() }).where(eq(rooms.id, s.thirdRoomId));
    // The owner may see hidden replies in the room on request, but search leaves them out for everyone.
    for (const reader of [s.kathy.id, s.owner.id]) {
      const found = (await s.search(reader, "lighthouse")).results;
      expect(replyIds(found)).toEqual([kept]);
      expect(found.some((result) => result.id === s.thirdRoomId || result.id === archived)).toBe(false);
    }
  });

  it("neither finds nor shows inline spoiler text", async () => {
    const s = await setting();
    const id = await s.post(s.ruth.id, "The tape matters because ||Madame was crying for the old world|| and nobody said so.");
    expect((await s.search(s.kathy.id, "Madame crying")).results.filter((result) => result.kind === "reply")).toEqual([]);
    const hit = (await s.search(s.kathy.id, "tape")).results.find((result) => result.id === id);
    expect(hit).toBeDefined();
    expect(hit && snippetText(hit)).not.toMatch(/crying|Madame|world/);
  });

  // The renderer veils a later pair of bars when the first "||" opens nothing (a space just
  // inside it, or bars in code): search leaves out everything from the first "||" to the last.
  it.each([
    ["Either this || that, but ||Tommy leakword dies|| later", "leakword", "later"],
    ["Use `||` then ||leakwordtwo|| ok", "leakwordtwo", "use"],
    ["Choices || or not ||leakwordone|| fine", "leakwordone", "fine"],
  ])("neither finds nor shows the spoiler of %j", async (body, veiled, shown) => {
    expect(spoilerWords(renderMarkdown(body))).toContain(veiled);
    const s = await setting();
    const id = await s.post(s.ruth.id, body);
    expect((await s.search(s.kathy.id, veiled)).results).toEqual([]);
    const hit = (await s.search(s.kathy.id, shown)).results.find((result) => result.id === id);
    expect(hit).toBeDefined();
    expect(hit && snippetText(hit).toLowerCase()).not.toContain(veiled);
  });

  it("neither finds nor shows any word the renderer veils, in many bodies of words, bars, spaces, backticks and line breaks", async () => {
    const s = await setting();
    const random = seededRandom(13);
    const bodies = Array.from({ length: 160 }, () => randomBody(random));
    await insertReplies(s.roomId, s.ruth.id, bodies);
    const veiled = new Set(bodies.flatMap((body) => spoilerWords(renderMarkdown(body))));
    const every = bodies.flatMap((body) => body.match(/[a-z]+/g) ?? []);
    // The bodies do veil words (and not all of them), or the test would prove nothing.
    expect(veiled.size).toBeGreaterThan(50);
    expect(veiled.size).toBeLessThan(every.length);
    // Words are unique, so any hit for a veiled word is a leak; "or" joins them in one search.
    for (const words of chunks([...veiled], 15)) expect((await s.search(s.kathy.id, words.join(" or "))).results).toEqual([]);
    for (const words of chunks(every, 15)) {
      for (const hit of (await s.search(s.kathy.id, words.join(" or "))).results) {
        const leaked = (snippetText(hit).match(/[a-z]+/g) ?? []).filter((word) => veiled.has(word));
        expect(leaked, snippetText(hit)).toEqual([]);
      }
    }
  });

  it("leaves out replies past the reader's position until they read that far (or wrote or revealed them)", async () => {
    const s = await setting();
    await updateBookShape({ clubId: s.clubId, bookId: s.bookId, userId: s.owner.id, body: { chapters: "", parts: nlmgParts } });
    const progress = (userId: string, reached: number) => setReadingProgress({ clubId: s.clubId, bookId: s.bookId, userId, body: { reached } });
    await progress(s.ruth.id, END_RANK);
    await progress(s.kathy.id, 5);
    const late = await s.post(s.ruth.id, "The completion of the donors in chapter twenty.", 20);
    const ending = await s.post(s.ruth.id, "The donors at the very end.", END_RANK);
    const early = await s.post(s.ruth.id, "The donors are first named in chapter two.", 2);

    expect(replyIds((await s.search(s.kathy.id, "donors")).results)).toEqual([early]);
    expect(new Set(replyIds((await s.search(s.ruth.id, "donors")).results))).toEqual(new Set([late, ending, early]));
    // A reader who has read further finds it; reaching the last chapter is reaching the end.
    await progress(s.owner.id, 23);
    expect(new Set(replyIds((await s.search(s.owner.id, "donors")).results))).toEqual(new Set([late, ending, early]));
    await progress(s.kathy.id, 20);
    expect(new Set(replyIds((await s.search(s.kathy.id, "donors")).results))).toEqual(new Set([late, early]));
    // "Show" on one reply is the reader's choice to see it: search then finds it too.
    await revealReplyText({ replyId: ending, userId: s.kathy.id });
    expect(new Set(replyIds((await s.search(s.kathy.id, "donors")).results))).toEqual(new Set([late, ending, early]));
  });

  it("finds nothing inside a room veiled for the reader until they lift it, and marks its question as going past them", async () => {
    const s = await setting();
    await updateBookShape({ clubId: s.clubId, bookId: s.bookId, userId: s.owner.id, body: { chapters: "", parts: nlmgParts } });
    await setReadingProgress({ clubId: s.clubId, bookId: s.bookId, userId: s.kathy.id, body: { reached: 5 } });
    await updateRoomReach({ clubId: s.clubId, roomId: s.thirdRoomId, userId: s.owner.id, body: { reach: 18 } });
    const inside = await s.post(s.ruth.id, "Madame's gallery was never real.", 0, s.thirdRoomId);

    const before = await s.search(s.kathy.id, "gallery");
    expect(replyIds(before.results)).toEqual([]);
    const question = before.results.find((result) => result.kind === "question");
    expect(question?.beyond?.reach).toBe(18);
    expect(question && markedWords(question)).toEqual(["gallery"]);

    await liftRoomVeil({ roomId: s.thirdRoomId, userId: s.kathy.id });
    const after = await s.search(s.kathy.id, "gallery");
    expect(replyIds(after.results)).toEqual([inside]);
    expect(after.results.find((result) => result.kind === "question")?.beyond).toBeNull();
  });

  it("keeps the same rules when a word is so common that only each room's newest matches are ranked", async () => {
    const s = await setting();
    await updateBookShape({ clubId: s.clubId, bookId: s.bookId, userId: s.owner.id, body: { chapters: "", parts: nlmgParts } });
    await setReadingProgress({ clubId: s.clubId, bookId: s.bookId, userId: s.ruth.id, body: { reached: END_RANK } });
    const [oldest, middle] = await insertReplies(s.roomId, s.kathy.id, ["Kathy at the start.", "Kathy in the middle."]);
    const past = await s.post(s.ruth.id, "Kathy at the end of the book.", END_RANK);
    const hidden = await s.post(s.ruth.id, "Kathy, hidden.");
    await hideReply({ replyId: hidden, userId: s.owner.id, body: { reason: "Off topic." } });
    const newest = await s.post(s.kathy.id, "Kathy, newest of all.");
    const windowed = await searchClub({ clubId: s.clubId, userId: s.kathy.id, config: "chapterhouse_en", query: "Kathy", limit: 20, offset: 0, window: 2 });
    // The two newest matches Kathy may see in the room: not the hidden one, not the one past her position.
    expect(new Set(windowed.filter((row) => row.kind === "reply").map((row) => row.id))).toEqual(new Set([newest, middle]));
    const all = await searchClub({ clubId: s.clubId, userId: s.kathy.id, config: "chapterhouse_en", query: "Kathy", limit: 20, offset: 0, window: null });
    expect(new Set(all.filter((row) => row.kind === "reply").map((row) => row.id))).toEqual(new Set([newest, middle, oldest]));
    expect(all.map((row) => row.id)).not.toContain(past);
  });

  it("names a deleted account's replies as a former member (no name)", async () => {
    const s = await setting();
    const id = await s.post(s.ruth.id, "Goodbye from the pier.");
    await getDb().update(users).set({ deletedAt: new Date() }).where(eq(users.id, s.ruth.id));
    const hit = (await s.search(s.kathy.id, "pier")).results.find((result) => result.id === id);
    expect(hit?.author).toEqual({ name: null });
  });
});

// A reply's own markup, in the forms the rooms are tested with (tests/e2e/posting.spec.ts,
// tests/unit/markdown.test.ts): none of it may come back as markup.
const xssCorpus = [
  `<script>window.e2eInjected = true; alert("xss")</script>`,
  `<img src="x" onerror="window.e2eInjected = true; alert('xss')">`,
  `<svg onload=alert(1)>`,
  `"><iframe src="javascript:alert(1)"></iframe>`,
  `<a href="javascript:alert(1)">click</a>`,
  `<mark>fake highlight</mark>`,
  `&lt;script&gt;alert(1)&lt;/script&gt;`,
];

describe("search snippets", () => {
  it("show a short reply whole, with what stands before its first word and after its last", async () => {
    const s = await setting({ language: "es" });
    const question = await s.post(s.ruth.id, "¿Por qué crees que Ruth miente?");
    const number = await s.post(s.ruth.id, "Reply about pagingword number 5");
    const comma = await s.post(s.ruth.id, "Miss Emily and Wilhelmina Forsythe, good grief.");
    const hit = async (q: string, id: string) => (await s.search(s.kathy.id, q)).results.find((result) => result.id === id);
    const found = await hit("crees", question);
    expect(found && snippetText(found)).toBe("¿Por qué crees que Ruth miente?");
    expect(found && markedWords(found)).toEqual(["crees"]);
    const paging = await hit("pagingword", number);
    expect(paging && snippetText(paging)).toBe("Reply about pagingword number 5");
    const forsythe = await hit("forsythe", comma);
    expect(forsythe?.snippet).toEqual([
      { text: "Miss Emily and Wilhelmina ", marked: false },
      { text: "Forsythe", marked: true },
      { text: ", good grief.", marked: false },
    ]);
  });

  it("cut a long reply around its matches", async () => {
    const s = await setting();
    const filler = Array.from({ length: 60 }, (_, index) => `filler${index}`).join(" ");
    const id = await s.post(s.ruth.id, `${filler} the lighthouse keeper ${filler}`);
    const found = (await s.search(s.kathy.id, "lighthouse")).results.find((result) => result.id === id);
    expect(found && markedWords(found)).toEqual(["lighthouse"]);
    expect(found && snippetText(found).split(" ").length).toBeLessThanOrEqual(40);
  });
});

describe("search snippets are text, never markup", () => {
  // ts_headline leaves out what its parser reads as tags; whatever else comes back is text.
  it.each(xssCorpus)("runs nothing from %s", async (attack) => {
    const s = await setting();
    const id = await s.post(s.ruth.id, `Orchard ${attack} orchard`);
    const hit = (await s.search(s.kathy.id, "orchard")).results.find((result) => result.id === id);
    expect(hit).toBeDefined();
    if (!hit) return;
    // The matched words are marked; the attack is plain text between them.
    expect(markedWords(hit).map((word) => word.toLowerCase())).toEqual(["orchard", "orchard"]);
    const html = renderToStaticMarkup(createElement(SearchSnippet, { segments: hit.snippet }));
    expect(html.match(/<mark\b/g)).toHaveLength(2);
    // The only elements are the snippet's own; every other angle bracket is escaped text.
    const text = html.replace(/<\/?(p|span|mark)( class="[^"<>]*")?>/g, "");
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toMatch(/<(script|img|svg|iframe|a)\b/i);
    // What the snippet says is what the reply says, tags aside: its text is not rewritten.
    for (const segment of hit.snippet) expect(`Orchard ${attack} orchard`.replace(/\s+/g, " ")).toContain(segment.text.trim());
  });
});

describe("a club's language", () => {
  it("is the creator's choice when the club is created, English or Spanish only", async () => {
    const creator = await createTestUser("Creator");
    const { clubId } = await createClub({ userId: creator.id, body: { name: "Club de lectura", description: "", language: "es" } });
    const [row] = await getDb().select({ language: clubs.language }).from(clubs).where(eq(clubs.id, clubId));
    expect(row?.language).toBe("es");
    const refused = await failure(createClub({ userId: creator.id, body: { name: "Klub", description: "", language: "de" } }));
    expect(refused.code).toBe("bad_request");
    expect(refused.fields?.language).toBeDefined();
  });

  it("changing it reindexes the club's replies in the same step, and only the owner may", async () => {
    const s = await setting();
    const id = await s.post(s.ruth.id, "Kathy cantaba la canción en el dormitorio.");
    // English stemming keeps "cantaba" and "cantar" apart; Spanish stemming joins them.
    expect(replyIds((await s.search(s.kathy.id, "cantar")).results)).toEqual([]);
    expect((await failure(changeClubLanguage({ clubId: s.clubId, userId: s.kathy.id, body: { language: "es" } }))).code).toBe("forbidden");
    expect((await failure(changeClubLanguage({ clubId: s.clubId, userId: s.owner.id, body: { language: "fr" } }))).code).toBe("bad_request");
    const changed = await changeClubLanguage({ clubId: s.clubId, userId: s.owner.id, body: { language: "es" } });
    expect(changed).toEqual({ language: "es", reindexed: 1 });
    const [row] = await getDb().select({ config: replies.searchConfig }).from(replies).where(eq(replies.id, id));
    expect(row?.config).toBe("chapterhouse_es");
    expect(replyIds((await s.search(s.kathy.id, "cantar")).results)).toEqual([id]);
    // A reply posted after the change is indexed in the new language too.
    const later = await s.post(s.kathy.id, "Ruth no quería cantar.");
    expect(new Set(replyIds((await s.search(s.kathy.id, "cantaba")).results))).toEqual(new Set([id, later]));
  });
});
