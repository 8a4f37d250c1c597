"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { Locale } from "@/lib/i18n/locales";
import type { LocaleChoiceValues } from "@/lib/validation/profile";

type Props = {
  /** The member's saved choice; null follows the browser. */
  chosen: Locale | null;
  /** Each of our languages, named in itself (lib/i18n/locales.ts localeNames). */
  languages: { locale: Locale; name: string }[];
  /** The language this browser asks for now, named in itself, for the "browser's language" choice. */
  browserLanguage: string;
  save: (input: LocaleChoiceValues) => Promise<Outcome<{ locale: Locale | null }>>;
};

const browserChoice = "browser";
type Choice = Locale | typeof browserChoice;

/**
 * The member's language: their browser's, or one named. Saved, the page is drawn again in it
 * (the layout reads the choice); emails and reminders use it too.
 */
export function LanguageForm({ chosen, languages, browserLanguage, save }: Props) {
  const t = useTranslations("profile.language");
  const router = useRouter();
  const [choice, setChoice] = useState<Choice>(chosen ?? browserChoice);
  const [saved, setSaved] = useState(false);
  const form = useActionForm(save, {
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const options: { value: Choice; label: string; lang?: Locale }[] = [
    { value: browserChoice, label: t("browser", { language: browserLanguage }) },
    ...languages.map(({ locale, name }) => ({ value: locale, label: name, lang: locale })),
  ];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    form.submit({ locale: choice === browserChoice ? null : choice });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <fieldset className="space-y-2" aria-describedby="language-hint">
        <legend className="text-sm font-medium text-ink">{t("label")}</legend>
        <p id="language-hint" className="text-xs text-muted">
          {t("hint")}
        </p>
        <div className="grid grid-cols-1 gap-2">
          {options.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-line px-3 py-2 text-sm has-[:checked]:border-accent has-[:checked]:bg-paper"
            >
              <input
                type="radio"
                name="locale"
                value={option.value}
                checked={choice === option.value}
                onChange={() => {
                  setChoice(option.value);
                  setSaved(false);
                }}
                className="accent-accent"
              />
              <span lang={option.lang}>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormAlert error={form.error} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("saving") : t("save")}
        </Button>
        <p role="status" className="text-sm text-accent-strong">
          {saved ? t("saved") : ""}
        </p>
      </div>
    </form>
  );
}
