"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { PollView } from "@/lib/polls/views";
import type { VoteValues } from "@/lib/validation/polls";
import { PollOptionLabel } from "./poll-option-label";
import { RankedBallot } from "./ranked-ballot";

type Props = {
  poll: PollView;
  vote: (values: VoteValues) => Promise<Outcome<PollView>>;
  onVoted: (view: PollView) => void;
};

/**
 * The reader's ballot: one choice (radio buttons), several (checkboxes, up to the poll's maximum)
 * or a ranking. Sending it replaces any earlier ballot; "Withdraw my vote" sends an empty one.
 */
export function PollBallot({ poll, vote, onVoted }: Props) {
  const t = useTranslations("polls.ballot");
  const [choices, setChoices] = useState<string[]>(poll.myBallot);
  const [saved, setSaved] = useState(false);
  const form = useActionForm(vote, {
    onSuccess: (view) => {
      onVoted(view);
      setChoices(view.myBallot);
      setSaved(true);
    },
  });
  const book = poll.kind === "next_book";
  const voted = poll.myBallot.length > 0;
  const unchanged = choices.length === poll.myBallot.length && choices.every((id, index) => poll.myBallot[index] === id);
  const overMax = poll.voting === "multiple" && poll.maxChoices !== null && choices.length > poll.maxChoices;

  function change(next: string[]) {
    setChoices(next);
    setSaved(false);
    form.clearError();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.submit({ choices });
  }

  if (poll.options.length === 0) {
    return <p className="rounded-md border border-dashed border-line bg-white/60 p-4 text-sm text-muted">{t("noOptions")}</p>;
  }

  const hint =
    poll.voting === "single" ? t("hintSingle") : poll.voting === "multiple" ? (poll.maxChoices ? t("hintMultipleMax", { max: poll.maxChoices }) : t("hintMultiple")) : t("hintRanked");
  const errorId = "ballot-error";

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-describedby={form.error ? errorId : undefined}>
      <fieldset className="space-y-3" disabled={!poll.may.vote}>
        <legend className="text-sm font-medium text-ink">{poll.may.vote ? hint : t("closedHint")}</legend>
        {poll.voting === "ranked" ? (
          <RankedBallot options={poll.options} ranking={choices} book={book} onChange={change} />
        ) : (
          <ul className="space-y-2">
            {poll.options.map((option) => {
              const checked = choices.includes(option.id);
              const id = `ballot-${option.id}`;
              return (
                <li key={option.id}>
                  <label
                    htmlFor={id}
                    className={`flex cursor-pointer items-start gap-3 rounded-md border px-3 py-3 ${checked ? "border-accent bg-accent-soft/60" : "border-line bg-white hover:bg-paper"}`}
                  >
                    <input
                      id={id}
                      type={poll.voting === "single" ? "radio" : "checkbox"}
                      name="choices"
                      value={option.id}
                      checked={checked}
                      onChange={() => change(poll.voting === "single" ? [option.id] : checked ? choices.filter((choice) => choice !== option.id) : [...choices, option.id])}
                      className="mt-1 size-4 shrink-0 accent-accent"
                    />
                    <PollOptionLabel option={option} book={book} />
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      {poll.may.vote ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={form.pending || choices.length === 0 || overMax || (voted && unchanged)}>
            {form.pending ? t("sending") : voted ? t("change") : t("vote")}
          </Button>
          {voted ? (
            <Button variant="quiet" onClick={() => form.submit({ choices: [] })} disabled={form.pending}>
              {t("withdraw")}
            </Button>
          ) : null}
          <p aria-live="polite" className="text-sm text-muted">
            {overMax && poll.maxChoices ? t("overMax", { max: poll.maxChoices }) : saved ? (voted ? t("saved") : t("withdrawn")) : voted ? t("youVoted") : ""}
          </p>
        </div>
      ) : voted ? (
        <p className="text-sm text-muted">{t("youVoted")}</p>
      ) : null}
      <FormAlert id={errorId} error={form.error} />
    </form>
  );
}
