import "server-only";
import { AppError } from "@/lib/errors";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { errorWords } from "@/lib/i18n/error-words";
import type { WireError } from "./outcome";

export { errorWords };

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
