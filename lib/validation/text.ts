import { z } from "zod";
import { errorKey, errorText, type ErrorKey } from "@/lib/i18n/error-text";
import type { Messages } from "@/lib/i18n/messages";

// One rule for every piece of text a person types that other people read or the database keeps
// (docs/decisions/0012-text-and-accounts.md). Control characters (Unicode category Cc: U+0000–
// U+001F, U+007F–U+009F) are never text: NUL cannot be stored by Postgres at all (it answered
// 500), and the rest render as nothing, move the cursor, or break the files we write (.ics).
// Lone UTF-16 surrogates have no UTF-8 form and are refused with them.
//
// Multi-line text (replies, notes, descriptions) keeps tab, line feed and carriage return. A
// single-line field (names, titles, reasons) refuses line breaks and tabs rather than quietly
// joining the lines: what is stored is then exactly what the person saw in the field. (A
// browser's <input> strips line breaks itself, so only a crafted request meets the refusal.)

const MULTI_LINE_ALLOWED = new Set(["\t", "\n", "\r"]);
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `value` holds a character no text field accepts (given whether it may span lines). */
export function hasForbiddenCharacter(value: string, multiline: boolean): boolean {
  if (LONE_SURROGATE.test(value)) return true;
  for (const [found] of value.matchAll(CONTROL)) {
    if (!multiline || !MULTI_LINE_ALLOWED.has(found)) return true;
  }
  return false;
}

/** How a field is named in a text rule's message: a key under `field` in the errors messages ("The reply"). */
export type FieldLabel = keyof Messages["errors"]["field"];

export type TextOptions = {
  /** How the field is named in the message: `reply` reads "The reply" (errors.json `field`). */
  label: FieldLabel;
  /** Whether line breaks and tabs are allowed (default: a single line). */
  multiline?: boolean;
  /** The message when the value is not a string at all (a missing required field). */
  error?: ErrorKey;
};

/**
 * A string field of user text: refuses control characters (and, on a single line, line breaks
 * and tabs) with a message naming the field, then trims. Callers chain their own `.min()` and
 * `.max()`, which count the trimmed text. The refusal comes before trimming, so a control
 * character at either end is refused too rather than trimmed away.
 */
export function text(options: TextOptions): z.ZodString {
  const multiline = options.multiline ?? false;
  const field = errorText(`field.${options.label}`);
  const message = errorKey(multiline ? "text.controlCharacter" : "text.oneLine", { field });
  return z
    .string(options.error === undefined ? undefined : { error: errorKey(options.error) })
    .refine((value) => !hasForbiddenCharacter(value, multiline), { message, abort: true })
    .trim();
}
