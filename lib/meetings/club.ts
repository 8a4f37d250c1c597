import "server-only";
import { getClubWithBook } from "@/db/queries/clubs";
import { notFound } from "@/lib/errors";

/**
 * The club a meeting door is about, with the book it is reading now (the agenda is chosen from
 * that book's questions). The caller has been resolved as a member already; a club deleted in
 * the meantime is simply not found.
 */
export async function requireClubWithBook(clubId: string) {
  const club = await getClubWithBook({ clubId });
  if (!club) throw notFound("club");
  return club;
}
