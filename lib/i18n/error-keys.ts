import enErrors from "./messages/en/errors.json";
import { keyValuesSeparator, type ErrorKey, type ErrorText, type ErrorValues } from "./error-text";

function flatten(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === "string" ? [prefix + name] : flatten(value as object, `${prefix}${name}.`),
  );
}

const errorKeys: ReadonlySet<string> = new Set(flatten(enErrors));

/** Whether a string is a key of the "errors" messages (how a zod message names one). */
function isErrorKey(text: string): text is ErrorKey {
  return errorKeys.has(text);
}

/** A zod message made by errorKey: the key, and the values written after it, if any. */
function splitMessage(message: string): { key: string; values: ErrorValues } {
  const at = message.indexOf(keyValuesSeparator);
  if (at < 0) return { key: message, values: {} };
  try {
    return { key: message.slice(0, at), values: JSON.parse(message.slice(at + 1)) as ErrorValues };
  } catch {
    return { key: message, values: {} };
  }
}

/**
 * A zod issue's message as an ErrorText: the error key errorKey wrote, with the values written
 * beside it and the issue's bounds (`minimum`, `maximum`: what `.min(n, key)` and `.max(n, key)`
 * carry). A message that is no key (zod's own English, from a schema that sets none) becomes
 * "The request was not understood.": nothing a person reads may skip translation.
 */
export function issueText(issue: { message: string; minimum?: unknown; maximum?: unknown }): ErrorText {
  const { key, values } = splitMessage(issue.message);
  if (!isErrorKey(key)) return { key: "request.notUnderstood" };
  for (const bound of ["minimum", "maximum"] as const) {
    const value = bound in issue ? issue[bound] : undefined;
    if (typeof value === "number" || typeof value === "bigint") values[bound] = Number(value);
  }
  return Object.keys(values).length > 0 ? { key, values } : { key };
}
