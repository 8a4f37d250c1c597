"use client";

import { useTranslations } from "next-intl";
import type { PollResultsView, PollView } from "@/lib/polls/views";

type Props = { poll: PollView };

/**
 * The count: per option its votes with a bar (and, in a named poll, who gave them), the winner or
 * the tie; for a ranked poll every round of the instant runoff. While results are hidden, only
 * how many have voted.
 */
export function PollResults({ poll }: Props) {
  const t = useTranslations("polls.results");
  const results = poll.results;
  if (!results) {
    return (
      <div className="space-y-1 rounded-md border border-dashed border-line bg-white/60 p-4 text-sm">
        <p className="font-medium text-ink">{t("hidden")}</p>
        <p className="text-muted">{t("turnout", { count: poll.voterCount })}</p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <Outcome poll={poll} results={results} />
      {results.kind === "plain" ? <PlainCounts poll={poll} results={results} /> : <Rounds poll={poll} results={results} />}
    </div>
  );
}

function useTitle(poll: PollView): (id: string) => string {
  return (id) => poll.options.find((option) => option.id === id)?.title ?? "";
}

function Outcome({ poll, results }: { poll: PollView; results: PollResultsView }) {
  const t = useTranslations("polls.results");
  const title = useTitle(poll);
  const names = results.winners.map(title);
  const text =
    results.ballots === 0
      ? t("noVotes")
      : results.tie
        ? t(poll.open ? "tiedNow" : "tied", { options: names.join(" · ") })
        : t(poll.open ? "leading" : "won", { option: names[0] ?? "" });
  return (
    <p className={`rounded-md px-3 py-2 text-sm font-medium ${results.tie ? "bg-amber-50 text-amber-950" : "bg-accent-soft/70 text-accent-strong"}`}>
      {text} <span className="font-normal text-muted">{t("ballots", { count: results.ballots })}</span>
    </p>
  );
}

function Voters({ names }: { names: (string | null)[] | null }) {
  const t = useTranslations("polls.results");
  const common = useTranslations("common");
  if (!names || names.length === 0) return null;
  return <p className="text-xs text-muted">{t("votersList", { names: names.map((name) => name ?? common("formerMember")).join(", ") })}</p>;
}

function Bar({ share, winner }: { share: number; winner: boolean }) {
  return (
    <span aria-hidden className="block h-2 overflow-hidden rounded-full bg-paper">
      <span className={`block h-full rounded-full ${winner ? "bg-accent" : "bg-accent/40"}`} style={{ width: `${Math.round(share * 100)}%` }} />
    </span>
  );
}

function PlainCounts({ poll, results }: { poll: PollView; results: Extract<PollResultsView, { kind: "plain" }> }) {
  const t = useTranslations("polls.results");
  const title = useTitle(poll);
  return (
    <ul className="space-y-3">
      {results.counts.map((count) => {
        const share = results.ballots > 0 ? count.votes / results.ballots : 0;
        const winner = results.winners.includes(count.optionId);
        return (
          <li key={count.optionId} className="space-y-1">
            <p className="flex items-baseline justify-between gap-3 text-sm">
              <span className={winner ? "font-semibold text-ink" : "text-ink"}>{title(count.optionId)}</span>
              <span className="shrink-0 tabular-nums text-muted">{t("votes", { count: count.votes, percent: share })}</span>
            </p>
            <Bar share={share} winner={winner} />
            <Voters names={count.voters} />
          </li>
        );
      })}
    </ul>
  );
}

const eliminationKey = { fewest: "fewest", "earlier-round": "earlierRound", "tied-together": "tiedTogether" } as const;

function Rounds({ poll, results }: { poll: PollView; results: Extract<PollResultsView, { kind: "ranked" }> }) {
  const t = useTranslations("polls.results");
  const title = useTitle(poll);
  if (results.rounds.length === 0) return null;
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">{t("runoffExplained")}</p>
      <ol className="space-y-3">
        {results.rounds.map((round) => (
          <li key={round.round} className="space-y-2 rounded-md border border-line bg-white p-3">
            <h3 className="text-sm font-semibold text-ink">{t("round", { round: round.round })}</h3>
            <ul className="space-y-2">
              {round.counts.map((count) => {
                const share = round.continuing > 0 ? count.votes / round.continuing : 0;
                const elected = round.elected === count.optionId;
                const out = round.eliminated.includes(count.optionId);
                return (
                  <li key={count.optionId} className="space-y-1">
                    <p className="flex items-baseline justify-between gap-3 text-sm">
                      <span className={elected ? "font-semibold text-ink" : out ? "text-muted line-through decoration-1" : "text-ink"}>{title(count.optionId)}</span>
                      <span className="shrink-0 tabular-nums text-muted">{t("votes", { count: count.votes, percent: share })}</span>
                    </p>
                    <Bar share={share} winner={elected} />
                    {round.round === 1 && results.firstChoiceVoters ? <Voters names={results.firstChoiceVoters[count.optionId] ?? []} /> : null}
                  </li>
                );
              })}
            </ul>
            <p className="text-xs text-muted">
              {[
                round.exhausted > 0 ? t("exhausted", { count: round.exhausted }) : null,
                round.eliminated.length > 0 ? t(`eliminated.${eliminationKey[round.elimination ?? "fewest"]}`, { options: round.eliminated.map(title).join(" · "), count: round.eliminated.length }) : null,
                round.elected ? t("elected", { option: title(round.elected) }) : null,
              ]
                .filter(Boolean)
                .join(" ")}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
