import { z } from "zod";
import { uuidParam } from "./ids";
import { replyBodyMaxLength } from "./limits";
import { text } from "./text";

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

export const repliesAfterQuery = z.object({
  after: z.coerce
    .number({ error: "after must be a whole number." })
    .int("after must be a whole number.")
    .min(0, "after must be zero or more.")
    .default(0),
});

/** An author's edit follows the same body rules as posting. */
export const editReplyInput = z.object({ body: replyBody, spoilerLevel });
