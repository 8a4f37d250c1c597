"use client";

import { useState } from "react";
import type { RsvpStatus } from "@/db/schema/meetings";
import type { Outcome } from "@/lib/doors/outcome";

export type RsvpSummaryView = { counts: Record<RsvpStatus, number>; names: Record<RsvpStatus, string[]> };

type Props = {
  action: (status: RsvpStatus) => Promise<Outcome<{ status: RsvpStatus; summary: RsvpSummaryView }>>;
  initialStatus: RsvpStatus | null;
  initialSummary: RsvpSummaryView;
  /** Answering no longer makes sense (cancelled, ended): the answers stay readable, the buttons go. */
  closed?: boolean;
};

const choices: { status: RsvpStatus; label: string; summaryLabel: string }[] = [
  { status: "going", label: "Going", summaryLabel: "Going" },
  { status: "maybe", label: "Maybe", summaryLabel: "Maybe" },
  { status: "not_going", label: "Not going", summaryLabel: "Not going" },
];

const yourAnswer: Record<RsvpStatus, string> = {
  going: "You're going.",
  maybe: "You might come.",
  not_going: "You're not going.",
};

/** Going / maybe / not going: three toggle buttons, changeable any time, with who said what. */
export function RsvpPanel({ action, initialStatus, initialSummary, closed = false }: Props) {
  const [status, setStatus] = useState(initialStatus);
  const [summary, setSummary] = useState(initialSummary);
  const [pending, setPending] = useState<RsvpStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(next: RsvpStatus) {
    if (pending || next === status) return;
    const previous = status;
    setStatus(next);
    setPending(next);
    setError(null);
    try {
      const result = await action(next);
      if (result.ok) {
        setStatus(result.data.status);
        setSummary(result.data.summary);
      } else {
        setStatus(previous);
        setError(result.error.message);
      }
    } catch {
      setStatus(previous);
      setError("We couldn't reach Chapterhouse. Check your connection and try again.");
    }
    setPending(null);
  }

  const anyAnswers = summary.counts.going + summary.counts.maybe + summary.counts.not_going > 0;

  return (
    <div className="space-y-4">
      {closed ? null : (
        <div className="space-y-2">
          <div role="group" aria-label="Will you come?" className="flex flex-wrap gap-2">
            {choices.map((choice) => {
              const pressed = status === choice.status;
              return (
                <button
                  key={choice.status}
                  type="button"
                  aria-pressed={pressed}
                  disabled={pending !== null}
                  onClick={() => choose(choice.status)}
                  className={`min-w-24 rounded-md border px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-wait ${
                    pressed ? "border-accent bg-accent text-white" : "border-line bg-white text-ink hover:bg-paper"
                  }`}
                >
                  {choice.label}
                </button>
              );
            })}
          </div>
          <p aria-live="polite" className="text-sm text-muted">
            {pending ? "Saving your answer…" : status ? `${yourAnswer[status]} You can change this any time.` : "Let the club know if you can make it."}
          </p>
          {error ? (
            <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
              {error}
            </p>
          ) : null}
        </div>
      )}
      {anyAnswers ? (
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          {choices.map((choice) => (
            <div key={choice.status} className="rounded-md border border-line bg-paper/60 px-3 py-2">
              <dt className="font-medium text-ink">
                {choice.summaryLabel} <span className="text-muted">({summary.counts[choice.status]})</span>
              </dt>
              <dd className="mt-0.5 text-muted">{summary.names[choice.status].length > 0 ? summary.names[choice.status].join(", ") : "Nobody yet"}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-muted">Nobody has answered yet.</p>
      )}
    </div>
  );
}
