"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { RsvpValue } from "@/lib/validation/meetings";

type RsvpSummaryView = { counts: Record<RsvpValue, number>; names: Record<RsvpValue, string[]> };

type Props = {
  action: (status: RsvpValue) => Promise<Outcome<{ status: RsvpValue; summary: RsvpSummaryView }>>;
  initialStatus: RsvpValue | null;
  initialSummary: RsvpSummaryView;
  /** Answering no longer makes sense (cancelled, ended): the answers stay readable, the buttons go. */
  closed?: boolean;
  /** The meeting is under way: it no longer asks "will you come?", only whether they're joining. */
  live?: boolean;
};

const choices: RsvpValue[] = ["going", "maybe", "not_going"];

/** Going / maybe / not going: three toggle buttons, changeable any time, with who said what. */
export function RsvpPanel({ action, initialStatus, initialSummary, closed = false, live = false }: Props) {
  const t = useTranslations("meeting.rsvp");
  const [status, setStatus] = useState(initialStatus);
  const [summary, setSummary] = useState(initialSummary);
  const form = useActionForm(({ next }: { next: RsvpValue; previous: RsvpValue | null }) => action(next), {
    onSuccess: (data) => {
      setStatus(data.status);
      setSummary(data.summary);
    },
    onFailure: (_, { previous }) => setStatus(previous),
  });
  const pending = form.pending ? (form.pendingInput?.next ?? null) : null;

  function choose(next: RsvpValue) {
    if (form.pending || next === status) return;
    // Shown as chosen straight away; put back if the server says no.
    setStatus(next);
    form.submit({ next, previous: status });
  }

  const anyAnswers = summary.counts.going + summary.counts.maybe + summary.counts.not_going > 0;

  return (
    <div className="space-y-4">
      {closed ? null : (
        <div className="space-y-2">
          <div role="group" aria-label={live ? t("groupLive") : t("group")} className="flex flex-wrap gap-2">
            {choices.map((choice) => {
              const pressed = status === choice;
              return (
                <button
                  key={choice}
                  type="button"
                  aria-pressed={pressed}
                  disabled={pending !== null}
                  onClick={() => choose(choice)}
                  className={`min-w-24 rounded-md border px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-wait ${
                    pressed ? "border-accent bg-accent text-white" : "border-line bg-white text-ink hover:bg-paper"
                  }`}
                >
                  {t(`choice.${choice}`)}
                </button>
              );
            })}
          </div>
          <p aria-live="polite" className="text-sm text-muted">
            {pending ? t("saving") : status ? t(`answered.${status}`) : live ? t("promptLive") : t("prompt")}
          </p>
          <FormAlert error={form.error} />
        </div>
      )}
      {anyAnswers ? (
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          {choices.map((choice) => (
            <div key={choice} className="rounded-md border border-line bg-paper/60 px-3 py-2">
              <dt className="font-medium text-ink">
                {t(`summary.${choice}`)} <span className="text-muted">{t("count", { count: summary.counts[choice] })}</span>
              </dt>
              <dd className="mt-0.5 text-muted">{summary.names[choice].length > 0 ? summary.names[choice].join(", ") : t("nobodyYet")}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-muted">{t("nobodyAnswered")}</p>
      )}
    </div>
  );
}
