"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Outcome } from "@/lib/doors/outcome";
import { formatInZone, repeatStarts, resolveLocalStart, type StartChoice, type StartOption } from "@/lib/meetings/time";
import type { ScheduleMeetingValues } from "@/lib/validation/meetings";
import { AgendaPicker, type AgendaRoom } from "./agenda-picker";
import { formatDuration } from "./meeting-time";
import { TimeZoneSelect } from "./time-zone-select";
import { useViewerZone } from "./use-viewer-clock";

export type MeetingFormLimits = {
  title: number;
  location: number;
  readingAssignment: number;
  notes: number;
  duration: { min: number; max: number; default: number };
  repeat: { everyWeeks: { min: number; max: number }; count: { min: number; max: number } };
};

type Initial = {
  title: string;
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: number;
  location: string;
  readingAssignment: string;
  notes: string;
  agenda: string[];
};

type Props = {
  action: (values: ScheduleMeetingValues) => Promise<Outcome<{ href: string }>>;
  rooms: AgendaRoom[];
  limits: MeetingFormLimits;
  initial?: Initial;
  /** Offered when scheduling, not when editing one meeting of a series. */
  offerRepeat: boolean;
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
};

type Preview =
  | { kind: "empty" }
  | { kind: "ok"; starts: Date[] }
  | { kind: "problem"; message: string }
  | { kind: "ambiguous"; message: string; options: StartOption[]; starts: Date[] | null };

const inputClass =
  "block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30";

/** What the moderator's inputs mean, worked out in the browser with the same rules the server applies. */
function preview(input: {
  date: string;
  time: string;
  timeZone: string;
  choice: StartChoice | null;
  repeat: { everyWeeks: number; count: number } | null;
}): Preview {
  if (!input.date || !input.time || !input.timeZone) return { kind: "empty" };
  const local = { date: input.date, time: input.time, timeZone: input.timeZone };
  const result = input.repeat ? repeatStarts({ ...local, ...input.repeat }) : resolveLocalStart(local);
  if (result.ok) return { kind: "ok", starts: "starts" in result ? result.starts : [result.startsAt] };
  if (result.reason === "ambiguous" && result.options) {
    const chosen = input.choice ? (input.repeat ? repeatStarts({ ...local, ...input.repeat }, input.choice) : resolveLocalStart(local, input.choice)) : null;
    const starts = chosen?.ok ? ("starts" in chosen ? chosen.starts : [chosen.startsAt]) : null;
    return { kind: "ambiguous", message: result.message, options: result.options, starts };
  }
  return { kind: "problem", message: result.message };
}

/** The server refuses a new start in the past; say so before the moderator submits. */
function refusePast(plan: Preview, unchanged: boolean): Preview {
  const first = plan.kind === "ok" ? plan.starts[0] : plan.kind === "ambiguous" ? plan.starts?.[0] : undefined;
  if (unchanged || !first || first.getTime() > Date.now()) return plan;
  return { kind: "problem", message: "That time has already passed. Choose a day and time in the future." };
}

function fieldError(fields: Record<string, string> | undefined, name: string): string | undefined {
  if (!fields) return undefined;
  return fields[name] ?? Object.entries(fields).find(([key]) => key.startsWith(`${name}.`))?.[1];
}

export function MeetingForm({ action, rooms, limits, initial, offerRepeat, submitLabel, pendingLabel, cancelHref }: Props) {
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
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);

  const timeZone = chosenZone || browserZone || "";

  // A new date, time, zone or repeat is a new question: the old answer to "which 2:30?" and
  // the server's refusal of the old values no longer apply.
  function whenChanged() {
    setChoice(null);
    setError(null);
  }
  const repeat = offerRepeat && repeats ? { everyWeeks: Number(everyWeeks), count: Number(count) } : null;
  const unchanged = initial !== undefined && date === initial.date && time === initial.time && timeZone === initial.timeZone;
  const plan = refusePast(preview({ date, time, timeZone, choice, repeat }), unchanged);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: ScheduleMeetingValues = {
      title: String(form.get("title") ?? ""),
      date,
      time,
      timeZone,
      choice: plan.kind === "ambiguous" ? choice : null,
      durationMinutes: duration,
      location: String(form.get("location") ?? ""),
      readingAssignment: String(form.get("readingAssignment") ?? ""),
      notes,
      agenda,
      repeat: offerRepeat && repeats ? { everyWeeks, count } : null,
    };
    setPending(true);
    setError(null);
    try {
      const result = await action(values);
      if (result.ok) {
        router.push(result.data.href);
        return;
      }
      setError({ message: result.error.message, fields: result.error.fields });
    } catch {
      setError({ message: "We couldn't reach Chapterhouse. Check your connection and try again." });
    }
    setPending(false);
  }

  const fields = error?.fields;
  const durationNumber = Number(duration);
  const durationHint =
    Number.isInteger(durationNumber) && durationNumber > 0
      ? `${formatDuration(durationNumber)}. From ${limits.duration.min} to ${limits.duration.max} minutes.`
      : `From ${limits.duration.min} to ${limits.duration.max} minutes.`;
  const notesError = fieldError(fields, "notes");
  const zoneError = fieldError(fields, "timeZone");
  const choiceError = fieldError(fields, "choice");

  return (
    <form onSubmit={onSubmit} className="space-y-6 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6" noValidate>
      <Field
        id="meeting-title"
        name="title"
        label="Title"
        defaultValue={initial?.title}
        placeholder="Never Let Me Go: Part One"
        required
        maxLength={limits.title}
        error={fieldError(fields, "title")}
      />

      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-ink">When</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="meeting-date"
            name="date"
            type="date"
            label="Date"
            value={date}
            onChange={(event) => {
              setDate(event.target.value);
              whenChanged();
            }}
            required
            error={fieldError(fields, "date")}
          />
          <Field
            id="meeting-time"
            name="time"
            type="time"
            label="Start time"
            value={time}
            onChange={(event) => {
              setTime(event.target.value);
              whenChanged();
            }}
            required
            error={fieldError(fields, "time")}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="meeting-zone" className="block text-sm font-medium text-ink">
            Time zone
          </label>
          <TimeZoneSelect
            id="meeting-zone"
            value={timeZone}
            onChange={(zone) => {
              setChosenZone(zone);
              whenChanged();
            }}
            describedBy={`meeting-zone-hint${zoneError ? " meeting-zone-error" : ""}`}
            invalid={Boolean(zoneError)}
          />
          <p id="meeting-zone-hint" className="text-xs text-muted">
            The zone you&apos;re planning in{browserZone && timeZone === browserZone ? " (your browser's)" : ""}. Everyone else sees the
            time in their own zone.
          </p>
          {zoneError ? (
            <p id="meeting-zone-error" className="text-sm text-danger">
              {zoneError}
            </p>
          ) : null}
        </div>
      </fieldset>

      {offerRepeat ? (
        <fieldset className="space-y-3 rounded-md border border-line bg-paper/60 p-4">
          <legend className="sr-only">Repeat</legend>
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              checked={repeats}
              onChange={(event) => {
                setRepeats(event.target.checked);
                whenChanged();
              }}
              className="mt-0.5 size-4 accent-accent"
            />
            <span>
              <span className="block font-medium text-ink">Repeat this meeting</span>
              <span className="block text-muted">Each meeting is created separately, at the same local time, and can be changed on its own.</span>
            </span>
          </label>
          {repeats ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="space-y-1.5">
                <label htmlFor="meeting-every" className="block text-sm font-medium text-ink">
                  How often
                </label>
                <select
                  id="meeting-every"
                  value={everyWeeks}
                  onChange={(event) => {
                    setEveryWeeks(event.target.value);
                    whenChanged();
                  }}
                  className={inputClass}
                >
                  {Array.from({ length: limits.repeat.everyWeeks.max - limits.repeat.everyWeeks.min + 1 }, (_, index) => index + limits.repeat.everyWeeks.min).map(
                    (weeks) => (
                      <option key={weeks} value={String(weeks)}>
                        {weeks === 1 ? "Every week" : `Every ${weeks} weeks`}
                      </option>
                    ),
                  )}
                </select>
                {fieldError(fields, "repeat.everyWeeks") ? <p className="text-sm text-danger">{fieldError(fields, "repeat.everyWeeks")}</p> : null}
              </div>
              <Field
                id="meeting-count"
                type="number"
                inputMode="numeric"
                label="Number of meetings"
                min={limits.repeat.count.min}
                max={limits.repeat.count.max}
                value={count}
                onChange={(event) => {
                  setCount(event.target.value);
                  whenChanged();
                }}
                hint={`${limits.repeat.count.min} to ${limits.repeat.count.max}, this one included.`}
                error={fieldError(fields, "repeat.count")}
              />
            </div>
          ) : null}
        </fieldset>
      ) : null}

      <StartPreview plan={plan} timeZone={timeZone} choice={choice} onChoose={setChoice} choiceError={choiceError} />

      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <Field
          id="meeting-duration"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          label="Length (minutes)"
          min={limits.duration.min}
          max={limits.duration.max}
          step={15}
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          hint={durationHint}
          error={fieldError(fields, "durationMinutes")}
        />
        <Field
          id="meeting-location"
          name="location"
          label="Video link or place (optional)"
          defaultValue={initial?.location}
          maxLength={limits.location}
          placeholder="https://meet.example.com/hailsham or Ruth's kitchen, 12 Norfolk Lane"
          hint="A link starting with https:// becomes a “Join” button. Anything else is shown as a place, exactly as written."
          error={fieldError(fields, "location")}
        />
      </div>

      <Field
        id="meeting-reading"
        name="readingAssignment"
        label="Reading assignment (optional)"
        defaultValue={initial?.readingAssignment}
        maxLength={limits.readingAssignment}
        placeholder="Part One, chapters 1–9"
        hint="What to have read by this meeting."
        error={fieldError(fields, "readingAssignment")}
      />

      <div className="space-y-1.5">
        <label htmlFor="meeting-notes" className="block text-sm font-medium text-ink">
          Notes (optional)
        </label>
        <textarea
          id="meeting-notes"
          name="notes"
          rows={3}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          maxLength={limits.notes}
          aria-invalid={notesError ? true : undefined}
          aria-describedby={`meeting-notes-hint${notesError ? " meeting-notes-error" : ""}`}
          className={`${inputClass} resize-y leading-relaxed`}
        />
        <p id="meeting-notes-hint" className="text-xs text-muted">
          Anything members should know: what to bring, who&apos;s hosting. {notes.length.toLocaleString("en")} / {limits.notes.toLocaleString("en")}
        </p>
        {notesError ? (
          <p id="meeting-notes-error" className="text-sm text-danger">
            {notesError}
          </p>
        ) : null}
      </div>

      <AgendaPicker rooms={rooms} value={agenda} onChange={setAgenda} error={fieldError(fields, "agenda")} />

      {error ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
          {error.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        <Link href={cancelHref} className="px-2 py-2 text-sm text-muted hover:text-ink">
          Back without saving
        </Link>
      </div>
    </form>
  );
}

function StartPreview({
  plan,
  timeZone,
  choice,
  onChoose,
  choiceError,
}: {
  plan: Preview;
  timeZone: string;
  choice: StartChoice | null;
  onChoose: (choice: StartChoice) => void;
  choiceError?: string;
}) {
  if (plan.kind === "empty") return null;
  if (plan.kind === "problem") {
    return (
      <p aria-live="polite" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {plan.message}
      </p>
    );
  }
  if (plan.kind === "ambiguous") {
    return (
      <div
        className={`space-y-3 rounded-md border bg-amber-50 px-3 py-3 text-sm text-amber-950 ${choiceError && !choice ? "border-danger/60 ring-2 ring-danger/20" : "border-amber-300"}`}
      >
        <fieldset className="space-y-2">
          <legend className="leading-relaxed">{plan.message}</legend>
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
                <span className="font-medium">{option.choice === "earlier" ? "The earlier one" : "The later one"}</span>: {option.label}
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
  const [first] = starts;
  if (!first) return null;
  if (starts.length === 1) return <p suppressHydrationWarning>Starts {formatInZone(first, timeZone)}.</p>;
  const shown = starts.slice(0, PREVIEW_LIMIT);
  const last = starts[starts.length - 1];
  return (
    <div className="space-y-1" suppressHydrationWarning>
      <p>{starts.length} meetings, each at the same local time:</p>
      <ol className="list-decimal space-y-0.5 pl-5">
        {shown.map((start) => (
          <li key={start.getTime()}>{formatInZone(start, timeZone)}</li>
        ))}
      </ol>
      {last && starts.length > PREVIEW_LIMIT ? (
        <p>
          …and {starts.length - PREVIEW_LIMIT} more, the last on {formatInZone(last, timeZone)}.
        </p>
      ) : null}
    </div>
  );
}
