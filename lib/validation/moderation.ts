import { z } from "zod";
import { text } from "@/lib/validation/text";

import { hiddenReasonMaxLength } from "./limits";

export const hideReplyInput = z.object({
  reason: text({ label: "The reason", error: "Say why this reply is hidden; members will see the reason." })
    .min(1, "Say why this reply is hidden; members will see the reason.")
    .max(hiddenReasonMaxLength, `Keep the reason under ${hiddenReasonMaxLength} characters.`),
});
