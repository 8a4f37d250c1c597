"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { BookShape } from "@/lib/books/points";
import { pointChoiceWords } from "@/lib/discussion/point-words";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  /** The book's setReadingProgress action, bound to its club and book. */
  action: (values: { reached: number; shared?: boolean }) => Promise<Outcome<{ reached: number }>>;
  shape: BookShape | null;
  /** The member's progress as a point's rank; null when they haven't said. */
  reached: number | null;
  shared: boolean;
  /** A compact one-line control (room header) or with its sharing choice beside it (club and book pages). */
  compact?: boolean;
};

/**
 * "Where I am" in a book: a native select of every point (one tap opens it, one picks, so two
 * taps on a phone), saved as soon as it changes; and whether other members see it.
 */
export function ProgressControl({ action, shape, reached, shared, compact = false }: Props) {
  const t = useTranslations("discussion");
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(reached === null ? "" : String(reached));
  const [isShared, setShared] = useState(shared);
  const [saved, setSaved] = useState(false);
  const form = useActionForm(action, {
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const choices = pointChoiceWords(t, shape, "progress");
  const groups = [...new Set(choices.map((choice) => choice.group))];

  return (
    <div className={compact ? "flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" : "space-y-2 text-sm"}>
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-progress`} className="font-medium text-ink">
          {t("reading.readTo")}
        </label>
        <select
          id={`${id}-progress`}
          value={value}
          // aria-disabled, not disabled, while saving: a disabled control drops its focus to the page.
          aria-disabled={form.pending}
          onChange={(event) => {
            if (form.pending) return;
            setSaved(false);
            setValue(event.target.value);
            if (event.target.value !== "") form.submit({ reached: Number(event.target.value) });
          }}
          className="min-h-10 rounded-md border border-line bg-white px-2 py-1.5 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
        >
          {value === "" ? <option value="">{t("reading.choose")}</option> : null}
          {groups.map((group) => {
            const options = choices
              .filter((choice) => choice.group === group)
              .map((choice) => (
                <option key={choice.rank} value={choice.rank}>
                  {choice.label}
                </option>
              ));
            return group === null ? options : <optgroup key={group} label={group}>{options}</optgroup>;
          })}
        </select>
        {/* Said politely to a screen reader too: the choice saves itself, with no button to press. */}
        <span aria-live="polite" className="text-muted">
          {form.pending ? t("reading.saving") : saved ? t("reading.saved") : null}
        </span>
      </div>
      {compact ? null : (
        <label className="flex items-center gap-2 text-muted">
          <input
            type="checkbox"
            checked={isShared}
            disabled={value === ""}
            aria-disabled={form.pending}
            onChange={(event) => {
              if (form.pending) return;
              setSaved(false);
              setShared(event.target.checked);
              form.submit({ reached: Number(value), shared: event.target.checked });
            }}
            className="size-4 accent-accent"
          />
          {t("reading.share")}
        </label>
      )}
      <FormAlert error={form.error} look="line" />
    </div>
  );
}
