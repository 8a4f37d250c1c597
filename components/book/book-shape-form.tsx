"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitRow } from "@/components/ui/submit-row";
import { TextArea } from "@/components/ui/text-area";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { BookShapeValues } from "@/lib/validation/book-shape";

type Props = {
  action: (values: BookShapeValues) => Promise<Outcome<{ href: string }>>;
  initial: { chapters: string; parts: string };
  cancelHref: string;
};

/** The quick shape form: a chapter count, or one part per line ("Part One, chapters 1–9"), or both. */
export function BookShapeForm({ action, initial, cancelHref }: Props) {
  const t = useTranslations("book.shape");
  const router = useRouter();
  const form = useActionForm(action, { onSuccess: (data) => router.push(data.href), leavesOnSuccess: true });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    form.submit({ chapters: String(data.get("chapters") ?? ""), parts: String(data.get("parts") ?? "") });
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="shape-heading" className="space-y-5 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6" noValidate>
      <div className="space-y-1">
        <h2 id="shape-heading" className="font-serif text-xl font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      <Field
        id="shape-chapters"
        name="chapters"
        label={t("chapters")}
        inputMode="numeric"
        defaultValue={initial.chapters}
        error={form.fieldError("chapters")}
        hint={t("chaptersHint")}
      />
      <TextArea
        id="shape-parts"
        name="parts"
        label={t("parts")}
        rows={4}
        defaultValue={initial.parts}
        placeholder={t("partsPlaceholder")}
        error={form.fieldError("parts")}
        hint={t("partsHint")}
      />
      <FormAlert error={form.error} shownFields={["chapters", "parts"]} />
      <SubmitRow pending={form.pending} submitLabel={t("submit")} pendingLabel={t("pending")} cancelHref={cancelHref} />
    </form>
  );
}
