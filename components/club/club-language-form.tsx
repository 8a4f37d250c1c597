"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { Locale } from "@/lib/i18n/locales";
import { ClubLanguageSelect } from "./club-language-select";

/**
 * The owner's setting for the club's language, on the settings page: saving it reindexes the
 * club's replies for search (lib/clubs/clubs.ts changeClubLanguage), and says so once done.
 */
export function ClubLanguageForm({ language, action }: { language: Locale; action: (input: { language: string }) => Promise<Outcome<{ language: Locale }>> }) {
  const t = useTranslations("club.settings.language");
  const [saved, setSaved] = useState<Locale | null>(null);
  const form = useActionForm(action, { onSuccess: (data) => setSaved(data.language) });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    form.submit({ language: String(new FormData(event.currentTarget).get("language") ?? "") });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <ClubLanguageSelect id="club-language" defaultValue={language} error={form.fieldError("language")} />
      <FormAlert error={form.error} shownFields={["language"]} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={form.pending}>
          {form.pending ? t("saving") : t("save")}
        </Button>
        <span aria-live="polite" className="text-sm text-muted">
          {saved ? t("saved", { language: saved }) : null}
        </span>
      </div>
    </form>
  );
}
