import { z } from "zod";

import { hiddenReasonMaxLength } from "./limits";

export const hideReplyInput = z.object({
  reason: z
    .string({ error: "Say why this reply is hidden; members will see the reason." })
    .trim()
    .min(1, "Say why this reply is hidden; members will see the reason.")
    .max(hiddenReasonMaxLength, `Keep the reason under ${hiddenReasonMaxLength} characters.`),
});
