"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useStartProblemText } from "@/components/meeting/start-problem";
import { TimeZoneSelect } from "@/components/meeting/time-zone-select";
import { useViewerZone } from "@/components/meeting/use-viewer-clock";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitRow } from "@/components/ui/submit-row";
import { TextArea } from "@/components/ui/text-area";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import { formatInZone, formatStartOption, resolveLocalStart, type StartChoice } from "@/lib/meetings/time";
import { pollLimits, type CreatePollValues } from "@/lib/validation/polls";
import { PollOptionsEditor, type DraftOption } from "./poll-options-editor";

type Props = {
  action: (values: CreatePollValues) => Promise<Outcome<{ href: string }>>;
  /** The zone the closing time defaults to (the moderator's profile zone, else the club's); null: the browser's. */
  defaultZone: string | null;
  cancelHref: string;
};

const kinds = ["next_book", "question"] as const;
const votingModes = ["single", "multiple", "ranked"] as const;

const blank = (): DraftOption => ({ key: crypto.randomUUID(), title: "", author: "", link: "", coverUrl: "" });

/**
 * Opens a poll or a next-book vote: the question, the options (texts or books), how members vote,
 * whether results show while it runs, whether voters are named, and when it closes: by hand, or
 * at a local date and time in a chosen zone, read by the same rules as a meeting's start
 * (lib/meetings/time.ts), with the instant previewed before sending.
 */
export function PollForm({ action, defaultZone, cancelHref }: Props) {
  const t = useTranslations("polls.form");
  const locale = useLocale();
  const router = useRouter();
  const problemText = useStartProblemText();
  const browserZone = useViewerZone();
  const [kind, setKind] = useState<"question" | "next_book">("next_book");
  const [voting, setVoting] = useState<"single" | "multiple" | "ranked">("single");
  const [options, setOptions] = useState<DraftOption[]>(() => [blank(), blank()]);
  const [proposalsOpen, setProposalsOpen] = useState(true);
  const [closesByTime, setClosesByTime] = useState(true);
  const [date, setDate] = useState("");
  const [time, setTime] = useState("20:00");
  const [chosenZone, setChosenZone] = useState(defaultZone ?? "");
  const [choice, setChoice] = useState<StartChoice | null>(null);
  const form = useActionForm(action, { onSuccess: (data) => router.push(data.href), leavesOnSuccess: true });
  const { fieldError } = form;
  const timeZone = chosenZone || browserZone || "";

  const preview = closesByTime && date && time && timeZone ? resolveLocalStart({ date, time, timeZone }, choice ?? undefined) : null;
  const ambiguous = preview && !preview.ok && preview.reason === "ambiguous" ? resolveLocalStart({ date, time, timeZone }) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const filled = options.filter((option) => option.title.trim() || option.author.trim() || option.link.trim() || option.coverUrl.trim());
    form.submit({
      kind,
      question: String(data.get("question") ?? ""),
      description: String(data.get("description") ?? ""),
      voting,
      maxChoices: voting === "multiple" ? String(data.get("maxChoices") ?? "") : null,
      resultsWhileOpen: data.get("results") === "live",
      anonymous: data.get("voters") === "anonymous",
      proposalsOpen: kind === "next_book" && proposalsOpen,
      timeZone,
      closes: closesByTime ? { date, time, choice } : null,
      options: kind === "next_book" ? filled.map(({ title, author, link, coverUrl }) => ({ title, author, link, coverUrl })) : filled.map(({ title }) => ({ title })),
    });
  }

  const radio = "size-4 accent-accent";
  const zoneError = fieldError("timeZone");
  const choiceError = fieldError("closes.choice");
  const problem = preview && !preview.ok ? problemText({ code: "start", start: preview.problem, occurrence: null, count: 1 }) : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">{t("kind")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {kinds.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className={radio} />
              {value === "next_book" ? t("kindNextBook") : t("kindQuestion")}
            </label>
          ))}
        </div>
      </fieldset>

      <Field
        id="poll-question"
        name="question"
        label={t("question")}
        placeholder={kind === "next_book" ? t("questionPlaceholderBook") : t("questionPlaceholder")}
        required
        maxLength={pollLimits.question}
        error={fieldError("question")}
      />
      <TextArea id="poll-description" name="description" label={t("description")} rows={2} maxLength={pollLimits.description} hint={t("descriptionHint")} error={fieldError("description")} />

      <PollOptionsEditor kind={kind} options={options} onChange={setOptions} onAdd={() => setOptions([...options, blank()])} fieldError={fieldError} />
      {kind === "next_book" ? (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" checked={proposalsOpen} onChange={(event) => setProposalsOpen(event.target.checked)} className="mt-0.5 size-4 accent-accent" />
          <span>
            <span className="font-medium text-ink">{t("proposals")}</span>
            <span className="block text-muted">{t("proposalsHint")}</span>
          </span>
        </label>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">{t("voting")}</legend>
        {votingModes.map((value) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input type="radio" name="voting" value={value} checked={voting === value} onChange={() => setVoting(value)} className={`mt-0.5 ${radio}`} />
            <span>
              <span className="font-medium text-ink">{t(`votingLabel.${value}`)}</span>
              <span className="block text-muted">{t(`votingHint.${value}`)}</span>
            </span>
          </label>
        ))}
        {voting === "multiple" ? (
          <div className="max-w-xs pl-6">
            <Field id="poll-max" name="maxChoices" type="number" inputMode="numeric" min={2} label={t("maxChoices")} hint={t("maxChoicesHint")} error={fieldError("maxChoices")} />
          </div>
        ) : null}
      </fieldset>

      <div className="grid gap-6 sm:grid-cols-2">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-ink">{t("results")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="results" value="live" defaultChecked className={radio} />
            {t("resultsLive")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="results" value="hidden" className={radio} />
            {t("resultsHidden")}
          </label>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-ink">{t("voters")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="voters" value="named" defaultChecked className={radio} />
            {t("votersNamed")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="voters" value="anonymous" className={radio} />
            {t("votersAnonymous")}
          </label>
        </fieldset>
      </div>

      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-ink">{t("closes")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="closesBy" checked={closesByTime} onChange={() => setClosesByTime(true)} className={radio} />
            {t("closesAtTime")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="closesBy" checked={!closesByTime} onChange={() => setClosesByTime(false)} className={radio} />
            {t("closesByHand")}
          </label>
        </div>
        {closesByTime ? (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field
                id="poll-close-date"
                type="date"
                label={t("closeDate")}
                value={date}
                onChange={(event) => {
                  setDate(event.target.value);
                  setChoice(null);
                }}
                required
                error={fieldError("closes.date")}
              />
              <Field
                id="poll-close-time"
                type="time"
                label={t("closeTime")}
                value={time}
                onChange={(event) => {
                  setTime(event.target.value);
                  setChoice(null);
                }}
                required
                error={fieldError("closes.time")}
              />
            </div>
            <div className="space-y-1.5">
              <label htmlFor="poll-zone" className="block text-sm font-medium text-ink">
                {t("zone")}
              </label>
              <TimeZoneSelect
                id="poll-zone"
                value={timeZone}
                onChange={(zone) => {
                  setChosenZone(zone);
                  setChoice(null);
                }}
                describedBy="poll-zone-hint"
                invalid={Boolean(zoneError)}
              />
              <p id="poll-zone-hint" className="text-xs text-muted">
                {t("zoneHint")}
              </p>
              {zoneError ? <p className="text-sm text-danger">{zoneError}</p> : null}
            </div>
            {preview?.ok ? (
              <p aria-live="polite" className="rounded-md bg-accent-soft/70 px-3 py-2 text-sm text-accent-strong" suppressHydrationWarning>
                {t("closesPreview", { when: formatInZone(preview.startsAt, timeZone, locale) })}
              </p>
            ) : preview && !preview.ok ? (
              <div aria-live="polite" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                <p>{problem}</p>
                {ambiguous && !ambiguous.ok && ambiguous.options ? (
                  <fieldset className="space-y-1">
                    <legend className="sr-only">{t("whichTime")}</legend>
                    {ambiguous.options.map((option) => (
                      <label key={option.choice} className="flex items-center gap-2">
                        <input type="radio" name="choice" checked={choice === option.choice} onChange={() => setChoice(option.choice)} className={radio} />
                        {formatStartOption(option.startsAt, timeZone, locale)}
                      </label>
                    ))}
                  </fieldset>
                ) : null}
              </div>
            ) : null}
            {choiceError && !choice ? <p className="text-sm text-danger">{choiceError}</p> : null}
          </>
        ) : null}
      </fieldset>

      <FormAlert error={form.error} />
      <SubmitRow pending={form.pending} submitLabel={t("submit")} pendingLabel={t("sending")} cancelHref={cancelHref} />
    </form>
  );
}

