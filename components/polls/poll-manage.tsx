"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { PollView } from "@/lib/polls/views";
import type { AdoptPollValues, ClosePollValues } from "@/lib/validation/polls";

type Props = {
  poll: PollView;
  endProposals: () => Promise<Outcome<PollView>>;
  close: (values: ClosePollValues) => Promise<Outcome<PollView>>;
  adopt: (values: AdoptPollValues) => Promise<Outcome<PollView>>;
  onChanged: (view: PollView) => void;
};

/**
 * A moderator's controls: end proposals, close the poll now, and for a next-book vote close it
 * and make the winner the club's current book in one step (or, once closed, make it so). On a
 * tie they pick one of the tied books; hidden results can't be tied from here, so while they are
 * hidden "close and adopt" simply asks the server, which refuses a tie with the tied names.
 */
export function PollManage({ poll, endProposals, close, adopt, onChanged }: Props) {
  const t = useTranslations("polls.manage");
  const title = (id: string) => poll.options.find((option) => option.id === id)?.title ?? "";
  const [pick, setPick] = useState<string>("");
  const ending = useActionForm(endProposals, { onSuccess: onChanged });
  const closing = useActionForm(close, { onSuccess: onChanged });
  const adopting = useActionForm(adopt, { onSuccess: onChanged });
  const pending = ending.pending || closing.pending || adopting.pending;
  const nextBook = poll.kind === "next_book";
  const tied = poll.results && poll.results.tie ? poll.results.winners : [];
  const winner = poll.results && !poll.results.tie ? (poll.results.winners[0] ?? null) : null;
  const choice = tied.length > 0 ? pick || null : null;
  const canAdopt = nextBook && !poll.adoptedBook && (poll.results === null || poll.results.ballots > 0);

  if (!poll.open && (!nextBook || poll.adoptedBook || !canAdopt)) return null;

  const tiePicker =
    tied.length > 0 && canAdopt ? (
      <fieldset className="space-y-2">
        <legend className="text-sm text-ink">{t("tieLegend")}</legend>
        {tied.map((id) => (
          <label key={id} className="flex items-center gap-2 text-sm">
            <input type="radio" name="tie-pick" value={id} checked={pick === id} onChange={() => setPick(id)} className="size-4 accent-accent" />
            <cite className="not-italic">{title(id)}</cite>
          </label>
        ))}
      </fieldset>
    ) : null;
  const named = choice ?? winner;
  const adoptLabel = named ? t("adoptTitle", { title: title(named) }) : t("adopt");
  const closeAndAdoptLabel = named ? t("closeAndAdoptTitle", { title: title(named) }) : t("closeAndAdopt");

  return (
    <section aria-labelledby="manage-heading" className="space-y-3 rounded-lg border border-line bg-white p-4 shadow-sm sm:p-5">
      <h2 id="manage-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
        {t("heading")}
      </h2>
      {tiePicker}
      <div className="flex flex-wrap gap-3">
        {poll.open && nextBook && canAdopt ? (
          <Button onClick={() => closing.submit({ adopt: true, optionId: choice })} disabled={pending || (tied.length > 0 && !choice)}>
            {closing.pending && closing.pendingInput?.adopt ? t("closing") : closeAndAdoptLabel}
          </Button>
        ) : null}
        {!poll.open && canAdopt ? (
          <Button onClick={() => adopting.submit({ optionId: choice })} disabled={pending || (tied.length > 0 && !choice)}>
            {adopting.pending ? t("adopting") : adoptLabel}
          </Button>
        ) : null}
        {poll.open ? (
          <Button variant="secondary" onClick={() => closing.submit({ adopt: false })} disabled={pending}>
            {closing.pending && !closing.pendingInput?.adopt ? t("closing") : t("closeNow")}
          </Button>
        ) : null}
        {poll.proposalsOpen ? (
          <Button variant="secondary" onClick={() => ending.submit(undefined)} disabled={pending}>
            {ending.pending ? t("ending") : t("endProposals")}
          </Button>
        ) : null}
      </div>
      {poll.open ? <p className="text-xs text-muted">{nextBook ? t("closeHintBook") : t("closeHint")}</p> : null}
      <FormAlert look="line" error={ending.error ?? closing.error ?? adopting.error} />
    </section>
  );
}
