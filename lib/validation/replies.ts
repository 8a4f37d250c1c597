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

export const postReplyInput = z.object({
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
export const editReplyInput = z.object({ body: replyBody });
