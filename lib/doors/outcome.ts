import { AppError, type AppErrorCode } from "@/lib/errors";

/**
 * The one error shape every door sends, whatever carried the request: the body of an API error
 * (`{ error: WireError }`), a server action's result and a socket acknowledgement. `code` is for
 * programs (forms pick what to show by it, never by the wording); `message` is a sentence for
 * people; `fields` maps an input's name to what is wrong with it.
 */
export type WireError = {
  /** "offline" is never sent by the server: the browser uses it when the server could not be reached. */
  code: AppErrorCode | "internal" | "offline";
  message: string;
  fields?: Record<string, string>;
  /** With rate_limited: whole seconds to wait before trying again (also the Retry-After header). */
  retryAfter?: number;
};

/** What a server action or a socket event answers: its data, or the wire error. */
export type Outcome<Data> = { ok: true; data: Data } | { ok: false; error: WireError };

/** The failure a browser reports when its request never reached the server. */
export const offlineFailure = {
  ok: false,
  error: { code: "offline", message: "We couldn't reach Chapterhouse. Check your connection and try again." },
} as const satisfies Outcome<never>;

export const internalErrorMessage = "Something went wrong on our side. Please try again.";

/**
 * Turns anything thrown inside a door into its HTTP status and wire error. An AppError says what
 * a person should know; anything else is logged here and answered with a calm generic message,
 * never its own text (which may hold SQL, paths or stack details).
 */
export function toWireError(error: unknown): { status: number; error: WireError } {
  if (error instanceof AppError) {
    const wire: WireError = { code: error.code, message: error.message };
    if (error.fields) wire.fields = error.fields;
    if (error.retryAfter !== undefined) wire.retryAfter = error.retryAfter;
    return { status: error.status, error: wire };
  }
  console.error(error);
  return { status: 500, error: { code: "internal", message: internalErrorMessage } };
}

export function failure(error: unknown): { ok: false; error: WireError } {
  return { ok: false, error: toWireError(error).error };
}
