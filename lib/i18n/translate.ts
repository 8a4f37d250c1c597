import { createFormatter, createTranslator } from "next-intl";
import { messagesByLocale, type Messages } from "./messages";
import type { Locale } from "./locales";

/**
 * A translator for one namespace outside React and outside a request: emails, digests,
 * reminders, calendar files and socket answers, which know their recipient's locale
 * (lib/i18n/locales.ts recipientLocale) rather than a browser's. Same ICU messages as the pages.
 */
export function translatorFor<Namespace extends keyof Messages>(locale: Locale, namespace: Namespace) {
  return createTranslator({ locale, messages: messagesByLocale[locale], namespace });
}

/**
 * Dates, times, relative times, numbers and lists in a locale, outside React (next-intl's
 * createFormatter over Intl). `timeZone` is an IANA zone; dates are always shown in one that is named.
 */
export function formatterFor(locale: Locale, timeZone: string) {
  return createFormatter({ locale, timeZone });
}
