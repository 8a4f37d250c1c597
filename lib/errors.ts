import type { Messages } from "@/lib/i18n/messages";
import { errorText, type ErrorText } from "@/lib/i18n/error-text";
import { errorWords } from "@/lib/i18n/error-words";
import { defaultLocale } from "@/lib/i18n/locales";

/** The few ways a request can fail that a person should be told about, each with its HTTP status. */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  /** Well-formed but contradicting what the server already has (an idempotency key reused with another body). */
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
} as const;

export type AppErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /**
   * What a person is told, as a message key with its values: the door that answers translates it
   * into the reader's locale. Never words: an English sentence here would reach every reader.
   */
  readonly text: ErrorText;
  /** Per-field messages for forms, keyed by input name. */
  readonly fields?: Record<string, ErrorText>;
  /** For rate_limited: whole seconds until a retry can succeed (the Retry-After header). */
  readonly retryAfter?: number;

  constructor(code: AppErrorCode, text: ErrorText, fields?: Record<string, ErrorText>, extra?: { retryAfter?: number }) {
    // The Error's own message is the English words, for logs, stack traces and tests; what a
    // person reads is translated from `text` by the door that answers.
    super(errorWords(text, defaultLocale));
    this.text = text;
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
    this.retryAfter = extra?.retryAfter;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** The things a person can be told are not there: a key under `notFound` in the errors messages. */
export type MissingThing = keyof Messages["errors"]["notFound"];

// "Forbidden" and "not found" must look the same to a stranger: both say the thing is not there.
export const notFound = (what: MissingThing = "page") => new AppError("not_found", errorText(`notFound.${what}`));
