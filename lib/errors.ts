import type { ErrorText } from "@/lib/i18n/error-text";

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
  /** What a person is told, as a message key (translated by the door that answers) or English words. */
  readonly text: string | ErrorText;
  /** Per-field messages for forms, keyed by input name. */
  readonly fields?: Record<string, string | ErrorText>;
  /** For rate_limited: whole seconds until a retry can succeed (the Retry-After header). */
  readonly retryAfter?: number;

  constructor(code: AppErrorCode, text: string | ErrorText, fields?: Record<string, string | ErrorText>, extra?: { retryAfter?: number }) {
    // The Error's own message (logs, stack traces) is the key when there is one.
    super(typeof text === "string" ? text : text.key);
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

// "Forbidden" and "not found" must look the same to a stranger: both say the thing is not there.
export const notFound = (what = "This page") => new AppError("not_found", `${what} could not be found.`);
