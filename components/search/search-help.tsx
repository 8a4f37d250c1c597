import type { ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";

/** The ways to search (Postgres's websearch syntax: quotes, minus, or), said as examples. */
function SearchTips() {
  const t = useTranslations("search.start");
  const ex = (chunks: ReactNode) => <code className="rounded bg-paper px-1 py-0.5 font-mono text-[0.85em] text-ink">{chunks}</code>;
  const tips = [t.rich("tipQuotes", { ex }), t.rich("tipExclude", { ex }), t.rich("tipOr", { ex })];
  return (
    <div className="space-y-2">
      <h2 className="text-xs font-medium tracking-wider text-muted uppercase">{t("tipsHeading")}</h2>
      <ul className="list-disc space-y-1 pl-5 text-sm text-muted">
        {tips.map((tip, index) => (
          <li key={index}>{tip}</li>
        ))}
      </ul>
    </div>
  );
}

/** Before any search: what the box finds, and how to search. */
export function SearchStart() {
  const t = useTranslations("search.start");
  return (
    <div className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <p className="font-serif text-xl text-ink">{t("title")}</p>
      <p className="leading-relaxed text-muted">{t("body")}</p>
      <SearchTips />
    </div>
  );
}

/**
 * A search that found nothing: why that may be (only very common words, or no words at all, only
 * punctuation or symbols; and what search leaves out for the reader), and how to search.
 */
export function SearchNothing({ query, onlyCommonWords, noWords }: { query: string; onlyCommonWords: boolean; noWords: boolean }) {
  const t = useTranslations("search");
  return (
    <div role="status" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <p className="font-serif text-xl break-words text-ink">{t("none.title", { query })}</p>
      {noWords ? <p className="leading-relaxed text-ink">{t("noWords", { query })}</p> : null}
      {onlyCommonWords ? <p className="leading-relaxed text-ink">{t("onlyCommonWords", { query })}</p> : null}
      <p className="leading-relaxed text-muted">{t("none.body")}</p>
      <p className="text-sm leading-relaxed text-muted">{t("none.private")}</p>
      <SearchTips />
    </div>
  );
}

/** A page past the last results (`?page=` beyond them, or past the deepest page): there are no more, and the way back to the first. */
export function SearchPastEnd({ query, page, firstHref }: { query: string; page: number; firstHref: string }) {
  const t = useTranslations("search.pastEnd");
  return (
    <div role="status" className="space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <p className="font-serif text-xl break-words text-ink">{t("title", { query })}</p>
      <p className="leading-relaxed text-muted">{t("body", { page })}</p>
      <p>
        <Link href={firstHref} className="text-accent underline underline-offset-2 hover:text-ink">
          {t("first")}
        </Link>
      </p>
    </div>
  );
}
