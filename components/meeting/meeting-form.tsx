"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitRow } from "@/components/ui/submit-row";
import { TextArea } from "@/components/ui/text-area";
import { useActionForm } from "@/components/ui/use-action-form";
import type { BookShape } from "@/lib/books/points";
import { pointChoiceWords } from "@/lib/discussion/point-words";
import type { Outcome } from "@/lib/doors/outcome";
import type { StartChoice } from "@/lib/meetings/time";
import type { MeetingFormInitial } from "@/lib/meetings/views";
import type { ScheduleMeetingValues } from "@/lib/validation/meetings";
import { AgendaPicker, type AgendaRoom } from "./agenda-picker";
import { planStarts, refusePast } from "./meeting-plan";
import { MeetingRepeatFieldset } from "./meeting-repeat-fieldset";
import { MeetingStartPreview } from "./meeting-start-preview";
import { useFormatDuration } from "./meeting-time";
import { MeetingWhenFieldset } from "./meeting-when-fieldset";
import { useViewerZone } from "./use-viewer-clock";

type MeetingFormLimits = {
  title: number;
  location: number;
  readingAssignment: number;
  notes: number;
  duration: { min: number; max: number; default: number };
  repeat: { everyWeeks: { min: number; max: number }; count: { min: number; max: number } };
};

type Props = {
  /** Scheduling, or editing one meeting (which ignores `repeat`). */
  action: (values: ScheduleMeetingValues) => Promise<Outcome<{ href: string }>>;
  rooms: AgendaRoom[];
  limits: MeetingFormLimits;
  /** A meeting being changed, as lib/meetings/pages.ts loadMeetingForm gives it; none for a new one. */
  initial?: MeetingFormInitial;
  /** Offered when scheduling, not when editing one meeting of a series. */
  offerRepeat: boolean;
  /** The book's chapters, for the "read up to" target; null when the book has none (only "the end" then). */
  shape: BookShape | null;
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
};

/**
 * Schedules a meeting (or a series) or edits one. This file holds the form's state and lays it
 * out; the when and repeat fieldsets, the start preview and the agenda are their own parts.
 */
export function MeetingForm({ action, rooms, limits, initial, offerRepeat, shape, submitLabel, pendingLabel, cancelHref }: Props) {
  const t = useTranslations("meeting.form");
  const pointWords = useTranslations("discussion");
  const formatDuration = useFormatDuration();
  const router = useRouter();
  const browserZone = useViewerZone();
  const [date, setDate] = useState(initial?.date ?? "");
  const [time, setTime] = useState(initial?.time ?? "19:00");
  // Empty means "the moderator's own zone", which only the browser knows.
  const [chosenZone, setChosenZone] = useState(initial?.timeZone ?? "");
  const [choice, setChoice] = useState<StartChoice | null>(null);
  const [duration, setDuration] = useState(String(initial?.durationMinutes ?? limits.duration.default));
  const [agenda, setAgenda] = useState<string[]>(initial?.agenda ?? []);
  const [notes, setNotes] = useState(initial?.notes ?? "");
  const [repeats, setRepeats] = useState(false);
  const [everyWeeks, setEveryWeeks] = useState("2");
  const [count, setCount] = useState("4");
  const form = useActionForm(action, { onSuccess: (data) => router.push(data.href), leavesOnSuccess: true });
  const { fieldError } = form;

  const timeZone = chosenZone || browserZone || "";

  // A new date, time, zone or repeat is a new question: the old answer to "which 2:30?" and
  // the server's refusal of the old values no longer apply.
  const whenChanged =
    <Value,>(set: (value: Value) => void) =>
    (value: Value) => {
      set(value);
      setChoice(null);
      form.clearError();
    };
  const repeat = offerRepeat && repeats ? { everyWeeks: Number(everyWeeks), count: Number(count) } : null;
  const unchanged = initial !== undefined && date === initial.date && time === initial.time && timeZone === initial.timeZone;
  const plan = refusePast(planStarts({ date, time, timeZone, choice, repeat }), unchanged);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    form.submit({
      title: String(data.get("title") ?? ""),
      date,
      time,
      timeZone,
      choice: plan.kind === "ambiguous" ? choice : null,
      durationMinutes: duration,
      location: String(data.get("location") ?? ""),
      readingAssignment: String(data.get("readingAssignment") ?? ""),
      readingTarget: data.get("readingTarget") ? Number(data.get("readingTarget")) : null,
      notes,
      agenda,
      repeat: offerRepeat && repeats ? { everyWeeks, count } : null,
    });
  }

  const readingTargetError = fieldError("readingTarget");
  const targetChoices = pointChoiceWords(pointWords, shape, "reach").filter((choice) => choice.rank > 0);
  const durationNumber = Number(duration);
  const range = { min: limits.duration.min, max: limits.duration.max };
  const durationHint =
    Number.isInteger(durationNumber) && durationNumber > 0
      ? t("lengthWithRange", { duration: formatDuration(durationNumber), ...range })
      : t("lengthRange", range);

  return (
    <form onSubmit={onSubmit} className="space-y-6 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6" noValidate>
      <Field
        id="meeting-title"
        name="title"
        label={t("title")}
        defaultValue={initial?.title}
        placeholder={t("titlePlaceholder")}
        required
        maxLength={limits.title}
        error={fieldError("title")}
      />

      <MeetingWhenFieldset
        date={date}
        time={time}
        timeZone={timeZone}
        browserZone={browserZone}
        onDate={whenChanged(setDate)}
        onTime={whenChanged(setTime)}
        onZone={whenChanged(setChosenZone)}
        fieldError={fieldError}
      />

      {offerRepeat ? (
        <MeetingRepeatFieldset
          repeats={repeats}
          everyWeeks={everyWeeks}
          count={count}
          limits={limits.repeat}
          onRepeats={whenChanged(setRepeats)}
          onEveryWeeks={whenChanged(setEveryWeeks)}
          onCount={whenChanged(setCount)}
          fieldError={fieldError}
        />
      ) : null}

      <MeetingStartPreview plan={plan} timeZone={timeZone} choice={choice} onChoose={setChoice} choiceError={fieldError("choice")} />

      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <Field
          id="meeting-duration"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          label={t("length")}
          min={limits.duration.min}
          max={limits.duration.max}
          step={15}
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          hint={durationHint}
          error={fieldError("durationMinutes")}
        />
        <Field
          id="meeting-location"
          name="location"
          label={t("location")}
          defaultValue={initial?.location}
          maxLength={limits.location}
          placeholder={t("locationPlaceholder")}
          hint={t("locationHint")}
          error={fieldError("location")}
        />
      </div>

      <Field
        id="meeting-reading"
        name="readingAssignment"
        label={t("reading")}
        defaultValue={initial?.readingAssignment}
        maxLength={limits.readingAssignment}
        placeholder={t("readingPlaceholder")}
        hint={t("readingHint")}
        error={fieldError("readingAssignment")}
      />
      <div className="space-y-1.5">
        <label htmlFor="meeting-reading-target" className="block text-sm font-medium text-ink">
          {t("target")}
        </label>
        <select
          id="meeting-reading-target"
          name="readingTarget"
          defaultValue={initial?.readingTarget ?? ""}
          aria-describedby={readingTargetError ? "meeting-reading-target-error meeting-reading-target-hint" : "meeting-reading-target-hint"}
          aria-invalid={readingTargetError ? true : undefined}
          className="block min-h-10 w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30 sm:w-auto"
        >
          <option value="">{t("noTarget")}</option>
          {targetChoices.map((choice) => (
            <option key={choice.rank} value={choice.rank}>
              {choice.label}
            </option>
          ))}
        </select>
        <p id="meeting-reading-target-hint" className="text-xs text-muted">
          {t("targetHint")}
        </p>
        {readingTargetError ? (
          <p id="meeting-reading-target-error" className="text-sm text-danger">
            {readingTargetError}
          </p>
        ) : null}
      </div>

      <TextArea
        id="meeting-notes"
        name="notes"
        label={t("notes")}
        rows={3}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        maxLength={limits.notes}
        error={fieldError("notes")}
        hint={t("notesHint", { used: notes.length, max: limits.notes })}
      />

      <AgendaPicker rooms={rooms} value={agenda} onChange={setAgenda} error={fieldError("agenda")} />

      {/* Shown even when it repeats a field's message: in a form this long, that field may be screens above. */}
      <FormAlert error={form.error} />
      <SubmitRow pending={form.pending} submitLabel={submitLabel} pendingLabel={pendingLabel} cancelHref={cancelHref} cancelLabel={t("back")} />
    </form>
  );
}
