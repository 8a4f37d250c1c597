"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Outcome } from "@/lib/doors/outcome";
import type { PollView } from "@/lib/polls/views";
import type { AdoptPollValues, BookOptionValues, ClosePollValues, VoteValues } from "@/lib/validation/polls";
import { PollBallot } from "./poll-ballot";
import { PollClosingTime } from "./poll-closing-time";
import { PollManage } from "./poll-manage";
import { PollResults } from "./poll-results";
import { ProposalForm } from "./proposal-form";
import { useLivePoll } from "./use-live-poll";

type Props = {
  initial: PollView;
  actions: {
    vote: (values: VoteValues) => Promise<Outcome<PollView>>;
    propose: (values: BookOptionValues) => Promise<Outcome<PollView>>;
    endProposals: () => Promise<Outcome<PollView>>;
    close: (values: ClosePollValues) => Promise<Outcome<PollView>>;
    adopt: (values: AdoptPollValues) => Promise<Outcome<PollView>>;
  };
};

/** A poll's page below its title: when it closes, the ballot, proposals, the count (live) and a moderator's controls. */
export function PollLiveView({ initial, actions }: Props) {
  const t = useTranslations("polls.page");
  const mode = useTranslations("polls.voting");
  const { poll, replace, connection } = useLivePoll(initial);
  const facts = [
    mode(poll.voting),
    poll.voting === "multiple" && poll.maxChoices ? t("upTo", { max: poll.maxChoices }) : null,
    poll.anonymous ? t("anonymous") : t("named"),
    poll.resultsWhileOpen ? t("resultsLive") : t("resultsHidden"),
  ].filter((fact): fact is string => fact !== null);

  const adopted = poll.adoptedBook;
  const adoptedLine = adopted
    ? t.rich("adopted", {
        title: adopted.title,
        book: (chunks) => (
          <Link href={`/clubs/${poll.clubId}/books/${adopted.id}`} className="font-medium underline">
            {chunks}
          </Link>
        ),
      })
    : null;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className={`inline-flex flex-wrap items-center gap-2 rounded-md px-3 py-2 text-sm ${poll.open ? "bg-accent-soft/70 text-accent-strong" : "bg-paper text-ink"}`}>
          <span className="font-medium">{poll.open ? t("open") : t("closed")}</span>
          <PollClosingTime closesAt={poll.closesAt} closedAt={poll.closedAt} open={poll.open} timeZone={poll.timeZone} />
        </p>
        <ul className="flex flex-wrap gap-2 text-xs text-muted" aria-label={t("factsLabel")}>
          {facts.map((fact) => (
            <li key={fact} className="rounded-full border border-line bg-white px-2.5 py-0.5">
              {fact}
            </li>
          ))}
        </ul>
        {connection === "revoked" ? <p className="text-sm text-danger">{t("revoked")}</p> : null}
      </div>

      {adoptedLine ? <p className="rounded-md border border-accent/40 bg-accent-soft/60 px-3 py-2 text-sm text-accent-strong">{adoptedLine}</p> : null}

      <section aria-labelledby="ballot-heading" className="space-y-3">
          <h2 id="ballot-heading" className="font-serif text-xl font-semibold">
            {poll.kind === "next_book" ? t("ballotBooks") : t("ballot")}
          </h2>
          <PollBallot poll={poll} vote={actions.vote} onVoted={replace} />
      </section>

      {poll.may.propose ? <ProposalForm propose={actions.propose} onProposed={replace} /> : null}
      {poll.kind === "next_book" && poll.open && !poll.proposalsOpen ? <p className="text-sm text-muted">{t("proposalsEnded")}</p> : null}

      <section aria-labelledby="results-heading" className="space-y-3">
        <h2 id="results-heading" className="font-serif text-xl font-semibold">
          {poll.open ? t("resultsSoFar") : t("results")}
        </h2>
        <PollResults poll={poll} />
      </section>

      {poll.may.manage ? <PollManage poll={poll} endProposals={actions.endProposals} close={actions.close} adopt={actions.adopt} onChanged={replace} /> : null}
    </div>
  );
}
