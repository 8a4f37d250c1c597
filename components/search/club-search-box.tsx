"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * The one search box on every page of a club: a plain GET form to the club's search page
 * (`/clubs/:clubId/search?q=...`), so it works before any script loads and the address can be
 * shared or bookmarked. On the search page it keeps the words searched for (keyed by them, so a
 * new search's page shows its own words).
 */
export function ClubSearchBox({ clubId }: { clubId: string }) {
  const t = useTranslations("club.nav");
  const action = `/clubs/${clubId}/search`;
  const pathname = usePathname();
  const params = useSearchParams();
  const query = pathname === action ? (params.get("q") ?? "") : "";
  return (
    <form role="search" action={action} method="get" className="flex w-full max-w-xl gap-2">
      <label htmlFor="club-search" className="sr-only">
        {t("searchLabel")}
      </label>
      <span className="relative flex min-w-0 flex-1">
        <svg aria-hidden viewBox="0 0 20 20" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" fill="none" stroke="currentColor" strokeWidth="1.8">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4 4" strokeLinecap="round" />
        </svg>
        <input
          key={query}
          id="club-search"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={200}
          enterKeyHint="search"
          placeholder={t("searchPlaceholder")}
          className="min-h-10 w-full min-w-0 rounded-md border border-line bg-white py-2 pr-3 pl-9 text-base text-ink shadow-sm placeholder:text-muted focus:border-accent focus:outline-2 focus:outline-accent/30 sm:text-sm"
        />
      </span>
      <button
        type="submit"
        className="min-h-10 shrink-0 rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink shadow-sm hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      >
        {t("searchButton")}
      </button>
    </form>
  );
}
