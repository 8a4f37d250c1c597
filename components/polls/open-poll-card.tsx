import Link from "next/link";
import { useTranslations } from "next-intl";
import type { PollListItem } from "@/lib/polls/polls";
import { PollClosingTime } from "./poll-closing-time";

/** The club page's card for the open poll closing soonest, with how many more are open. */
export function OpenPollCard({ clubId, poll, more }: { clubId: string; poll: PollListItem; more: number }) {
  const t = useTranslations("polls.card");
  return (
    <section aria-labelledby="open-poll-heading" className="space-y-2 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <h2 id="open-poll-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
        {poll.kind === "next_book" ? t("headingBook") : t("heading")}
      </h2>
      <p className="font-serif text-xl font-semibold leading-snug">
        <Link href={`/clubs/${clubId}/polls/${poll.id}`} className="hover:underline">
          {poll.question}
        </Link>
      </p>
      <p className="text-sm text-ink">
        <PollClosingTime closesAt={poll.closesAt} closedAt={poll.closedAt} open={poll.open} timeZone={poll.timeZone} />
      </p>
      <div className="flex flex-wrap items-center gap-3 pt-1 text-sm">
        <Link href={`/clubs/${clubId}/polls/${poll.id}`} className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
          {poll.viewerVoted ? t("seeVote") : poll.proposalsOpen ? t("voteOrPropose") : t("vote")}
        </Link>
        {more > 0 ? (
          <Link href={`/clubs/${clubId}/polls`} className="px-1 py-2 text-accent hover:underline">
            {t("more", { count: more })}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
