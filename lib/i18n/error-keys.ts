import enErrors from "./messages/en/errors.json";
import type { ErrorKey, ErrorText, ErrorValues } from "./error-text";

function flatten(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === "string" ? [prefix + name] : flatten(value as object, `${prefix}${name}.`),
  );
}

const errorKeys: ReadonlySet<string> = new Set(flatten(enErrors));

/** Whether a string is a key of the "errors" messages (how a zod message names one). */
export function isErrorKey(text: string): text is ErrorKey {
  return errorKeys.has(text);
}

/**
 * A zod issue's message as an ErrorText when it is an error key, with the issue's bounds as
 * values (`minimum`, `maximum`: what `.min(n, key)` and `.max(n, key)` carry); otherwise the
 * words as they are.
 */
export function issueText(issue: { message: string; minimum?: unknown; maximum?: unknown }): string | ErrorText {
  if (!isErrorKey(issue.message)) return issue.message;
  const values: ErrorValues = {};
  for (const bound of ["minimum", "maximum"] as const) {
    const value = bound in issue ? issue[bound] : undefined;
    if (typeof value === "number" || typeof value === "bigint") values[bound] = Number(value);
  }
  return Object.keys(values).length > 0 ? { key: issue.message, values } : { key: issue.message };
}
