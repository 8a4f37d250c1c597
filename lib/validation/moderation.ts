import { z } from "zod";
import { text } from "@/lib/validation/text";

import { hiddenReasonMaxLength } from "./limits";
import { errorKey } from "@/lib/i18n/error-text";

export const hideReplyInput = z.object({
  reason: text({ label: "reason", error: "reply.hideReasonMissing" })
    .min(1, errorKey("reply.hideReasonMissing"))
    .max(hiddenReasonMaxLength, errorKey("reply.hideReasonTooLong")),
});
