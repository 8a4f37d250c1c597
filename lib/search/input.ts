import { z } from "zod";
import { errorKey } from "@/lib/i18n/error-text";
import { uuidParam } from "@/lib/validation/ids";

/** The longest search a door takes, in characters: a sentence or two is plenty to find a reply. */
export const searchQueryMaxLength = 200;

/** Results per page of a search ("More results" asks for the next). */
export const searchPageSize = 20;

/** How many pages deep a search goes: past 25 pages of 20, a narrower search finds it faster. */
export const searchMaxPage = 25;

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

/**
 * A query as typed into an address (the box stops at searchQueryMaxLength): at most that many
 * characters, cut at the last white space before the limit so no word is cut in two (a single
 * longer word is cut at the limit, never inside a character), trimmed. `shortened` says it was
 * cut, so the page can say which words were searched.
 */
export function shortenQuery(raw: string): { q: string; shortened: boolean } {
  const typed = raw.trim();
  if (typed.length <= searchQueryMaxLength) return { q: typed, shortened: false };
  const head = typed.slice(0, searchQueryMaxLength + 1);
  const space = head.search(/\s\S*$/);
  let q = space > 0 ? head.slice(0, space) : head.slice(0, searchQueryMaxLength);
  // A cut between the two halves of a surrogate pair (an emoji) leaves half a character.
  if (/[\uD800-\uDBFF]$/.test(q)) q = q.slice(0, -1);
  return { q: q.trimEnd(), shortened: true };
}

/** Whether a query has nothing a search could look for: no letter or digit, only punctuation or symbols ("-", "📚"). */
export function hasNoWords(query: string): boolean {
  return query !== "" && !/[\p{L}\p{N}]/u.test(query);
}
