import { z } from "zod";
import { uuidParam } from "@/lib/validation/ids";
import { text } from "@/lib/validation/text";

/** The club a door names, from its URL or the page that bound it. */
export const clubParams = z.object({ clubId: uuidParam });

export const clubNameMaxLength = 80;
export const clubDescriptionMaxLength = 500;

export const createClubInput = z.object({
  name: text({ label: "The club's name", error: "Give the club a name." })
    .min(1, "Give the club a name.")
    .max(clubNameMaxLength, `Keep the club's name under ${clubNameMaxLength} characters.`),
  description: text({ label: "The description", multiline: true })
    .max(clubDescriptionMaxLength, `Keep the description under ${clubDescriptionMaxLength} characters.`)
    .nullish()
    .transform((value) => value ?? ""),
});

/** What the new-club form sends, before parsing (`z.input`). */
export type CreateClubValues = z.input<typeof createClubInput>;
