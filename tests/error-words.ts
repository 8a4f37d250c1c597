import { issueText } from "@/lib/i18n/error-keys";
import type { ErrorText } from "@/lib/i18n/error-text";
import { errorWords } from "@/lib/i18n/error-words";
import type { Locale } from "@/lib/i18n/locales";

// Schemas and AppErrors carry message keys (lib/i18n/error-text.ts); the door translates them.
// Tests that read a schema's issue or an AppError's fields directly read them as a person would.

/** A zod issue's message as a person reads it (English unless `locale` says otherwise); "" for none. */
export function issueWords(issue: { message: string; minimum?: unknown; maximum?: unknown } | undefined, locale: Locale = "en"): string {
  return issue ? errorWords(issueText(issue), locale) : "";
}

/** An AppError's per-field messages as a person reads them. */
export function fieldWords(fields: Record<string, ErrorText> | undefined, locale: Locale = "en"): Record<string, string> {
  return Object.fromEntries(Object.entries(fields ?? {}).map(([name, text]) => [name, errorWords(text, locale)]));
}
