"use client";

import { useTranslations } from "next-intl";
import { localeNames, locales, type Locale } from "@/lib/i18n/locales";

/**
 * The club's language picker: which language its discussion is in, so search finds "cancion"
 * in "canción" and "tapes" in "tape" (docs/decisions/0026-search.md). Each language is named in
 * itself, as in the language switches. Uncontrolled: read it from the form's data as `name`.
 */
export function ClubLanguageSelect({ id, name = "language", defaultValue, error }: { id: string; name?: string; defaultValue: Locale; error?: string }) {
  const t = useTranslations("club.language");
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {t("label")}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className="min-h-10 rounded-md border border-line bg-white px-2 py-1.5 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {localeNames[locale]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-muted">
        {t("hint")}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
