import { z } from "zod";
import { errorKey } from "@/lib/i18n/error-text";
import { uuidParam } from "@/lib/validation/ids";

/** The longest search a door takes, in characters: a sentence or two is plenty to find a reply. */
export const searchQueryMaxLength = 200;

/** Results per page of a search ("More results" asks for the next). */
export const searchPageSize = 20;

/** How many pages deep a search goes: past 25 pages of 20, a narrower search finds it faster. */
const searchMaxPage = 25;

// Control characters are never text (lib/validation/text.ts); Postgres refuses NUL outright.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** The club a search runs in. */
export const searchParams = z.object({ clubId: uuidParam });

/**
 * A search: `q`, the words in Postgres's websearch syntax (control characters dropped, trimmed,
 * at most searchQueryMaxLength; empty is allowed and finds nothing), and `page`, 1-based.
 */
export const searchQuery = z.object({
  q: z
    .string()
    .transform((value) => value.replace(CONTROL, " ").trim())
    .pipe(z.string().max(searchQueryMaxLength, errorKey("search.tooLong", { maximum: searchQueryMaxLength }))),
  page: z.coerce.number({ error: errorKey("search.page") }).int(errorKey("search.page")).min(1, errorKey("search.page")).max(searchMaxPage, errorKey("search.page")).default(1),
});
