import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses untrusted input with a schema, or throws a 400 whose message names what is wrong. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "input";
    fields[key] ??= issue.message;
  }
  const first = result.error.issues[0]?.message ?? "The request was not understood.";
  throw new AppError("bad_request", first, fields);
}
