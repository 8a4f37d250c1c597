import { z } from "zod";

// The cursors of a room's pages (docs/decisions/0020-rooms-read-by-the-page.md). Each is the
// sort key of the last row a page gave, so the next page starts right after it (keyset paging:
// no OFFSET, a reply arriving meanwhile cannot shift a page). On the wire they are opaque
// (base64url of a small JSON object): clients hand back what they were given and never build one.

/** After the thread whose opening reply has this seq (and, for "Most reacted", this many reactions). */
export type ThreadsCursor = { kind: "threads"; sort: "oldest" | "newest" | "most_reacted"; seq: number; reactions: number };
/** After this seq inside one thread. */
type ThreadRepliesCursor = { kind: "thread"; threadId: string; seq: number };
/** After this seq in the whole room (catch-up). */
type AfterCursor = { kind: "after"; seq: number };
export type RoomCursor = ThreadsCursor | ThreadRepliesCursor | AfterCursor;

const seq = z.number().int().min(0).max(2_147_483_647);
const wire = z.discriminatedUnion("k", [
  z.object({ k: z.literal("t"), o: z.enum(["oldest", "newest", "most_reacted"]), q: seq, c: seq }).strict(),
  z.object({ k: z.literal("r"), t: z.uuid(), q: seq }).strict(),
  z.object({ k: z.literal("a"), q: seq }).strict(),
]);

/** The cursor as the client sees it: an opaque string. */
export function encodeCursor(cursor: RoomCursor): string {
  const payload =
    cursor.kind === "threads"
      ? { k: "t", o: cursor.sort, q: cursor.seq, c: cursor.reactions }
      : cursor.kind === "thread"
        ? { k: "r", t: cursor.threadId, q: cursor.seq }
        : { k: "a", q: cursor.seq };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

/** The cursor a string stands for, or null when it is not one we gave out (damaged or made up). */
export function decodeCursor(text: string): RoomCursor | null {
  if (text.length > 200 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = wire.safeParse(json);
  if (!parsed.success) return null;
  const value = parsed.data;
  if (value.k === "t") return { kind: "threads", sort: value.o, seq: value.q, reactions: value.c };
  if (value.k === "r") return { kind: "thread", threadId: value.t, seq: value.q };
  return { kind: "after", seq: value.q };
}
