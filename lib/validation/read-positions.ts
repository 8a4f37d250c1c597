import { z } from "zod";
import { errorKey } from "@/lib/i18n/error-text";

/** How far a member has now seen a room: the seq of the last reply up to which every one was on screen. */
export const markReadInput = z.object({
  seq: z
    .number({ error: errorKey("room.seqWhole") })
    .int(errorKey("room.seqWhole"))
    .min(0, errorKey("room.seqMin"))
    .max(2_147_483_647, errorKey("room.seqMax")),
});
