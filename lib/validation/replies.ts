import { z } from "zod";
import { uuidParam } from "./ids";
import { replyBodyMaxLength } from "./limits";
import { text } from "./text";
import { decodeCursor, type RoomCursor } from "@/lib/discussion/room-cursor";
import { errorKey } from "@/lib/i18n/error-text";

/** A room named in a URL or event; anything but a UUID is simply not found. */
export const roomParams = z.object({ roomId: uuidParam });
/** A reply named in a URL. */
export const replyParams = z.object({ replyId: uuidParam });

const replyBody = text({ label: "reply", multiline: true, error: "reply.empty" })
  .min(1, errorKey("reply.empty"))
  .max(replyBodyMaxLength, errorKey("reply.tooLong"));

/** How far a reply may spoil, as a point's rank (lib/books/points.ts); null or absent: the author's own progress. */
const spoilerLevel = z
  .number({ error: errorKey("reply.spoilerLevel") })
  .int(errorKey("reply.spoilerLevel"))
  .min(0, errorKey("reply.spoilerLevel"))
  .max(10000, errorKey("reply.spoilerLevel"))
  .nullish();

export const postReplyInput = z.object({
  spoilerLevel,
  body: replyBody,
  parentId: z.uuid(errorKey("notFound.parentReply")).nullish().transform((value) => value ?? null),
  idempotencyKey: z.uuid(errorKey("request.idempotencyKey")),
});

/** A page size from a query string: a whole number from 1 to `max`, `fallback` when absent. */
function pageLimit(max: number, fallback: number) {
  return z.coerce
    .number({ error: errorKey("room.limitWhole") })
    .int(errorKey("room.limitWhole"))
    .min(1, errorKey("room.limitMin"))
    .max(max, errorKey("room.limitMax"))
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
        context.addIssue({ code: "custom", message: errorKey("room.cursorDamaged") });
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
    .number({ error: errorKey("room.afterWhole") })
    .int(errorKey("room.afterWhole"))
    .min(0, errorKey("room.afterMin"))
    // A seq is a Postgres integer: past it, the query itself would fail.
    .max(2_147_483_647, errorKey("room.afterMax"))
    .default(0),
  cursor: cursorOf("after"),
  limit: pageLimit(roomPageLimits.after, 200),
});

export const threadSortInput = z.enum(["oldest", "newest", "most_reacted"], { error: errorKey("room.sort") });

/** GET /api/rooms/:id/threads: the next threads in the chosen sort. */
export const roomThreadsQuery = z
  .object({
    sort: threadSortInput.default("oldest"),
    cursor: cursorOf("threads"),
    limit: pageLimit(roomPageLimits.threads, 15),
  })
  .superRefine((query, context) => {
    if (query.cursor && query.cursor.sort !== query.sort) {
      context.addIssue({ code: "custom", path: ["cursor"], message: errorKey("room.cursorSort") });
    }
  });

/** A thread of a room named in a URL (its opening reply's id). */
export const threadParams = z.object({ roomId: uuidParam, threadId: uuidParam });

/** GET /api/rooms/:id/threads/:threadId: the next replies inside a thread, or (`around`) the replies around one of them. */
export const threadRepliesQuery = z.object({
  cursor: cursorOf("thread"),
  around: z.uuid(errorKey("room.around")).optional(),
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
