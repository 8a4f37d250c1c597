"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { TextArea } from "@/components/ui/text-area";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { CreateClubValues } from "@/lib/validation/clubs";
import type { Locale } from "@/lib/i18n/locales";
import { ClubLanguageSelect } from "./club-language-select";

type Props = {
  /** Redirects to the new club on success, so only a failure comes back. */
  action: (input: Record<keyof CreateClubValues, string>) => Promise<Outcome<{ clubId: string }>>;
  nameMaxLength: number;
  descriptionMaxLength: number;
  /** The language the club starts in: the creator's own. */
  defaultLanguage: Locale;
};

export function CreateClubForm({ action, nameMaxLength, descriptionMaxLength, defaultLanguage }: Props) {
  const t = useTranslations("club.create");
  const [description, setDescription] = useState("");
  const form = useActionForm(action);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    form.submit({ name: String(data.get("name") ?? ""), description: String(data.get("description") ?? ""), language: String(data.get("language") ?? "") });
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
        error={form.fieldError("name")}
        hint={t("nameHint")}
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
        onChange={(event) => setDescription(event.target.value)}
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
      <ClubLanguageSelect id="club-language" defaultValue={defaultLanguage} error={form.fieldError("language")} />
      <FormAlert error={form.error} shownFields={["name", "description", "language"]} />
      <div className="flex flex-wrap items-center gap-3 pt-1">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("creating") : t("submit")}
        </Button>
        <Link href="/" className="rounded-md px-3 py-2 text-sm text-muted hover:text-ink">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
