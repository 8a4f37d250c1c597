"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { TextArea } from "@/components/ui/text-area";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { ClubDetailsValues } from "@/lib/validation/clubs";

type Details = { name: string; description: string };

type Props = {
  /** What is stored now. */
  details: Details;
  action: (input: Record<keyof ClubDetailsValues, string>) => Promise<Outcome<Details>>;
  nameMaxLength: number;
  descriptionMaxLength: number;
};

/**
 * The owner's "About the club" form: the club's name and description, under the rules it was
 * created with. After a save the fields show what was stored (trimmed), and the club's pages
 * read the new name (the action revalidates them).
 */
export function ClubSettingsDetailsForm({ details, action, nameMaxLength, descriptionMaxLength }: Props) {
  const t = useTranslations("club.settings.about");
  const [name, setName] = useState(details.name);
  const [description, setDescription] = useState(details.description);
  const [saved, setSaved] = useState(false);
  const form = useActionForm(action, {
    onSuccess: (stored) => {
      setName(stored.name);
      setDescription(stored.description);
      setSaved(true);
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    form.submit({ name, description });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <Field
        id="club-name"
        name="name"
        label={t("name")}
        required
        maxLength={nameMaxLength}
        autoComplete="off"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setSaved(false);
        }}
        error={form.fieldError("name")}
      />
      <TextArea
        id="club-description"
        name="description"
        label={
          <>
            {t("description")} <span className="font-normal text-muted">{t("optional")}</span>
          </>
        }
        rows={4}
        maxLength={descriptionMaxLength}
        value={description}
        onChange={(event) => {
          setDescription(event.target.value);
          setSaved(false);
        }}
        error={form.fieldError("description")}
        hint={
          <p className="flex justify-between gap-3">
            <span>{t("descriptionHint")}</span>
            <span aria-hidden>
              {description.length}/{descriptionMaxLength}
            </span>
          </p>
        }
      />
      <FormAlert error={form.error} shownFields={["name", "description"]} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("saving") : t("save")}
        </Button>
        <span aria-live="polite" className="text-sm text-muted">
          {saved ? t("saved") : null}
        </span>
      </div>
    </form>
  );
}
