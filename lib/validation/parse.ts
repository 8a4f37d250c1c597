import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { errorText, type ErrorText } from "@/lib/i18n/error-text";
import { issueText } from "@/lib/i18n/error-keys";

/**
 * Parses untrusted input with a schema, or throws a 400 whose message names what is wrong. A
 * schema's messages are error keys (lib/i18n/error-text.ts errorKey), translated by the door.
 */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, ErrorText> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "input";
    fields[key] ??= issueText(issue);
  }
  const first = result.error.issues[0];
  throw new AppError("bad_request", first ? issueText(first) : errorText("request.notUnderstood"), fields);
}
