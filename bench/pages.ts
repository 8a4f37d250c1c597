import { performance } from "node:perf_hooks";
import { measureEndpoint, type EndpointResult } from "./big-room";
import type { FloorReplyView } from "./floor-server";
import { copyRoomToFloor, emptyRoom, fillRoom, memberIds, type Sql, type Target } from "./database";

/**
 * A room's first screen and deep pages (issue 11), in a room of 5,000 and one of 50,000 replies,
 * from the floor and from Chapterhouse over the same rows, with Accept-Encoding: gzip. Three pages:
 * the room page (its first threads only), the room page opened at a reply near the room's end
 * (`?reply=<id>`, a notification's link; the floor has no such page), and the JSON page of the 50
 * replies after a seq near the end (the floor's keyset page, Chapterhouse's replies API).
 */
type PageKind = "first screen" | "deep page (HTML, ?reply= near the end)" | "deep page (JSON, 50 replies)";
type PageCase = { replies: number; page: PageKind; afterSeq: number | null; floor: PageFigure | null; chapterhouse: PageFigure | null };
type PageFigure = EndpointResult & { items: number | null };
export type PagesResult = { rooms: { replies: number; topLevel: number; insertMs: number }[]; cases: PageCase[] };

const pageRoomSizes = [5_000, 50_000];
/** A page's sampling stops after this long (at least 5 samples). */
const budgetMs = 15_000;
/** The JSON deep page's size: the floor's page (bench/floor-server.ts) holds at most 50. */
const deepPageLimit = 50;
/**
 * A page that carries more than this (decompressed) is not a first screen: the room page once
 * rendered the whole room (3.2 MB at 5,000 replies); its first threads are tens of KB.
 */
const firstScreenMaxBytes = 500_000;

type Server = { baseUrl: string; cookie: string };
type PageRequests = { firstScreen: string; deepHtml: string | null; deepJson: string };

/**
 * The Chapterhouse requests, in one place: the room page (first threads, lib/discussion/room-reading.ts),
 * the page opened at a reply (`?reply=`), and `GET /api/rooms/:id/replies?after=&limit=` ({replies, next}).
 */
function chapterhousePageRequests(room: Target, afterSeq: number, replyId: string): PageRequests {
  const page = `/clubs/${room.clubId}/rooms/${room.roomId}`;
  return { firstScreen: page, deepHtml: `${page}?reply=${replyId}`, deepJson: `/api/rooms/${room.roomId}/replies?after=${afterSeq}&limit=${deepPageLimit}` };
}

/** The floor answers a keyset page of at most 50 after `after`, and the first 20 threads as HTML; it has no page opened at a reply. */
function floorPageRequests(room: Target, afterSeq: number): PageRequests {
  return { firstScreen: `/clubs/${room.clubId}/rooms/${room.roomId}`, deepHtml: null, deepJson: `/api/rooms/${room.roomId}/replies?after=${afterSeq}&limit=${deepPageLimit}` };
}

const expectContains = (text: string, what: string) => (body: Buffer) => {
  if (!body.toString("utf8").includes(text)) throw new Error(`The page does not contain ${text}: not ${what}.`);
};

/** The room's first reply is on it, and it does not carry the whole room. */
const expectFirstScreen = (firstReplyId: string) => (body: Buffer) => {
  expectContains(firstReplyId, "the room's first screen")(body);
  if (body.length > firstScreenMaxBytes) throw new Error(`The first screen is ${body.length} bytes: it carries more than the first threads.`);
};

function countAfter(afterSeq: number): (body: Buffer) => void {
  return (body) => {
    // Chapterhouse's ReplyView and the floor's FloorReplyView both carry seq.
    const parsed = JSON.parse(body.toString("utf8")) as { replies?: Pick<FloorReplyView, "seq">[] };
    if (parsed.replies?.[0]?.seq !== afterSeq + 1) throw new Error(`The deep page does not start at seq ${afterSeq + 1}.`);
    if (parsed.replies.length !== deepPageLimit) throw new Error(`The deep page holds ${parsed.replies.length} replies, not ${deepPageLimit}.`);
  };
}

function items(body: Buffer | undefined): number | null {
  try {
    return (JSON.parse(body?.toString("utf8") ?? "") as { replies?: unknown[] }).replies?.length ?? null;
  } catch {
    return null;
  }
}

async function measure(server: Server | null, name: string, path: string | null, check: (body: Buffer) => void, errors: string[]): Promise<PageFigure | null> {
  if (!server || path === null) return null;
  let last: Buffer | undefined;
  try {
    const result = await measureEndpoint({
      ...server,
      name,
      path,
      headers: { "accept-encoding": "gzip" },
      budgetMs,
      check: (body) => {
        last = body;
        check(body);
      },
    });
    return { ...result, items: path.includes("/api/") ? items(last) : null };
  } catch (error) {
    errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export async function runPages(input: { sql: Sql; floor: Server | null; chapterhouse: Server; except: string; errors: string[]; log: (text: string) => void }): Promise<PagesResult> {
  const result: PagesResult = { rooms: [], cases: [] };
  for (const size of pageRoomSizes) {
    const room = await emptyRoom(input.sql, input.except);
    input.log(`pages: inserting ${size.toLocaleString("en")} replies…`);
    const started = performance.now();
    const filled = await fillRoom(input.sql, { roomId: room.roomId, authors: await memberIds(input.sql, room.clubId), count: size });
    if (input.floor) await copyRoomToFloor(input.sql, room.roomId);
    result.rooms.push({ replies: size, topLevel: filled.topLevel, insertMs: Math.round(performance.now() - started) });

    // Near the end: the deepest pages of the room, where reading the whole room first cost the most.
    const afterSeq = size - deepPageLimit;
    const ch = chapterhousePageRequests(room, afterSeq, filled.deepReplyId);
    const fl = floorPageRequests(room, afterSeq);
    const cases: { page: PageKind; afterSeq: number | null; floor: string | null; chapterhouse: string | null; check: (body: Buffer) => void }[] = [
      { page: "first screen", afterSeq: null, floor: fl.firstScreen, chapterhouse: ch.firstScreen, check: expectFirstScreen(filled.firstReplyId) },
      { page: "deep page (HTML, ?reply= near the end)", afterSeq: null, floor: fl.deepHtml, chapterhouse: ch.deepHtml, check: expectContains(filled.deepReplyId, "the page opened at that reply") },
      { page: "deep page (JSON, 50 replies)", afterSeq, floor: fl.deepJson, chapterhouse: ch.deepJson, check: countAfter(afterSeq) },
    ];
    for (const entry of cases) {
      input.log(`pages: ${entry.page} of the ${size.toLocaleString("en")}-reply room…`);
      result.cases.push({
        replies: size,
        page: entry.page,
        afterSeq: entry.afterSeq,
        floor: await measure(input.floor, `floor ${entry.page} ${size}`, entry.floor, entry.check, input.errors),
        chapterhouse: await measure(input.chapterhouse, `Chapterhouse ${entry.page} ${size}`, entry.chapterhouse, entry.check, input.errors),
      });
    }
  }
  return result;
}
