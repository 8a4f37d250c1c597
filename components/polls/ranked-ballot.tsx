"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { PollOptionView } from "@/lib/polls/views";
import { PollOptionLabel } from "./poll-option-label";

type Props = {
  options: PollOptionView[];
  /** Option ids, first preference first. */
  ranking: string[];
  book: boolean;
  onChange: (ranking: string[]) => void;
};

/**
 * A ranked ballot by buttons, so it works by keyboard and screen reader alike (no dragging):
 * the ranking in order, each with "Move up", "Move down" and "Remove", and the options not
 * ranked yet, each with "Add". Ranking only some is fine: an unranked option gets no preference.
 */
export function RankedBallot({ options, ranking, book, onChange }: Props) {
  const t = useTranslations("polls.ranked");
  const byId = new Map(options.map((option) => [option.id, option]));
  const ranked = ranking.map((id) => byId.get(id)).filter((option) => option !== undefined);
  const unranked = options.filter((option) => !ranking.includes(option.id));

  function move(index: number, by: -1 | 1) {
    const next = [...ranking];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    onChange(next);
  }

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h3 className="text-xs font-medium uppercase tracking-wider text-muted">{t("yourRanking")}</h3>
        {ranked.length === 0 ? (
          <p className="rounded-md border border-dashed border-line p-3 text-sm text-muted">{t("empty")}</p>
        ) : (
          <ol className="space-y-2">
            {ranked.map((option, index) => (
              <li key={option.id} className="flex items-start gap-3 rounded-md border border-accent/40 bg-accent-soft/50 px-3 py-2">
                <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-accent text-sm font-semibold text-white" aria-hidden>
                  {index + 1}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="sr-only">{t("position", { position: index + 1 })} </span>
                  <PollOptionLabel option={option} book={book} />
                </span>
                <span className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-center sm:gap-2">
                  <Button variant="quiet" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t("moveUp", { title: option.title })}>
                    {t("up")}
                  </Button>
                  <Button variant="quiet" onClick={() => move(index, 1)} disabled={index === ranked.length - 1} aria-label={t("moveDown", { title: option.title })}>
                    {t("down")}
                  </Button>
                  <Button variant="quiet" onClick={() => onChange(ranking.filter((id) => id !== option.id))} aria-label={t("removeLabel", { title: option.title })}>
                    {t("remove")}
                  </Button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="space-y-2">
        <h3 className="text-xs font-medium uppercase tracking-wider text-muted">{t("notRanked")}</h3>
        {unranked.length === 0 ? (
          <p className="rounded-md border border-dashed border-line p-3 text-sm text-muted">{t("allRanked")}</p>
        ) : (
          <ul className="space-y-2">
            {unranked.map((option) => (
              <li key={option.id} className="flex items-start gap-3 rounded-md border border-line bg-white px-3 py-2">
                <span className="min-w-0 flex-1">
                  <PollOptionLabel option={option} book={book} />
                </span>
                <Button variant="secondary" className="shrink-0" onClick={() => onChange([...ranking, option.id])} aria-label={t("addLabel", { title: option.title, position: ranking.length + 1 })}>
                  {t("add")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
