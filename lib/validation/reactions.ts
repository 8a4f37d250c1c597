import { z } from "zod";
import { reactionKinds } from "@/lib/discussion/reaction-kinds";

/** Give or take back one reaction: `{ kind: "heart", reacted: true }`. Asking for what is already so is fine. */
export const setReactionInput = z.object({
  kind: z.enum(reactionKinds, { error: `kind must be one of ${reactionKinds.join(", ")}.` }),
  reacted: z.boolean({ error: "reacted must be true (give the reaction) or false (take it back)." }),
});
