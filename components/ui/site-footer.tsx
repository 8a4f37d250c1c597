import { getTranslations } from "next-intl/server";
import { localeNames, locales, type Locale } from "@/lib/i18n/locales";

type Props = {
  current: Locale;
  /** The server action that sets the language (app/actions.ts chooseLanguageAction). */
  chooseLanguage: (form: FormData) => Promise<void>;
};

/**
 * The footer on every page, with the language switch: one form whose buttons each name their
 * language in itself (a Spanish reader looks for "Español"), the current one marked. A plain
 * form post, so it works by keyboard and without JavaScript; the action draws the page again.
 */
export async function SiteFooter({ current, chooseLanguage }: Props) {
  const t = await getTranslations("common.footer");
  return (
    <footer className="border-t border-line">
      <div className="mx-auto flex max-w-3xl flex-col gap-3 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>{t("tagline")}</p>
        <form action={chooseLanguage} aria-labelledby="language-switch-label" className="flex items-center gap-1">
          <span id="language-switch-label" className="mr-1">
            {t("language")}
          </span>
          {locales.map((locale) => {
            const isCurrent = locale === current;
            return (
              <button
                key={locale}
                type="submit"
                name="locale"
                value={locale}
                lang={locale}
                aria-current={isCurrent ? "true" : undefined}
                className={`rounded-md px-2 py-1 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${
                  isCurrent ? "font-semibold text-ink underline decoration-accent decoration-2 underline-offset-4" : "text-accent hover:bg-white hover:underline"
                }`}
              >
                {localeNames[locale]}
              </button>
            );
          })}
        </form>
      </div>
    </footer>
  );
}
