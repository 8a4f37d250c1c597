"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { RenameValues } from "@/lib/validation/profile";

type Props = {
  currentName: string;
  rename: (input: RenameValues) => Promise<Outcome<{ name: string }>>;
};

export function DisplayNameForm({ currentName, rename }: Props) {
  const t = useTranslations();
  const [name, setName] = useState(currentName);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useActionForm(rename, {
    onSuccess: (data) => {
      setName(data.name);
      setSaved(data.name);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    form.submit({ name });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field
        id="profile-name"
        name="name"
        label={t("profile.name.label")}
        autoComplete="name"
        required
        maxLength={80}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setSaved(null);
        }}
        error={form.fieldError("name")}
        hint={t("profile.name.hint")}
      />
      <FormAlert error={form.error} shownFields={["name"]} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("common.saving") : t("profile.name.save")}
        </Button>
        <p role="status" className="text-sm text-accent-strong">
          {saved !== null ? t("profile.name.saved", { name: saved }) : ""}
        </p>
      </div>
    </form>
  );
}
