import "server-only";
import { AppError } from "@/lib/errors";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
import type { ErrorText } from "@/lib/i18n/error-text";
import type { WireError } from "./outcome";

/** An error's words in a locale: an ErrorText is translated; a plain string (English) passes as it is. */
export function errorWords(text: string | ErrorText, locale: Locale): string {
  if (typeof text === "string") return text;
  return translatorFor(locale, "errors")(text.key, text.values);
}

/**
 * Turns anything thrown inside a door into its HTTP status and wire error, in the reader's
 * locale. An AppError says what a person should know; anything else is logged here and answered
 * with a calm generic message, never its own text (which may hold SQL, paths or stack details).
 */
export function toWireError(error: unknown, locale: Locale = defaultLocale): { status: number; error: WireError } {
  if (error instanceof AppError) {
    const wire: WireError = { code: error.code, message: errorWords(error.text, locale) };
    if (error.fields) {
      wire.fields = Object.fromEntries(Object.entries(error.fields).map(([name, text]) => [name, errorWords(text, locale)]));
    }
    if (error.retryAfter !== undefined) wire.retryAfter = error.retryAfter;
    return { status: error.status, error: wire };
  }
  console.error(error);
  return { status: 500, error: { code: "internal", message: errorWords({ key: "internal" }, locale) } };
}

/** A failed Outcome carrying the wire error, in the reader's locale. */
export function failure(error: unknown, locale: Locale = defaultLocale): { ok: false; error: WireError } {
  return { ok: false, error: toWireError(error, locale).error };
}
