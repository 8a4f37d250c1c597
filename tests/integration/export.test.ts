import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { eq, sql } from "drizzle-orm";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { strFromU8, unzipSync } from "fflate";
import MarkdownIt from "markdown-it";
import { encode } from "next-auth/jwt";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as clubExportRoutes from "@/app/api/clubs/[clubId]/export/route";
import * as ownExportRoutes from "@/app/api/profile/export/route";
import { getDb } from "@/db/index";
import { readSessionStanding } from "@/db/queries/sessions";
import { books, clubMembers, clubs } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";
import { users } from "@/db/schema/users";
import { setReplyReaction } from "@/lib/discussion/reactions";
import { hideReply, pinReply } from "@/lib/discussion/moderation";
import { deleteReply, editReply, postReply } from "@/lib/discussion/replies";
import { AppError } from "@/lib/errors";
import { exportClub } from "@/lib/export/club-export";
import { contentDisposition } from "@/lib/export/download";
import { exportOwnReplies } from "@/lib/export/own-export";
import { exportFilenames } from "@/lib/export/words";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { withCookie } from "./request-scope";

// Export (issue 13, docs/decisions/0029-export.md): an owner takes the club's whole discussion
// as JSON, one HTML page or Markdown files in a zip; a member takes their own replies. Through
// the real doors and route handlers, on a real database; only next/headers' request scope is
// stood in for (as in language.test.ts).

vi.mock("next/headers", () => import("./request-scope"));

const secret = "integration-test-secret-0123456789";

const clubExportRoute = clubExportRoutes.GET;
const ownExportRoute = ownExportRoutes.GET;

/** What Next calls for a HEAD request: the route's HEAD, or its GET when it exports none. */
type RouteModule = { GET: typeof clubExportRoute; HEAD?: () => Response | Promise<Response> };
const headOf = (module: RouteModule) => module.HEAD ?? module.GET;

async function sessionCookie(user: { id: string; name: string; email: string }): Promise<string> {
  const sessionVersion = (await readSessionStanding({ userId: user.id }))?.sessionVersion ?? 0;
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, sessionId: crypto.randomUUID(), sessionVersion }, secret });
  return `next-auth.session-token=${token}`;
}

// ---- the XSS corpus: what the rooms' tests throw at the renderer (tests/unit/markdown.test.ts,
// tests/unit/inline-spoiler.test.ts, tests/e2e/posting.spec.ts), and more of the usual kind ----

const xssCorpus = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(2)">',
  '<img src="x" onerror="window.e2eInjected = true; alert(\'xss\')">',
  "<svg onload=alert(3)>",
  '<iframe src="javascript:alert(4)"></iframe>',
  "[x](javascript:alert(5))",
  "[x](JaVaScRiPt:alert(6))",
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  "[x](vbscript:msgbox)",
  "[x](&#106;avascript:alert(7))",
  '<a href="javascript:alert(8)">x</a>',
  "![x](javascript:alert(9))",
  '||<img src=x onerror="alert(10)"><script>alert(11)</script>||',
  "<style>body{display:none}</style>",
  '"><script>alert(12)</script>',
  '<math><mi xlink:href="javascript:alert(13)">x</mi></math>',
  "<details open ontoggle=alert(14)>",
  "`<script>alert(15)</script>`",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(16)">',
  '<base href="javascript:alert(17)//">',
  // What a Markdown reader that renders HTML would make live in the Markdown zip.
  "<javascript:alert(18)>",
  "[x](javascript\\:alert(19))",
  "[x](<javascript:alert(20)>)",
  "[x](\njavascript:alert(21))",
  "\n[ref]: javascript:alert(22)\n\n[see][ref]",
  "\\`<script>alert(23)</script>\\`",
  "\n\n| `a | <img src=x onerror=alert(24)> ` |\n| --- | --- |\n| `b | <script>alert(25)</script> ` |",
  "![tracker](https://evil.example/pixel.png)",
  "\n```\nkept as code <b>\n```\n<script>alert(26)</script>",
  "<img src=x\nonerror=alert(27)>",
  "\r<script>alert(28)</script>",
  "[fine](https://example.com/a?b=1&c=2) and <https://example.com/auto>",
];

/** What an old renderer might have left in a row: the export's own sanitizer must still stop it. */
const storedUnsafeHtml = '<p>Old row <img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">link</a><span onclick="alert(4)">tap</span></p>';

// ---- the club ----

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

type World = {
  owner: TestUser;
  moderator: TestUser;
  member: TestUser;
  former: TestUser;
  stranger: TestUser;
  clubId: string;
  roomIds: string[];
  secondRoomId: string;
  ids: Record<"edited" | "spoiler" | "pinned" | "hiddenLeaf" | "hiddenParent" | "underHidden" | "deletedParent" | "underDeleted" | "deletedLeaf" | "byFormer" | "oldRow", string>;
  corpusIds: string[];
};

const hiddenText = "HIDDEN-TEXT the moderator took away";
const hiddenParentText = "HIDDEN-PARENT text nobody should export";
const deletedText = "DELETED-TEXT that its author took back";

async function buildWorld(): Promise<World> {
  const owner = await createTestUser("Owner");
  const moderator = await createTestUser("Moderator");
  const member = await createTestUser("Member");
  const former = await createTestUser("Former");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: moderator.id, role: "moderator" },
      { userId: member.id, role: "member" },
      { userId: former.id, role: "member" },
    ],
    questions: ["What did you make of the opening? <b onmouseover=alert(1)>bold</b>", "Who changed the most?"],
  });
  const db = getDb();
  const [roomA, roomB] = club.roomIds;
  if (!roomA || !roomB) throw new Error("rooms missing");
  // Words of the club itself are escaped too: its name, a book's title, a member's name.
  await db.update(clubs).set({ name: "Hailsham <script>alert('club')</script> Circle" }).where(eq(clubs.id, club.clubId));
  await db.update(users).set({ name: `<img src=x onerror=alert(1)>${member.name}` }).where(eq(users.id, member.id));
  const [secondBook] = await db.insert(books).values({ clubId: club.clubId, title: "The Remains of the Day", author: "Kazuo Ishiguro", year: 1989 }).returning({ id: books.id });
  if (!secondBook) throw new Error("book missing");
  const [secondRoom] = await db.insert(rooms).values({ clubId: club.clubId, bookId: secondBook.id, position: 1, question: "Is Stevens reliable?" }).returning({ id: rooms.id });
  if (!secondRoom) throw new Error("room missing");

  const post = async (userId: string, body: string, parentId: string | null = null, roomId = roomA) =>
    (await postReply({ roomId, userId, body: replyInput(body, parentId) })).reply.id;

  const edited = await post(owner.id, "The opening is all memory.");
  await editReply({ replyId: edited, userId: owner.id, body: { body: "The opening is all memory, and not to be trusted." } });
  const spoiler = await post(member.id, "Do not read on: ||Tommy dies|| in the end.", edited);
  await db.update(replies).set({ spoilerLevel: 10000 }).where(eq(replies.id, spoiler));
  const pinned = await post(owner.id, "Start here: what is Hailsham?");
  await pinReply({ replyId: pinned, userId: owner.id });
  await setReplyReaction({ replyId: pinned, userId: member.id, body: { kind: "heart", reacted: true } });
  await setReplyReaction({ replyId: pinned, userId: moderator.id, body: { kind: "heart", reacted: true } });
  await setReplyReaction({ replyId: pinned, userId: member.id, body: { kind: "idea", reacted: true } });

  const hiddenLeaf = await post(member.id, hiddenText, pinned);
  await hideReply({ replyId: hiddenLeaf, userId: moderator.id, body: { reason: "Spoils the ending." } });
  const hiddenParent = await post(member.id, hiddenParentText);
  const underHidden = await post(owner.id, "An answer under a hidden reply stays.", hiddenParent);
  await hideReply({ replyId: hiddenParent, userId: moderator.id, body: { reason: "Rude." } });
  const deletedParent = await post(moderator.id, deletedText);
  const underDeleted = await post(member.id, "An answer under a deleted reply stays.", deletedParent);
  await deleteReply({ replyId: deletedParent, userId: moderator.id });
  const deletedLeaf = await post(member.id, `${deletedText} (a leaf)`, underDeleted);
  await deleteReply({ replyId: deletedLeaf, userId: member.id });

  const byFormer = await post(former.id, "Words of someone who has since gone.", edited);
  await db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, former.id));

  const oldRow = await post(owner.id, "An old row.", null, roomB);
  await db.update(replies).set({ bodyHtml: storedUnsafeHtml }).where(eq(replies.id, oldRow));

  const corpusIds: string[] = [];
  // Two authors share the corpus: one alone would be over the replies-per-minute limit.
  for (const [index, payload] of xssCorpus.entries()) corpusIds.push(await post(index < 18 ? member.id : owner.id, `Payload ${index}: ${payload}`, null, roomB));

  await post(member.id, "A thought about the butler.", null, secondRoom.id);

  return {
    owner,
    moderator,
    member,
    former,
    stranger,
    clubId: club.clubId,
    roomIds: club.roomIds,
    secondRoomId: secondRoom.id,
    ids: { edited, spoiler, pinned, hiddenLeaf, hiddenParent, underHidden, deletedParent, underDeleted, deletedLeaf, byFormer, oldRow },
    corpusIds,
  };
}

async function downloadText(download: { body: ReadableStream<Uint8Array> }): Promise<string> {
  return new Response(download.body).text();
}

async function downloadBytes(download: { body: ReadableStream<Uint8Array> }): Promise<Uint8Array> {
  return new Uint8Array(await new Response(download.body).arrayBuffer());
}

const schema = JSON.parse(readFileSync("docs/export.schema.json", "utf8")) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

type JsonReply = {
  id: string;
  threadId: string;
  parentId: string | null;
  depth: number;
  kind: "reply" | "deleted" | "hidden";
  author: { id: string; name: string; formerMember: boolean } | null;
  createdAt: string;
  editedAt: string | null;
  pinned: boolean;
  spoilerLevel: number;
  body: string | null;
  bodyHtml: string | null;
  reactions: Record<string, number>;
};
type JsonExport = { format: string; books: { title: string; current: boolean; rooms: { id: string; question: string; replies: JsonReply[] }[] }[] };

// ---- HTML, parsed as a browser would (parse5 follows the WHATWG parsing algorithm) ----

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

function elements(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (current: Node) => {
    if ("tagName" in current) found.push(current);
    const children = "childNodes" in current ? current.childNodes : [];
    for (const child of children) walk(child);
    if ("content" in current && current.content) walk(current.content);
  };
  walk(node);
  return found;
}

function textOf(node: Node): string {
  if (node.nodeName === "#text" && "value" in node) return node.value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

/** Everything in a document that could run a script or reach outside the file. */
function dangers(html: string): string[] {
  const found: string[] = [];
  for (const element of elements(parse(html))) {
    if (["script", "iframe", "object", "embed", "form", "base", "link", "img", "svg", "math", "frame", "frameset"].includes(element.tagName)) found.push(`<${element.tagName}>`);
    if (element.tagName === "meta" && element.attrs.some((attr) => attr.name === "http-equiv" && attr.value.toLowerCase() === "refresh")) found.push("<meta refresh>");
    for (const attr of element.attrs) {
      if (/^on/i.test(attr.name)) found.push(`${element.tagName}[${attr.name}]`);
      if (["href", "src", "action", "formaction", "xlink:href", "srcset", "background", "poster"].includes(attr.name)) {
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        if (!/^(https?:|mailto:|#)/.test(value)) found.push(`${element.tagName}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return found;
}

function byId(html: string, id: string): Element | undefined {
  return elements(parse(html)).find((element) => element.attrs.some((attr) => attr.name === "id" && attr.value === id));
}

describe("a club's export", () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });

  it("JSON validates against docs/export.schema.json and names every kept reply exactly once, each parent before its answers", async () => {
    const text = await downloadText(await exportClub({ clubId: world.clubId, userId: world.owner.id, body: { format: "json", locale: "en" } }));
    const document = JSON.parse(text) as JsonExport;
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    expect(document.books.map((book) => [book.title, book.current])).toEqual([
      ["A Test Book", true],
      ["The Remains of the Day", false],
    ]);

    const all = document.books.flatMap((book) => book.rooms.flatMap((room) => room.replies));
    const ids = all.map((reply) => reply.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Every visible reply in the club is there.
    const visible = await getDb()
      .select({ id: replies.id })
      .from(replies)
      .innerJoin(rooms, eq(rooms.id, replies.roomId))
      .where(sql`${rooms.clubId} = ${world.clubId} and ${replies.deletedAt} is null and ${replies.hiddenAt} is null`);
    expect(new Set(all.filter((reply) => reply.kind === "reply").map((reply) => reply.id))).toEqual(new Set(visible.map((row) => row.id)));
    // Parents resolve, and each comes before its answers, in the same thread.
    const seen = new Map<string, JsonReply>();
    for (const reply of all) {
      if (reply.parentId) {
        const parent = seen.get(reply.parentId);
        expect(parent, `parent of ${reply.id}`).toBeDefined();
        expect(parent?.threadId).toBe(reply.threadId);
        expect(reply.depth).toBe((parent?.depth ?? -1) + 1);
      } else {
        expect(reply.threadId).toBe(reply.id);
      }
      seen.set(reply.id, reply);
    }

    // Hidden: a leaf is left out; one with an answer keeps only its place.
    expect(seen.has(world.ids.hiddenLeaf)).toBe(false);
    expect(seen.get(world.ids.hiddenParent)).toMatchObject({ kind: "hidden", author: null, body: null, bodyHtml: null, reactions: {} });
    expect(seen.get(world.ids.underHidden)).toMatchObject({ kind: "reply", parentId: world.ids.hiddenParent });
    // Deleted: the same.
    expect(seen.has(world.ids.deletedLeaf)).toBe(false);
    expect(seen.get(world.ids.deletedParent)).toMatchObject({ kind: "deleted", author: null, body: null });
    expect(seen.get(world.ids.underDeleted)).toMatchObject({ kind: "reply", parentId: world.ids.deletedParent });
    for (const gone of [hiddenText, hiddenParentText, deletedText, "Spoils the ending.", "Rude."]) expect(text).not.toContain(gone);

    // Edits, pins, spoilers, reactions, authors.
    const edited = seen.get(world.ids.edited);
    expect(edited?.editedAt).toMatch(/Z$/);
    expect(Date.parse(edited?.editedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(edited?.createdAt ?? ""));
    expect(edited?.body).toBe("The opening is all memory, and not to be trusted.");
    expect(seen.get(world.ids.pinned)).toMatchObject({ pinned: true, editedAt: null, reactions: { heart: 2, idea: 1 } });
    expect(seen.get(world.ids.spoiler)).toMatchObject({ spoilerLevel: 10000, parentId: world.ids.edited, body: "Do not read on: ||Tommy dies|| in the end." });
    expect(seen.get(world.ids.spoiler)?.author).toEqual({ id: world.member.id, name: `<img src=x onerror=alert(1)>${world.member.name}`, formerMember: false });
    expect(seen.get(world.ids.byFormer)?.author).toEqual({ id: world.former.id, name: "A former member", formerMember: true });
    expect(text).not.toContain(world.former.name);
    // No one's email, anywhere.
    for (const person of [world.owner, world.moderator, world.member, world.former]) expect(text).not.toContain(person.email);
  });

  it("names a deleted account in the exporter's language, and writes the file's own words in it", async () => {
    const text = await downloadText(await exportClub({ clubId: world.clubId, userId: world.owner.id, body: { format: "html", locale: "es" } }));
    expect(text).toContain('<html lang="es">');
    expect(text).toContain("Un antiguo miembro");
    expect(text).toContain("Pregunta 1");
    expect(text).not.toContain("A former member");
  });

  it("HTML is one offline page, threaded as in the room, and passes the XSS corpus", async () => {
    const download = await exportClub({ clubId: world.clubId, userId: world.owner.id, body: { format: "html", locale: "en" } });
    expect(download.filename).toMatch(/^hailsham-script-alert-club-script-circle-\d{4}-\d{2}-\d{2}\.html$/);
    expect(download.contentType).toBe("text/html; charset=utf-8");
    const html = await downloadText(download);

    expect(dangers(html)).toEqual([]);
    // Its own policy: no script, nothing fetched, whatever a reply holds.
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).toMatch(/@media print/);

    const document = parse(html);
    const page = textOf(document);
    // Every payload's reply is there, its text shown as text (nothing was dropped with the attack).
    for (const index of xssCorpus.keys()) expect(page).toContain(`Payload ${index}:`);
    expect(page).toContain("<script>alert(1)</script>");
    expect(page).toContain("Hailsham <script>alert('club')</script> Circle");
    expect(page).toContain("<b onmouseover=alert(1)>bold</b>");
    expect(page).toContain(`<img src=x onerror=alert(1)>${world.member.name}`);
    // The old row's link and image are gone, its words stay.
    expect(textOf(byId(html, `r-${world.ids.oldRow}`) as Node)).toContain("Old row");

    // Nested as on screen: an answer inside the item of the reply it answers.
    const parentItem = byId(html, `r-${world.ids.edited}`);
    expect(parentItem && elements(parentItem).some((element) => element.attrs.some((attr) => attr.name === "id" && attr.value === `r-${world.ids.spoiler}`))).toBe(true);
    const hiddenItem = byId(html, `r-${world.ids.hiddenParent}`);
    expect(textOf(hiddenItem as Node)).toContain("A reply hidden by a moderator.");
    expect(textOf(hiddenItem as Node)).toContain("An answer under a hidden reply stays.");
    expect(textOf(byId(html, `r-${world.ids.deletedParent}`) as Node)).toContain("A deleted reply.");
    expect(byId(html, `r-${world.ids.hiddenLeaf}`)).toBeUndefined();
    for (const gone of [hiddenText, hiddenParentText, deletedText]) expect(page).not.toContain(gone);

    // Inline spoilers are open and labelled: no script will ever reveal them.
    const spoilerItem = textOf(byId(html, `r-${world.ids.spoiler}`) as Node);
    expect(spoilerItem).toContain("Spoiler Tommy dies");
    expect(spoilerItem).toContain("Spoiler up to the ending");
    expect(html).not.toContain('role="button"');
    // Edits and pins are marked.
    expect(textOf(byId(html, `r-${world.ids.edited}`) as Node)).toMatch(/edited /);
    expect(textOf(byId(html, `r-${world.ids.pinned}`) as Node)).toContain("Pinned");
    for (const person of [world.owner, world.moderator, world.member, world.former]) expect(html).not.toContain(person.email);
  });

  it("Markdown is a zip with a README and one file per question, threads as nested quotes", async () => {
    const download = await exportClub({ clubId: world.clubId, userId: world.owner.id, body: { format: "markdown", locale: "en" } });
    expect(download.filename).toMatch(/\.zip$/);
    const files = unzipSync(await downloadBytes(download));
    const names = Object.keys(files).sort();
    expect(names).toEqual([
      "01-a-test-book/01-what-did-you-make-of-the-opening-b-onmouseover-ale.md",
      "01-a-test-book/02-who-changed-the-most.md",
      "02-the-remains-of-the-day/01-is-stevens-reliable.md",
      "README.md",
    ]);
    const readme = strFromU8(files["README.md"] as Uint8Array);
    for (const name of names.filter((name) => name !== "README.md")) expect(readme).toContain(`](${name})`);
    const first = strFromU8(files[names[0] as string] as Uint8Array);
    expect(first).toContain("> > Do not read on: ||Tommy dies|| in the end.");
    expect(first).toContain("> The opening is all memory, and not to be trusted.");
    expect(first).toContain("*A deleted reply.*");
    expect(first).toContain("**A former member**");
    expect(first).toContain("❤️ 2 · 💡 1");
    for (const gone of [hiddenText, hiddenParentText, deletedText]) expect(first).not.toContain(gone);
    const second = strFromU8(files[names[1] as string] as Uint8Array);
    expect(second).toContain("Payload 0: &lt;script>alert(1)&lt;/script>");
  });

  it("Markdown reads as its authors typed it even in a reader that renders HTML: the XSS corpus stays text", async () => {
    const download = await exportClub({ clubId: world.clubId, userId: world.owner.id, body: { format: "markdown", locale: "en" } });
    const files = unzipSync(await downloadBytes(download));
    // As Obsidian or Typora would: raw HTML on, bare addresses linked, and no refusal of javascript: links.
    const reader = new MarkdownIt({ html: true, linkify: true });
    reader.validateLink = () => true;
    let text = "";
    for (const [name, bytes] of Object.entries(files)) {
      const html = reader.render(strFromU8(bytes));
      // The README links each question's file by its relative path: that is the one address allowed besides http(s).
      expect(dangers(html).filter((danger) => !/^a\[href=\d\d-[a-z0-9-]+\/[a-z0-9-]+\.md\]$/.test(danger)), name).toEqual([]);
      text += textOf(parse(html));
    }
    for (const index of xssCorpus.keys()) expect(text).toContain(`Payload ${index}:`);
    // Shown as the characters typed, not lost.
    expect(text).toContain("Payload 0: <script>alert(1)</script>");
    expect(text).toContain('Payload 1: <img src=x onerror="alert(2)">');
    expect(text).toContain("Payload 5: [x](javascript:alert(5))");
    expect(text).toContain(`Payload ${xssCorpus.indexOf("![tracker](https://evil.example/pixel.png)")}: ![tracker](https://evil.example/pixel.png)`);
    expect(text).toContain("kept as code <b>");
    expect(text).toContain("Hailsham <script>alert('club')</script> Circle");
    expect(text).toContain("<b onmouseover=alert(1)>bold</b>");
    expect(text).toContain(`<img src=x onerror=alert(1)>${world.member.name}`);
    // Links to http(s) stay links.
    const second = reader.render(strFromU8(files["01-a-test-book/02-who-changed-the-most.md"] as Uint8Array));
    expect(second).toContain('<a href="https://example.com/a?b=1&amp;c=2">fine</a>');
    // An autolink's `<` is escaped too; a reader that links bare addresses still links it.
    expect(second).toContain('&lt;<a href="https://example.com/auto">https://example.com/auto</a>&gt;');
  });

  it("only the owner may export: a moderator or member is told so, a stranger finds no club", async () => {
    const call = (userId: string) => exportClub({ clubId: world.clubId, userId, body: { format: "json", locale: "en" } });
    for (const person of [world.moderator, world.member]) {
      await expect(call(person.id)).rejects.toMatchObject({ code: "forbidden", message: "Only the club's owner can export its discussion." });
    }
    await expect(call(world.stranger.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportClub({ clubId: world.clubId, userId: world.owner.id, body: { format: "pdf", locale: "en" } })).rejects.toBeInstanceOf(AppError);
  });

  it("through the route: an attachment for the owner; 403 in the reader's language for a moderator; 404 for a stranger", async () => {
    const get = async (user: TestUser, query: string, language = "en") => {
      const request = new Request(`http://localhost/api/clubs/${world.clubId}/export${query}`);
      const headers = new Headers({ "accept-language": language });
      return (await withCookie(await sessionCookie(user), () => clubExportRoute(request, { params: Promise.resolve({ clubId: world.clubId }) }), headers)).result;
    };
    const owner = await get(world.owner, "?format=json");
    expect(owner.status).toBe(200);
    expect(owner.headers.get("content-disposition")).toMatch(/^attachment; filename="hailsham-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(owner.headers.get("cache-control")).toBe("private, no-store");
    expect(validate(JSON.parse(await owner.text()))).toBe(true);

    const moderator = await get(world.moderator, "?format=html", "es");
    expect(moderator.status).toBe(403);
    expect(await moderator.json()).toEqual({ error: { code: "forbidden", message: "Solo el propietario o la propietaria del club puede exportar su conversación." } });
    expect((await get(world.stranger, "?format=html")).status).toBe(404);
    const badFormat = await get(world.owner, "?format=pdf");
    expect(badFormat.status).toBe(400);
  });
});

describe("how often", () => {
  it("an owner may export six times an hour; the seventh is refused with when to try again", async () => {
    const owner = await createTestUser("Owner");
    const club = await createTestClub({ members: [{ userId: owner.id, role: "owner" }] });
    const call = () => exportClub({ clubId: club.clubId, userId: owner.id, body: { format: "json", locale: "en" } });
    for (let index = 0; index < 6; index += 1) await (await call()).body.cancel();
    const refused = await call().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "rate_limited" });
    expect((refused as AppError).retryAfter).toBeGreaterThan(0);
    expect((refused as AppError).message).toMatch(/^You've exported a lot just now\. Try again in \d+ minutes?\.$/);
  });
});

describe("a browser that follows a download link is told why it did not start", () => {
  const navigate = (language: string) => new Headers({ "accept-language": language, "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", accept: "text/html,application/xhtml+xml,*/*;q=0.8" });

  it("past the limit: the same 429 and Retry-After, as a page in the reader's language with the message as an alert and a way back", async () => {
    const owner = await createTestUser("Owner");
    const club = await createTestClub({ members: [{ userId: owner.id, role: "owner" }] });
    const cookie = await sessionCookie(owner);
    const get = async (headers: Headers) =>
      (await withCookie(cookie, () => clubExportRoute(new Request(`http://localhost/api/clubs/${club.clubId}/export?format=json`, { headers }), { params: Promise.resolve({ clubId: club.clubId }) }), headers)).result;
    for (let index = 0; index < 6; index += 1) expect((await get(navigate("en"))).status).toBe(200);

    const page = await get(navigate("es"));
    expect(page.status).toBe(429);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const html = await page.text();
    expect(dangers(html).filter((danger) => danger !== `a[href=/clubs/${club.clubId}/settings]`)).toEqual([]);
    const alert = elements(parse(html)).find((element) => element.attrs.some((attr) => attr.name === "role" && attr.value === "alert"));
    expect(textOf(alert as Node)).toMatch(/^Has exportado mucho hace poco\. Vuelve a intentarlo en \d+ minutos?\.$/);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain(`<a href="/clubs/${club.clubId}/settings">Volver a los ajustes del club</a>`);

    // A script asking the same address (fetch sends Sec-Fetch-Mode: cors) still gets JSON.
    const script = await get(new Headers({ "sec-fetch-mode": "cors", accept: "*/*" }));
    expect(script.status).toBe(429);
    expect(await script.json()).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("signed out: 401 as a page that says to sign in, for the club's export and one's own", async () => {
    const headers = navigate("en");
    const clubId = crypto.randomUUID();
    const club = (await withCookie("", () => clubExportRoute(new Request(`http://localhost/api/clubs/${clubId}/export?format=html`, { headers }), { params: Promise.resolve({ clubId }) }), headers)).result;
    expect(club.status).toBe(401);
    expect(await club.text()).toContain('<p role="alert" class="intro">Sign in to continue.</p>');
    const own = (await withCookie("", () => ownExportRoute(new Request("http://localhost/api/profile/export?format=html", { headers }), { params: Promise.resolve({}) }), headers)).result;
    expect(own.status).toBe(401);
    const html = await own.text();
    expect(html).toContain('<p role="alert" class="intro">Sign in to continue.</p>');
    expect(html).toContain('<a href="/profile#your-data">Back to your profile</a>');
  });
});

describe("HEAD", () => {
  it("neither runs an export nor spends a point: 405 with Allow: GET, and six of them leave all six exports", async () => {
    const owner = await createTestUser("Owner");
    const club = await createTestClub({ members: [{ userId: owner.id, role: "owner" }] });
    const cookie = await sessionCookie(owner);
    const ask = async (module: RouteModule, method: "HEAD" | "GET", url: string, params: Record<string, string>) =>
      (await withCookie(cookie, async () => (method === "HEAD" ? headOf(module) : module.GET)(new Request(url, { method }), { params: Promise.resolve(params as { clubId: string }) }))).result;
    for (const [module, url, params] of [
      [clubExportRoutes, `http://localhost/api/clubs/${club.clubId}/export?format=json`, { clubId: club.clubId }],
      [ownExportRoutes, "http://localhost/api/profile/export?format=json", {}],
    ] as const) {
      for (let index = 0; index < 6; index += 1) {
        const head = await ask(module as RouteModule, "HEAD", url, params);
        expect(head.status).toBe(405);
        expect(head.headers.get("allow")).toBe("GET");
        expect(head.body).toBeNull();
      }
      for (let index = 0; index < 6; index += 1) {
        const response = await ask(module as RouteModule, "GET", url, params);
        expect(response.status).toBe(200);
        await response.body?.cancel();
      }
    }
  });
});

describe("file names", () => {
  const day = "2026-12-01";
  const names: [string, string, string | null][] = [
    ["The Hailsham Circle", "the-hailsham-circle", null],
    ["Ünïcødé Straße", "unicode-strasse", "ünïcødé-straße"],
    ["Ærø, Łódź & Đakovo", "aero-lodz-dakovo", "ærø-łódź-đakovo"],
    ['Say "hi" / back\\slash', "say-hi-back-slash", null],
    ['x"; filename="evil.exe', "x-filename-evil-exe", null],
    ["Line\r\nBreak", "line-break", null],
    ["📚 Book Lovers 🐉", "book-lovers", null],
    ["Клуб любителей книг", "club", "клуб-любителей-книг"],
    ["読書会", "club", "読書会"],
    ["\u202egnp.exe", "gnp-exe", null],
    ["🐉🐉", "club", null],
  ];

  it.each(names)("%j: an ASCII filename everyone reads, and filename* in its own letters when it has any", (name, ascii, unicode) => {
    const header = contentDisposition(exportFilenames(name, "club", day, "html"));
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(() => new Headers({ "content-disposition": header })).not.toThrow();
    const match = /^attachment; filename="([^"\\]*)"(?:; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+))?$/.exec(header);
    expect(match, header).not.toBeNull();
    expect(match?.[1]).toBe(`${ascii}-${day}.html`);
    expect(match?.[2] ? decodeURIComponent(match[2]) : null).toBe(unicode === null ? null : `${unicode}-${day}.html`);
  });

  it("through the route: a Spanish club's name keeps its letters in filename*", async () => {
    const owner = await createTestUser("Owner");
    const club = await createTestClub({ members: [{ userId: owner.id, role: "owner" }] });
    await getDb().update(clubs).set({ name: "Tertulia Año Niño" }).where(eq(clubs.id, club.clubId));
    const request = new Request(`http://localhost/api/clubs/${club.clubId}/export?format=json`);
    const response = (await withCookie(await sessionCookie(owner), () => clubExportRoute(request, { params: Promise.resolve({ clubId: club.clubId }) }))).result;
    await response.body?.cancel();
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="tertulia-ano-nino-\d{4}-\d{2}-\d{2}\.json"; filename\*=UTF-8''tertulia-a%C3%B1o-ni%C3%B1o-\d{4}-\d{2}-\d{2}\.json$/);
  });
});

describe("a member's own replies", () => {
  it("hold only their replies, in every club they wrote in, those they left too; deleted ones left out, hidden ones without text", async () => {
    const world = await buildWorld();
    // The member also wrote in a club they have since left.
    const elsewhere = await createTestClub({ members: [{ userId: world.member.id, role: "member" }, { userId: world.stranger.id, role: "owner" }], questions: ["Where were we?"] });
    const [elsewhereRoom] = elsewhere.roomIds;
    if (!elsewhereRoom) throw new Error("room missing");
    const left = (await postReply({ roomId: elsewhereRoom, userId: world.member.id, body: replyInput("Said before I left.") })).reply.id;
    const othersWords = "The owner's words elsewhere.";
    await postReply({ roomId: elsewhereRoom, userId: world.stranger.id, body: replyInput(othersWords, left) });
    await getDb().delete(clubMembers).where(sql`${clubMembers.clubId} = ${elsewhere.clubId} and ${clubMembers.userId} = ${world.member.id}`);

    const text = await downloadText(await exportOwnReplies({ userId: world.member.id, body: { format: "json", locale: "en" } }));
    const document = JSON.parse(text) as { replies: { id: string; kind: string; body: string | null; club: { id: string; stillMember: boolean } }[] };
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);

    const theirs = await getDb().select({ id: replies.id, deletedAt: replies.deletedAt }).from(replies).where(eq(replies.authorId, world.member.id));
    const expected = theirs.filter((row) => row.deletedAt === null).map((row) => row.id);
    expect(document.replies.map((reply) => reply.id).sort()).toEqual([...expected].sort());
    expect(document.replies.find((reply) => reply.id === left)?.club).toEqual({ id: elsewhere.clubId, name: expect.any(String), stillMember: false });
    expect(document.replies.find((reply) => reply.id === world.ids.hiddenParent)).toMatchObject({ kind: "hidden", body: null });
    expect(text).not.toContain(othersWords);
    expect(text).not.toContain("The opening is all memory");
    expect(text).not.toContain(hiddenParentText);
    expect(text).not.toContain(deletedText);

    const html = await downloadText(await exportOwnReplies({ userId: world.member.id, body: { format: "html", locale: "en" } }));
    expect(dangers(html)).toEqual([]);
    const page = textOf(parse(html));
    expect(page).toContain("Said before I left.");
    expect(page).toContain("You are no longer a member of this club.");
    expect(page).toContain("Payload 0: <script>alert(1)</script>");
    expect(page).not.toContain(othersWords);
  });

  it("through the route, for anyone signed in: their own file", async () => {
    const reader = await createTestUser("Reader");
    const request = new Request("http://localhost/api/profile/export?format=json");
    const response = (await withCookie(await sessionCookie(reader), () => ownExportRoute(request, { params: Promise.resolve({}) }))).result;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="reader-[a-z0-9-]+-replies-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(JSON.parse(await response.text())).toMatchObject({ format: "chapterhouse.own-replies", replies: [] });
  });

  it("asked for Markdown, which only the club's export has: told the formats there are for one's own replies", async () => {
    const reader = await createTestUser("Reader");
    for (const [language, message] of [
      ["en", "Choose a format for your replies: html or json."],
      ["es", "Elige un formato para tus respuestas: html o json."],
    ] as const) {
      const request = new Request("http://localhost/api/profile/export?format=markdown");
      const response = (await withCookie(await sessionCookie(reader), () => ownExportRoute(request, { params: Promise.resolve({}) }), new Headers({ "accept-language": language }))).result;
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(message);
    }
  });
});

// ---- a large club: bounded memory ----

const large = { rooms: 4, threadsPerRoom: 2_500, repliesPerThread: 10 };
const largeTotal = large.rooms * large.threadsPerRoom * large.repliesPerThread;

/** 100,000 replies written by SQL (generate_series): each thread an opening reply and nine answers, some nested three deep. */
async function buildLargeClub(): Promise<{ clubId: string; ownerId: string }> {
  const owner = await createTestUser("Owner");
  const writer = await createTestUser("Writer");
  const club = await createTestClub({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: writer.id, role: "member" },
    ],
    questions: Array.from({ length: large.rooms }, (_, index) => `Large question ${index + 1}?`),
  });
  const text = "A reply of a realistic length, about a paragraph: what the school kept from them, and what they kept from each other, ";
  for (const roomId of club.roomIds) {
    // Opening replies take seqs 1, 11, 21, …; answers the nine after. Answers 1-3 answer the
    // opening reply, 4-6 answer answer 1, 7-9 answer answer 4.
    // Ids are made from (room, thread, answer) so a reply's parent is named without a lookup.
    const id = (k: string) => sql.raw(`md5('${roomId}:' || t || ':' || ${k})::uuid`);
    await getDb().execute(sql`
      insert into replies (id, room_id, parent_id, depth, thread_id, author_id, seq, body, body_html, idempotency_key)
      select ${id("k")}, ${roomId}::uuid,
        case when k = 0 then null when k <= 3 then ${id("0")} when k <= 6 then ${id("1")} else ${id("4")} end,
        case when k = 0 then 0 when k <= 3 then 1 when k <= 6 then 2 else 3 end,
        ${id("0")}, ${writer.id}::uuid, t * ${large.repliesPerThread} + k + 1,
        ${text} || repeat('and so on, ', 12) || t || '.' || k,
        '<p>' || ${text} || repeat('and so on, ', 12) || t || '.' || k || '</p>',
        gen_random_uuid()
      from generate_series(0, ${large.threadsPerRoom - 1}) t, generate_series(0, ${large.repliesPerThread - 1}) k
      order by t, k
    `);
    await getDb().update(rooms).set({ replySeq: large.threadsPerRoom * large.repliesPerThread, replyCount: large.threadsPerRoom * large.repliesPerThread }).where(eq(rooms.id, roomId));
  }
  // As autovacuum would have by now for a club this size: the planner then knows the table.
  await getDb().execute(sql`analyze replies`);
  return { clubId: club.clubId, ownerId: owner.id };
}

// PGlite holds the whole database in this process's WebAssembly memory, so the process's heap
// and RSS say nothing about what the export holds; and 100,000 rows take PGlite minutes to write.
describe.runIf(inject("testDatabase").kind === "postgres")("a large club (Postgres only: PGlite's memory is the test process's own)", () => {
  let club: { clubId: string; ownerId: string };

  beforeAll(async () => {
    club = await buildLargeClub();
  }, 120_000);

  // HTML does the most work per reply (sanitizing, dates, nesting); JSON and Markdown read the
  // club through the same batches. One format keeps this test near 20 s on a quiet machine.
  for (const format of ["html"] as const) {
    it(`streams ${largeTotal.toLocaleString("en")} replies as ${format} with heap growth far below the file's size`, async () => {
      // The live heap is what the export holds; heapUsed alone also counts garbage not yet
      // collected, so the collector is run before each sample (exposed for this test only).
      setFlagsFromString("--expose-gc");
      const collect = runInNewContext("gc") as () => void;
      collect();
      const baseline = process.memoryUsage();
      const started = performance.now();
      const download = await exportClub({ clubId: club.clubId, userId: club.ownerId, body: { format, locale: "en" } });
      let peakHeap = 0;
      let peakRawHeap = 0;
      let peakRss = 0;
      let bytes = 0;
      let chunks = 0;
      const reader = download.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        chunks += 1;
        peakRawHeap = Math.max(peakRawHeap, process.memoryUsage().heapUsed - baseline.heapUsed);
        if (chunks % 100 === 0) {
          collect();
          const now = process.memoryUsage();
          peakHeap = Math.max(peakHeap, now.heapUsed - baseline.heapUsed);
          peakRss = Math.max(peakRss, now.rss - baseline.rss);
        }
      }
      const mb = (n: number) => Math.round(n / 1024 / 1024);
      console.info(`${format}: ${mb(bytes)} MB in ${chunks} chunks, ${((performance.now() - started) / 1000).toFixed(1)} s; live heap growth ${mb(peakHeap)} MB (${mb(peakRawHeap)} MB with garbage), RSS growth ${mb(peakRss)} MB`);
      expect(bytes).toBeGreaterThan(30 * 1024 * 1024);
      expect(peakHeap).toBeLessThan(60 * 1024 * 1024);
    }, 90_000);
  }
});
