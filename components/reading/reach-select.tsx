"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { BookShape } from "@/lib/books/points";
import { pointChoiceWords } from "@/lib/discussion/point-words";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  id: string;
  label: string;
  shape: BookShape | null;
  /** The room's reach as a rank; null when not said. */
  reach: number | null;
  action: (values: { reach: number | null }) => Promise<Outcome<null>>;
};

/** A moderator's picker for how far one room reaches ("Not said" = never veiled), saved on change. */
export function ReachSelect({ id, label, shape, reach, action }: Props) {
  const t = useTranslations("discussion");
  const router = useRouter();
  const [value, setValue] = useState(reach === null ? "" : String(reach));
  const form = useActionForm(action, { onSuccess: () => router.refresh() });
  const choices = pointChoiceWords(t, shape, "reach");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={form.pending}
        onChange={(event) => {
          setValue(event.target.value);
          form.submit({ reach: event.target.value === "" ? null : Number(event.target.value) });
        }}
        className="min-h-10 rounded-md border border-line bg-white px-2 py-1.5 text-sm text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
      >
        <option value="">{t("reading.notSaid")}</option>
        {choices.map((choice) => (
          <option key={choice.rank} value={choice.rank}>
            {choice.label}
          </option>
        ))}
      </select>
      <FormAlert error={form.error} look="line" />
    </div>
  );
}
