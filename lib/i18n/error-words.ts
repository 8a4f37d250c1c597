import type { ErrorText, ErrorValues } from "./error-text";
import type { Locale } from "./locales";
import { translatorFor } from "./translate";

/**
 * An error's words in a locale: its message with its values, a value that is itself an
 * ErrorText translated first into the same locale.
 */
export function errorWords(text: ErrorText, locale: Locale): string {
  return translatorFor(locale, "errors")(text.key, text.values && wordsOfValues(text.values, locale));
}

function wordsOfValues(values: ErrorValues, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === "object" ? errorWords(value, locale) : value]));
}
