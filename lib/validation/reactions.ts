import { z } from "zod";
import { reactionKinds } from "@/lib/discussion/reaction-kinds";
import { errorKey } from "@/lib/i18n/error-text";

/** Give or take back one reaction: `{ kind: "heart", reacted: true }`. Asking for what is already so is fine. */
export const setReactionInput = z.object({
  kind: z.enum(reactionKinds, { error: errorKey("reply.reactionKind", { kinds: reactionKinds.join(", ") }) }),
  reacted: z.boolean({ error: errorKey("reply.reacted") }),
});
