import Link from "next/link";
import { useTranslations } from "next-intl";
import { RelativeTime } from "@/components/ui/relative-time";
import { rankWords } from "@/lib/discussion/point-words";
import type { SearchResultView } from "@/lib/search/views";
import { SearchSnippet } from "./search-snippet";

const kindStyles: Record<SearchResultView["kind"], string> = {
  reply: "bg-accent-soft text-accent-strong",
  question: "bg-sky-50 text-sky-900",
  book: "bg-emerald-50 text-emerald-900",
  meeting: "bg-violet-50 text-violet-900",
};

/** One hit: what it is, where it is (question, book), the snippet with its matching words marked, who and when. */
function SearchResult({ result }: { result: SearchResultView }) {
  const t = useTranslations("search");
  const tCommon = useTranslations("common");
  const tPoints = useTranslations("discussion");
  const time = () => <RelativeTime iso={result.at} />;
  const authorName = result.author ? (result.author.name ?? tCommon("formerMember")) : null;
  const when = result.kind === "reply" ? "posted" : result.kind === "meeting" ? "meets" : "added";
  return (
    <li>
      <Link
        href={result.href}
        className="block space-y-2 p-4 hover:bg-paper focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent sm:p-5"
      >
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
          <span className={`rounded px-1.5 py-0.5 font-medium tracking-wide uppercase ${kindStyles[result.kind]}`}>{t(`kinds.${result.kind}`)}</span>
          {result.room ? <span className="font-medium text-ink">{t("questionNumber", { number: result.room.position })}</span> : null}
          {result.book ? (
            <>
              {result.room ? <span aria-hidden>·</span> : null}
              <span className="italic">{result.book.title}</span>
            </>
          ) : null}
        </span>
        {result.room ? <span className="block truncate font-serif text-sm text-muted">{result.room.question}</span> : null}
        <SearchSnippet segments={result.snippet} />
        {result.beyond ? (
          <span className="block text-sm text-amber-800">{t("beyond", { reach: rankWords(tPoints, result.beyond.reach, result.beyond.shape, "reach") })}</span>
        ) : null}
        <span className="flex flex-wrap items-center gap-x-2 text-sm text-muted">
          {authorName !== null ? (
            <>
              <span className="font-medium text-ink">{authorName}</span>
              <span aria-hidden>·</span>
            </>
          ) : null}
          <span>{t.rich(when, { time })}</span>
        </span>
      </Link>
    </li>
  );
}

/** A page of hits, best first, in one list (each says what it is), and the link to the next page. */
export function SearchResults({ results, moreHref }: { results: SearchResultView[]; moreHref: string | null }) {
  const t = useTranslations("search");
  return (
    <section aria-labelledby="search-results-heading" className="space-y-4">
      <h2 id="search-results-heading" className="sr-only">
        {t("results")}
      </h2>
      <ol className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
        {results.map((result) => (
          <SearchResult key={`${result.kind}:${result.id}`} result={result} />
        ))}
      </ol>
      {moreHref ? (
        <p className="text-center">
          <Link
            href={moreHref}
            className="inline-flex min-h-10 items-center rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink shadow-sm hover:bg-paper focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            {t("more")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
