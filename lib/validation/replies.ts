import { z } from "zod";
import { uuidParam } from "./ids";
import { replyBodyMaxLength } from "./limits";
import { text } from "./text";
import { decodeCursor, type RoomCursor } from "@/lib/discussion/room-cursor";

/** A room named in a URL or event; anything but a UUID is simply not found. */
export const roomParams = z.object({ roomId: uuidParam });
/** A reply named in a URL. */
export const replyParams = z.object({ replyId: uuidParam });

const replyBody = text({ label: "The reply", multiline: true, error: "Write something before posting." })
  .min(1, "Write something before posting.")
  .max(replyBodyMaxLength, `A reply can be at most ${replyBodyMaxLength.toLocaleString("en")} characters.`);

/** How far a reply may spoil, as a point's rank (lib/books/points.ts); null or absent: the author's own progress. */
const spoilerLevel = z
  .number({ error: "Choose how far the reply may spoil." })
  .int("Choose how far the reply may spoil.")
  .min(0, "Choose how far the reply may spoil.")
  .max(10000, "Choose how far the reply may spoil.")
  .nullish();

export const postReplyInput = z.object({
  spoilerLevel,
  body: replyBody,
  parentId: z.uuid("That reply could not be found.").nullish().transform((value) => value ?? null),
  idempotencyKey: z.uuid("The request is missing a valid idempotency key."),
});

/** A page size from a query string: a whole number from 1 to `max`, `fallback` when absent. */
function pageLimit(max: number, fallback: number) {
  return z.coerce
    .number({ error: "limit must be a whole number." })
    .int("limit must be a whole number.")
    .min(1, "limit must be at least 1.")
    .max(max, `limit can be at most ${max}: ask for the next page with the cursor.`)
    .default(fallback);
}

/** A cursor handed back by the client: one we gave out, of the kind this request pages, or a 400 saying so. */
function cursorOf<Kind extends RoomCursor["kind"]>(kind: Kind) {
  return z
    .string()
    .optional()
    .transform((text, context): Extract<RoomCursor, { kind: Kind }> | null => {
      if (text === undefined || text === "") return null;
      const cursor = decodeCursor(text);
      if (cursor?.kind !== kind) {
        context.addIssue({ code: "custom", message: "That page link is damaged or belongs to another list: reload the room to start again." });
        return z.NEVER;
      }
      return cursor as Extract<RoomCursor, { kind: Kind }>;
    });
}

/** Largest pages a client may ask for (the defaults are what the room page asks for). */
export const roomPageLimits = { threads: 50, threadReplies: 100, after: 500 } as const;

/**
 * GET /api/rooms/:id/replies: the replies posted after a point, in posting order, a page at a
 * time. `after` (a seq, 0 = from the start) begins; `cursor` (from the previous page's `next`)
 * continues and wins over `after`.
 */
export const repliesAfterQuery = z.object({
  after: z.coerce
    .number({ error: "after must be a whole number." })
    .int("after must be a whole number.")
    .min(0, "after must be zero or more.")
    // A seq is a Postgres integer: past it, the query itself would fail.
    .max(2_147_483_647, "after is past the last reply a room can hold.")
    .default(0),
  cursor: cursorOf("after"),
  limit: pageLimit(roomPageLimits.after, 200),
});

export const threadSortInput = z.enum(["oldest", "newest", "most_reacted"], { error: "sort must be oldest, newest or most_reacted." });

/** GET /api/rooms/:id/threads: the next threads in the chosen sort. */
export const roomThreadsQuery = z
  .object({
    sort: threadSortInput.default("oldest"),
    cursor: cursorOf("threads"),
    limit: pageLimit(roomPageLimits.threads, 15),
  })
  .superRefine((query, context) => {
    if (query.cursor && query.cursor.sort !== query.sort) {
      context.addIssue({ code: "custom", path: ["cursor"], message: "That page link belongs to another order of the threads: reload the room to start again." });
    }
  });

/** A thread of a room named in a URL (its opening reply's id). */
export const threadParams = z.object({ roomId: uuidParam, threadId: uuidParam });

/** GET /api/rooms/:id/threads/:threadId: the next replies inside a thread, or (`around`) the replies around one of them. */
export const threadRepliesQuery = z.object({
  cursor: cursorOf("thread"),
  around: z.uuid("around must name a reply.").optional(),
  limit: pageLimit(roomPageLimits.threadReplies, 12),
});

/** An author's edit follows the same body rules as posting. */
export const editReplyInput = z.object({ body: replyBody, spoilerLevel });

/** The room page's search parameters: the reply a link opens at, the viewer's read position, the sort. */
export const roomPageQuery = z.object({
  reply: z.uuid().optional().catch(undefined),
  readSeq: z.number().int().min(0).nullable().default(null),
  sort: threadSortInput.default("oldest").catch("oldest"),
});

/** GET /api/rooms/:id: the first screen in a sort. */
export const roomSnapshotQuery = z.object({ sort: threadSortInput.default("oldest") });
