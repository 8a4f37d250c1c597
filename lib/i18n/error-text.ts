import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "./messages";

/** A message in the "errors" namespace (lib/i18n/messages/<locale>/errors.json), by its dotted key. */
export type ErrorKey = MessageKeys<Messages["errors"], NestedKeyOf<Messages["errors"]>>;

/**
 * Values an error message interpolates (ICU arguments: numbers are formatted by the locale). A
 * value may itself be an ErrorText, translated into the same locale first: the field a text rule
 * names ("The reply"), the wait of a rate limit ("3 minutes"), the problem of question 4.
 */
export type ErrorValues = { [name: string]: string | number | ErrorText };

/**
 * What an AppError says, before it knows who reads it: a key and its values. The door that
 * answers translates it into the reader's locale (lib/doors/wire-error.ts toWireError).
 */
export type ErrorText = { key: ErrorKey; values?: ErrorValues };

/** An error message by key: `errorText("reply.empty")`, `errorText("guide.hasReplies", { count: 4 })`. */
export function errorText(key: ErrorKey, values?: ErrorValues): ErrorText {
  return values ? { key, values } : { key };
}

/** What separates a key from its values in a zod message (keys are dotted words, never spaced). */
export const keyValuesSeparator = " ";

/**
 * A key for a zod schema's message, checked by the compiler: zod carries messages as strings, and
 * lib/validation/parse.ts turns one that is an error key back into an ErrorText with the issue's
 * own numbers (`minimum`, `maximum`) as values. Values zod does not know (the other end of a
 * range, a line number, the field a rule names) travel in the string as JSON after the key.
 */
export function errorKey(key: ErrorKey, values?: ErrorValues): string {
  return values ? `${key}${keyValuesSeparator}${JSON.stringify(values)}` : key;
}
