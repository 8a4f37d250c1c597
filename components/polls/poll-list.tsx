import Link from "next/link";
import { useTranslations } from "next-intl";
import type { PollListItem } from "@/lib/polls/polls";
import { PollClosingTime } from "./poll-closing-time";

/** A club's polls as cards: the question, what kind of vote, when it closes, and whether the reader voted. */
export function PollList({ clubId, polls }: { clubId: string; polls: PollListItem[] }) {
  const t = useTranslations("polls.list");
  const mode = useTranslations("polls.voting");
  return (
    <ul className="space-y-3">
      {polls.map((poll) => (
        <li key={poll.id} className="rounded-lg border border-line bg-white p-4 shadow-sm sm:p-5">
          <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
            <div className="min-w-0 space-y-1">
              <p className="text-xs font-medium uppercase tracking-wider text-muted">
                {poll.kind === "next_book" ? t("nextBook") : t("poll")} · {mode(poll.voting)}
              </p>
              <h3 className="font-serif text-lg font-semibold leading-snug">
                <Link href={`/clubs/${clubId}/polls/${poll.id}`} className="hover:underline">
                  {poll.question}
                </Link>
              </h3>
              <p className="text-sm text-ink">
                <PollClosingTime closesAt={poll.closesAt} closedAt={poll.closedAt} open={poll.open} timeZone={poll.timeZone} />
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2 text-xs">
              {poll.open ? (
                <span className={`rounded-full px-2.5 py-0.5 font-medium ${poll.viewerVoted ? "bg-accent-soft text-accent-strong" : "bg-amber-100 text-amber-900"}`}>
                  {poll.viewerVoted ? t("voted") : t("notVoted")}
                </span>
              ) : null}
              {poll.proposalsOpen ? <span className="rounded-full bg-paper px-2.5 py-0.5 text-ink">{t("proposalsOpen")}</span> : null}
              {poll.adopted ? <span className="rounded-full bg-paper px-2.5 py-0.5 text-ink">{t("adopted")}</span> : null}
            </div>
          </div>
          <p className="mt-2 text-sm text-muted">{t("counts", { voters: poll.voterCount, options: poll.optionCount })}</p>
        </li>
      ))}
    </ul>
  );
}
