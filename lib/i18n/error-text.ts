import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "./messages";

/** A message in the "errors" namespace (lib/i18n/messages/<locale>/errors.json), by its dotted key. */
export type ErrorKey = MessageKeys<Messages["errors"], NestedKeyOf<Messages["errors"]>>;

/** Values an error message interpolates (ICU arguments: numbers are formatted by the locale). */
export type ErrorValues = Record<string, string | number>;

/**
 * What an AppError says, before it knows who reads it: a key and its values. The door that
 * answers translates it into the reader's locale (lib/doors/outcome.ts toWireError).
 */
export type ErrorText = { key: ErrorKey; values?: ErrorValues };

/** An error message by key: `errorText("reply.empty")`, `errorText("reply.tooLong", { max: 10000 })`. */
export function errorText(key: ErrorKey, values?: ErrorValues): ErrorText {
  return values ? { key, values } : { key };
}

/**
 * A key for a zod schema's message, checked by the compiler: zod carries messages as strings, and
 * lib/validation/parse.ts turns one that is an error key back into an ErrorText with the issue's
 * own numbers (`minimum`, `maximum`) as values.
 */
export function errorKey(key: ErrorKey): string {
  return key;
}
