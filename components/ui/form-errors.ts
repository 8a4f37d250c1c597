import type { WireError } from "@/lib/doors/outcome";

// How a form reads a wire error (lib/doors/outcome.ts). Pure, so it is unit-tested without a
// browser, and decided by the error's code and field names, never by comparing its wording.

/** True when `key` (a field path like "repeat.count" or "agenda.2") belongs to the input named `name`. */
function isFieldOf(key: string, name: string): boolean {
  return key === name || key.startsWith(`${name}.`);
}

/**
 * The message for one input: its own entry in `error.fields`, or the first entry nested under
 * it ("agenda.2" for the agenda picker). Undefined when the input is not named.
 */
export function fieldErrorOf(error: WireError | null, name: string): string | undefined {
  const fields = error?.fields;
  if (!fields) return undefined;
  return fields[name] ?? Object.entries(fields).find(([key]) => isFieldOf(key, name))?.[1];
}

/**
 * Whether a form's summary would only repeat what its inputs already show. That is so when the
 * server refused the input's shape (`bad_request`) and every field it named is one the form
 * shows a message beside (`shownFields`). Any other refusal (a conflict, a lock, being offline)
 * says something the fields don't, and so does a field the form has no place for.
 */
export function summaryRepeatsFields(error: WireError, shownFields: readonly string[]): boolean {
  if (error.code !== "bad_request" || !error.fields) return false;
  const keys = Object.keys(error.fields);
  return keys.length > 0 && keys.every((key) => shownFields.some((name) => isFieldOf(key, name)));
}
