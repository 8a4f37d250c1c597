import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SearchNothing, SearchPastEnd, SearchStart } from "@/components/search/search-help";
import { SearchResults } from "@/components/search/search-results";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { searchInClub } from "@/lib/search/search";
import { searchMaxPage, searchQueryMaxLength, shortenQuery } from "@/lib/search/input";

type Props = { params: Promise<{ clubId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The first value of a query parameter (a repeated one, `?q=a&q=b`, reads as its first). */
function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("search");
  const query = shortenQuery(first((await searchParams).q)).q;
  return { title: query ? t("titleFor", { query }) : t("title") };
}

/**
 * A club's search page (`?q=` the words, `?page=` from 1): the hits as this member may see them,
 * or help when there is nothing to show. The club's language, which search reads its replies
 * in, is set on the owner's settings page.
 */
export default async function SearchPage({ params, searchParams }: Props) {
  const { clubId } = await params;
  const search = await searchParams;
  // A longer query than the box allows (a hand-typed address) is cut at a word, not refused, and the page says so.
  const { q, shortened } = shortenQuery(first(search.q));
  // A page past the deepest one is past the results too: it is said so, not quietly replaced by another.
  const pageParam = first(search.page);
  const page = /^[1-9][0-9]{0,5}$/.test(pageParam) ? Number(pageParam) : 1;
  const here = `/clubs/${clubId}/search${q ? `?q=${encodeURIComponent(q)}` : ""}`;
  const user = await requireUser(here);
  const t = await getTranslations("search");
  const found = await loadOrNotFound(() => searchInClub({ clubId, userId: user.id, body: { q, page: Math.min(page, searchMaxPage) } }));
  const results = page > searchMaxPage ? [] : found.results;
  const moreHref = found.nextPage && page <= searchMaxPage ? `/clubs/${clubId}/search?q=${encodeURIComponent(found.query)}&page=${found.nextPage}` : null;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold break-words sm:text-4xl">
          {found.query ? t("resultsFor", { query: found.query }) : t("heading")}
          {page > 1 ? <span className="ml-2 text-lg font-normal text-muted">({t("pageOf", { page })})</span> : null}
        </h1>
        <p className="text-muted">{t("lead", { club: found.club.name })}</p>
        {shortened ? <p className="text-sm text-muted">{t("shortened", { maximum: searchQueryMaxLength })}</p> : null}
      </header>

      {found.query === "" ? (
        <SearchStart />
      ) : results.length === 0 && page > 1 ? (
        <SearchPastEnd query={found.query} page={page} firstHref={`/clubs/${clubId}/search?q=${encodeURIComponent(found.query)}`} />
      ) : results.length === 0 ? (
        <SearchNothing query={found.query} onlyCommonWords={found.onlyCommonWords} noWords={found.noWords} />
      ) : (
        <SearchResults results={results} moreHref={moreHref} />
      )}
    </div>
  );
}
