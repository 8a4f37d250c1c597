import "server-only";
import { estimateSearch, getClubSearchFrame, highlightStart, highlightStop, isOnlyCommonWords, searchClub, type SearchRow } from "@/db/queries/search";
import { loadClubNames, type ClubNames } from "@/lib/accounts/name-labels";
import { resolveClub } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { notFound } from "@/lib/errors";
import { hasNoWords, searchPageSize, searchParams, searchQuery } from "./input";
import { searchConfigOf } from "./language";
import { snippetSegments } from "./snippet";
import { searchWindow } from "./strategy";
import type { SearchPageView, SearchResultView } from "./views";

/** Where a hit opens: a reply at its place in its room (the room's `?reply=` deep link), a question's room, a book's or meeting's page. */
function hrefOf(clubId: string, row: SearchRow): string {
  if (row.kind === "reply") return `/clubs/${clubId}/rooms/${row.roomId}?reply=${row.id}`;
  if (row.kind === "question") return `/clubs/${clubId}/rooms/${row.id}`;
  if (row.kind === "book") return `/clubs/${clubId}/books/${row.id}`;
  return `/clubs/${clubId}/meetings/${row.id}`;
}

function toView(clubId: string, row: SearchRow, names: ClubNames): SearchResultView {
  const inRoom = row.roomQuestion !== null && row.roomPosition !== null;
  return {
    kind: row.kind,
    id: row.id,
    href: hrefOf(clubId, row),
    snippet: snippetSegments(row.snippet, highlightStart, highlightStop),
    at: row.at.toISOString(),
    room: inRoom && row.kind === "reply" ? { question: row.roomQuestion ?? "", position: row.roomPosition ?? 0 } : null,
    book: row.bookTitle !== null ? { title: row.bookTitle } : null,
    // The club's name for a member (look-alikes told apart); a former member's stored name; none for a deleted account.
    author: row.kind === "reply" ? { name: row.authorName === null ? null : (row.authorId ? names.get(row.authorId) : undefined) ?? row.authorName } : null,
    beyond: row.beyondReach !== null ? { reach: row.beyondReach, shape: row.bookShape } : null,
  };
}

/**
 * Searches one club for a member (GET /clubs/:clubId/search?q=&page=): a page of its replies,
 * questions, books and meetings matching `body.q`, best first, as this reader may see them
 * (db/queries/search.ts applies the rooms' rules: visibility, archived rooms, spoiler
 * positions). A stranger gets not-found; an empty query finds nothing and runs no search.
 */
export const searchInClub = door({
  params: searchParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  body: searchQuery,
  act: async ({ params, body, userId }) => {
    const club = await getClubSearchFrame({ clubId: params.clubId });
    if (!club) throw notFound("club");
    const language = club.language === "es" ? "es" : "en";
    const frame = { id: club.id, name: club.name, language } as const;
    const empty: SearchPageView = { club: frame, query: body.q, page: body.page, results: [], nextPage: null, onlyCommonWords: false, noWords: false };
    if (body.q === "") return done(empty);
    const config = searchConfigOf(club.language);
    const window = searchWindow(await estimateSearch({ clubId: club.id, config, query: body.q }));
    const [rows, names] = await Promise.all([
      searchClub({ clubId: club.id, userId, config, query: body.q, limit: searchPageSize + 1, offset: (body.page - 1) * searchPageSize, window }),
      loadClubNames(club.id),
    ]);
    const more = rows.length > searchPageSize;
    const view: SearchPageView = {
      ...empty,
      results: rows.slice(0, searchPageSize).map((row) => toView(club.id, row, names)),
      nextPage: more ? body.page + 1 : null,
      noWords: rows.length === 0 && hasNoWords(body.q),
      onlyCommonWords: rows.length === 0 && body.page === 1 && !hasNoWords(body.q) && (await isOnlyCommonWords({ config, query: body.q })),
    };
    return done(view);
  },
});
