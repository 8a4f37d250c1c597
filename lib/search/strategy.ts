// How a search reads the club's replies (docs/decisions/0026-search.md). Ranking needs every
// matching reply's vector: for a word in a few replies in a hundred, the GIN index hands them
// over and ranking them all is quick. For a word in a large share of them (a main character's
// name), reading every match is the whole cost, so each room's newest matches are read instead,
// newest first, until `window` of them: the best-ranked among those come first.

/** How many of each room's newest matches are ranked when a word is too common to rank all. */
export const windowPerRoom = 100;

/** Below this many expected matches in the club, ranking them all is always cheap. */
const cheapMatches = 2_000;

/**
 * The window for a search (null: rank every match), by comparing the rows each way would read:
 * every match (`share` × the club's replies) against each room's replies walked until
 * `windowPerRoom` matches (about windowPerRoom ÷ `share` per room). In: the estimated share of
 * replies matching (0–1), the club's visible replies and its live rooms.
 */
export function searchWindow(estimate: { share: number; clubReplies: number; rooms: number }): number | null {
  const all = estimate.share * estimate.clubReplies;
  if (all <= cheapMatches || estimate.share <= 0) return null;
  const walked = Math.min(estimate.clubReplies, (windowPerRoom * estimate.rooms) / estimate.share);
  return walked < all ? windowPerRoom : null;
}
