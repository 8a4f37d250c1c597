import { z } from "zod";
import { uuidParam } from "@/lib/validation/ids";

/** The club a door names, from its URL or the page that bound it. */
export const clubParams = z.object({ clubId: uuidParam });

export const clubNameMaxLength = 80;
export const clubDescriptionMaxLength = 500;

export const createClubInput = z.object({
  name: z
    .string({ error: "Give the club a name." })
    .trim()
    .min(1, "Give the club a name.")
    .max(clubNameMaxLength, `Keep the club's name under ${clubNameMaxLength} characters.`),
  description: z
    .string()
    .trim()
    .max(clubDescriptionMaxLength, `Keep the description under ${clubDescriptionMaxLength} characters.`)
    .nullish()
    .transform((value) => value ?? ""),
});

/** What the new-club form sends, before parsing (`z.input`). */
export type CreateClubValues = z.input<typeof createClubInput>;
