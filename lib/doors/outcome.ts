import type { AppErrorCode } from "@/lib/errors";

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
