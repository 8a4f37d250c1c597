import { getTranslations } from "next-intl/server";

/**
 * The one search box on every page of a club: a plain GET form to the club's search page
 * (`/clubs/:clubId/search?q=...`), so it works before any script loads and the address can be
 * shared or bookmarked.
 */
export async function ClubSearchBox({ clubId, query = "" }: { clubId: string; query?: string }) {
  const t = await getTranslations("club.nav");
  return (
    <form role="search" action={`/clubs/${clubId}/search`} method="get" className="flex max-w-md gap-2">
      <label htmlFor="club-search" className="sr-only">
        {t("searchLabel")}
      </label>
      <input
        id="club-search"
        type="search"
        name="q"
        defaultValue={query}
        placeholder={t("searchPlaceholder")}
        className="min-w-0 flex-1 rounded-md border border-line bg-white px-3 py-1.5 text-sm"
      />
      <button type="submit" className="rounded-md border border-line bg-white px-3 py-1.5 text-sm hover:bg-accent-soft">
        {t("searchButton")}
      </button>
    </form>
  );
}
