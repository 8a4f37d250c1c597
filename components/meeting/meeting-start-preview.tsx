"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatInZone, formatStartOption, type StartChoice } from "@/lib/meetings/time";
import type { MeetingPlan } from "./meeting-plan";
import { useStartProblemText } from "./start-problem";

type Props = {
  plan: MeetingPlan;
  timeZone: string;
  choice: StartChoice | null;
  onChoose: (choice: StartChoice) => void;
  /** The server refused the missing choice: the question is outlined. */
  choiceError?: string;
};

/** Under the date and time: when the meeting (or each of the series) starts, what is wrong, or which of two 2:30s. */
export function MeetingStartPreview({ plan, timeZone, choice, onChoose, choiceError }: Props) {
  const t = useTranslations("meeting.preview");
  const locale = useLocale();
  const problemText = useStartProblemText();
  if (plan.kind === "empty") return null;
  if (plan.kind === "problem") {
    return (
      <p aria-live="polite" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {problemText(plan.problem)}
      </p>
    );
  }
  if (plan.kind === "ambiguous") {
    return (
      <div
        className={`space-y-3 rounded-md border bg-amber-50 px-3 py-3 text-sm text-amber-950 ${choiceError && !choice ? "border-danger/60 ring-2 ring-danger/20" : "border-amber-300"}`}
      >
        <fieldset className="space-y-2">
          <legend className="leading-relaxed">{problemText(plan.problem)}</legend>
          {plan.options.map((option) => (
            <label key={option.choice} className="flex items-center gap-2">
              <input
                type="radio"
                name="choice"
                value={option.choice}
                checked={choice === option.choice}
                onChange={() => onChoose(option.choice)}
                className="size-4 accent-accent"
              />
              <span>
                <span className="font-medium">{option.choice === "earlier" ? t("earlier") : t("later")}</span>
                {": "}
                {formatStartOption(option.startsAt, timeZone, locale)}
              </span>
            </label>
          ))}
        </fieldset>
        {plan.starts ? <StartList starts={plan.starts} timeZone={timeZone} /> : null}
      </div>
    );
  }
  return (
    <div className="rounded-md bg-accent-soft/70 px-3 py-2 text-sm text-accent-strong" aria-live="polite">
      <StartList starts={plan.starts} timeZone={timeZone} />
    </div>
  );
}

const PREVIEW_LIMIT = 6;

function StartList({ starts, timeZone }: { starts: Date[]; timeZone: string }) {
  const t = useTranslations("meeting.preview");
  const locale = useLocale();
  const [first] = starts;
  if (!first) return null;
  if (starts.length === 1) return <p suppressHydrationWarning>{t("starts", { when: formatInZone(first, timeZone, locale) })}</p>;
  const shown = starts.slice(0, PREVIEW_LIMIT);
  const last = starts[starts.length - 1];
  return (
    <div className="space-y-1" suppressHydrationWarning>
      <p>{t("series", { count: starts.length })}</p>
      <ol className="list-decimal space-y-0.5 pl-5">
        {shown.map((start) => (
          <li key={start.getTime()}>{formatInZone(start, timeZone, locale)}</li>
        ))}
      </ol>
      {last && starts.length > PREVIEW_LIMIT ? (
        <p>{t("more", { count: starts.length - PREVIEW_LIMIT, when: formatInZone(last, timeZone, locale) })}</p>
      ) : null}
    </div>
  );
}
