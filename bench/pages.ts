import { performance } from "node:perf_hooks";
import { measureEndpoint, type EndpointResult } from "./big-room";
import type { FloorReplyView } from "./floor-server";
import { copyRoomToFloor, emptyRoom, fillRoom, memberIds, type Sql, type Target } from "./database";

/**
 * A room's first screen and a deep page (issue 11), in a room of 5,000 and one of 50,000
 * replies, from the floor and from Chapterhouse over the same rows, with Accept-Encoding: gzip.
 */
type PageCase = { replies: number; page: "first screen" | "deep page"; afterSeq: number | null; floor: PageFigure | null; chapterhouse: PageFigure | null };
type PageFigure = EndpointResult & { items: number | null };
export type PagesResult = { rooms: { replies: number; topLevel: number; insertMs: number }[]; cases: PageCase[] };

const pageRoomSizes = [5_000, 50_000];
/** A page's sampling stops after this long (at least 5 samples): a whole 50,000-reply room takes seconds a request. */
const budgetMs = 15_000;

type Server = { baseUrl: string; cookie: string };

/**
 * The Chapterhouse requests, in one place. Today the room page renders the whole room and
 * `?after=<seq>` answers every reply after it; when the paging API lands (a cursor and a page
 * limit), change the deep page's URL here.
 */
function chapterhousePageRequests(room: Target, afterSeq: number): { firstScreen: string; deepPage: string } {
  return { firstScreen: `/clubs/${room.clubId}/rooms/${room.roomId}`, deepPage: `/api/rooms/${room.roomId}/replies?after=${afterSeq}` };
}

/** The floor answers a keyset page of at most 50 after `after`, and the first 20 threads as HTML. */
function floorPageRequests(room: Target, afterSeq: number): { firstScreen: string; deepPage: string } {
  return { firstScreen: `/clubs/${room.clubId}/rooms/${room.roomId}`, deepPage: `/api/rooms/${room.roomId}/replies?after=${afterSeq}&limit=50` };
}

const expectContains = (text: string) => (body: Buffer) => {
  if (!body.toString("utf8").includes(text)) throw new Error(`The page does not contain ${text}: not the room's first screen.`);
};

function countAfter(afterSeq: number): (body: Buffer) => void {
  return (body) => {
    // Chapterhouse's ReplyView and the floor's FloorReplyView both carry seq.
    const parsed = JSON.parse(body.toString("utf8")) as { replies?: Pick<FloorReplyView, "seq">[] };
    if (parsed.replies?.[0]?.seq !== afterSeq + 1) throw new Error(`The deep page does not start at seq ${afterSeq + 1}.`);
  };
}

function items(body: Buffer | undefined): number | null {
  try {
    return (JSON.parse(body?.toString("utf8") ?? "") as { replies?: unknown[] }).replies?.length ?? null;
  } catch {
    return null;
  }
}

async function measure(server: Server | null, name: string, path: string, check: (body: Buffer) => void, errors: string[]): Promise<PageFigure | null> {
  if (!server) return null;
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

    const afterSeq = Math.floor(size / 2);
    const ch = chapterhousePageRequests(room, afterSeq);
    const fl = floorPageRequests(room, afterSeq);
    input.log(`pages: first screen of the ${size.toLocaleString("en")}-reply room…`);
    result.cases.push({
      replies: size,
      page: "first screen",
      afterSeq: null,
      floor: await measure(input.floor, `floor first screen ${size}`, fl.firstScreen, expectContains(filled.firstReplyId), input.errors),
      chapterhouse: await measure(input.chapterhouse, `Chapterhouse first screen ${size}`, ch.firstScreen, expectContains(filled.firstReplyId), input.errors),
    });
    input.log(`pages: a deep page of the ${size.toLocaleString("en")}-reply room (after seq ${afterSeq})…`);
    result.cases.push({
      replies: size,
      page: "deep page",
      afterSeq,
      floor: await measure(input.floor, `floor deep page ${size}`, fl.deepPage, countAfter(afterSeq), input.errors),
      chapterhouse: await measure(input.chapterhouse, `Chapterhouse deep page ${size}`, ch.deepPage, countAfter(afterSeq), input.errors),
    });
  }
  return result;
}
