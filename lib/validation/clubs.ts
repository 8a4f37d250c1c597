import { z } from "zod";
import { uuidParam } from "@/lib/validation/ids";
import { text } from "@/lib/validation/text";
import { errorKey } from "@/lib/i18n/error-text";
import { locales } from "@/lib/i18n/locales";

/** The club a door names, from its URL or the page that bound it. */
export const clubParams = z.object({ clubId: uuidParam });

export const clubNameMaxLength = 80;
export const clubDescriptionMaxLength = 500;

/** A club's language ("en" or "es", lib/i18n/locales.ts): its search reads replies in it (docs/decisions/0026-search.md). */
export const clubLanguage = z.enum(locales, { error: errorKey("search.languageChoice") });

/** A club's language, as its settings send it. */
export const clubLanguageInput = z.object({ language: clubLanguage });

/** A club's name: one line of text, trimmed, never blank (docs/decisions/0012-text-and-accounts.md). */
const clubName = text({ label: "clubName", error: "club.nameMissing" })
  .min(1, errorKey("club.nameMissing"))
  .max(clubNameMaxLength, errorKey("club.nameTooLong"));

/** A club's description: optional, may span lines; absent reads as "". */
const clubDescription = text({ label: "description", multiline: true })
  .max(clubDescriptionMaxLength, errorKey("club.descriptionTooLong"))
  .nullish()
  .transform((value) => value ?? "");

export const createClubInput = z.object({
  name: clubName,
  description: clubDescription,
  // Absent: the creator's own language, chosen by the door.
  language: clubLanguage.optional(),
});

/** The owner's edit of the club's name and description: the same rules as when it was created. */
export const clubDetailsInput = z.object({ name: clubName, description: clubDescription });

/** What the settings page's "About the club" form sends, before parsing (`z.input`). */
export type ClubDetailsValues = z.input<typeof clubDetailsInput>;

/** What the new-club form sends, before parsing (`z.input`). */
export type CreateClubValues = z.input<typeof createClubInput>;
