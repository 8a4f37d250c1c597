/** The few ways a request can fail that a person should be told about, each with its HTTP status. */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
} as const;

export type AppErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Per-field messages for forms, keyed by input name. */
  readonly fields?: Record<string, string>;

  constructor(code: AppErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

// "Forbidden" and "not found" must look the same to a stranger: both say the thing is not there.
export const notFound = (what = "This page") => new AppError("not_found", `${what} could not be found.`);

export type ErrorBody = { error: { code: AppErrorCode | "internal"; message: string; fields?: Record<string, string> } };

/** Turns any thrown value into a status and a body safe to show; unknown errors are logged, not leaked. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, fields: error.fields } } };
  }
  console.error(error);
  return {
    status: 500,
    body: { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
  };
}
