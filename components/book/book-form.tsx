"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitRow } from "@/components/ui/submit-row";
import { TextArea } from "@/components/ui/text-area";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { CreateBookValues } from "@/lib/validation/books";

type Props = {
  /** Adding or editing; editing ignores `makeCurrent`. */
  action: (values: CreateBookValues) => Promise<Outcome<{ href: string }>>;
  initial?: { title?: string; author?: string; year?: string; coverUrl?: string; description?: string; summary?: string; makeCurrent?: boolean };
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
  /** Offered when adding a book to a club that already reads another one. */
  offerMakeCurrent?: boolean;
  descriptionMaxLength: number;
  /** Offered when editing: the full summary behind a spoiler warning on the book page. */
  summaryMaxLength?: number;
};

export function BookForm({ action, initial, submitLabel, pendingLabel, cancelHref, offerMakeCurrent = false, descriptionMaxLength, summaryMaxLength }: Props) {
  const t = useTranslations("book.form");
  const format = useFormatter();
  const router = useRouter();
  const [description, setDescription] = useState(initial?.description ?? "");
  const form = useActionForm(action, { onSuccess: (data) => router.push(data.href), leavesOnSuccess: true });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    form.submit({
      title: String(data.get("title") ?? ""),
      author: String(data.get("author") ?? ""),
      year: String(data.get("year") ?? ""),
      coverUrl: String(data.get("coverUrl") ?? ""),
      description,
      summary: summaryMaxLength === undefined ? undefined : String(data.get("summary") ?? ""),
      makeCurrent: offerMakeCurrent ? data.get("makeCurrent") === "on" : undefined,
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6" noValidate>
      <Field id="book-title" name="title" label={t("title")} defaultValue={initial?.title} required maxLength={200} error={form.fieldError("title")} />
      <Field id="book-author" name="author" label={t("author")} defaultValue={initial?.author} required maxLength={200} error={form.fieldError("author")} />
      <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
        <Field
          id="book-year"
          name="year"
          label={t("year")}
          inputMode="numeric"
          defaultValue={initial?.year}
          error={form.fieldError("year")}
          hint={t("yearHint")}
        />
        <Field
          id="book-cover"
          name="coverUrl"
          type="url"
          label={t("cover")}
          placeholder={t("coverPlaceholder")}
          defaultValue={initial?.coverUrl}
          error={form.fieldError("coverUrl")}
          hint={t("coverHint")}
        />
      </div>
      <TextArea
        id="book-description"
        name="description"
        label={t("description")}
        rows={4}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        maxLength={descriptionMaxLength}
        error={form.fieldError("description")}
        hint={t("descriptionHint", { length: format.number(description.length), max: format.number(descriptionMaxLength) })}
      />
      {summaryMaxLength === undefined ? null : (
        <TextArea
          id="book-summary"
          name="summary"
          label={t("summary")}
          rows={6}
          defaultValue={initial?.summary}
          maxLength={summaryMaxLength}
          error={form.fieldError("summary")}
          hint={t("summaryHint")}
        />
      )}
      {offerMakeCurrent ? (
        <label className="flex items-start gap-3 rounded-md border border-line bg-paper/60 p-3 text-sm">
          <input type="checkbox" name="makeCurrent" defaultChecked={initial?.makeCurrent ?? true} className="mt-0.5 size-4 accent-accent" />
          <span>
            <span className="block font-medium text-ink">{t("makeCurrent")}</span>
            <span className="block text-muted">{t("makeCurrentHint")}</span>
          </span>
        </label>
      ) : null}
      {/* Shown even when it repeats a field's message: on a phone that field may be a screen above the button. */}
      <FormAlert error={form.error} />
      <SubmitRow pending={form.pending} submitLabel={submitLabel} pendingLabel={pendingLabel} cancelHref={cancelHref} />
    </form>
  );
}
