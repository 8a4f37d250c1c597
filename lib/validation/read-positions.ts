import { z } from "zod";

/** How far a member has now seen a room: the seq of the last reply up to which every one was on screen. */
export const markReadInput = z.object({
  seq: z
    .number({ error: "seq must be a whole number." })
    .int("seq must be a whole number.")
    .min(0, "seq must be zero or more.")
    .max(2_147_483_647, "seq is too large."),
});
