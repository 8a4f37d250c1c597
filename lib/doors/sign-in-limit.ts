import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "@/lib/errors";
import { toWireError } from "./wire-error";
import { defaultLocale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request";
import { blockLimit, consumeLimit, limiterFor, limitKey, refundLimit, resetLimit } from "./limits";

// The limits on signing in with a password (docs/decisions/0011-rate-limits.md). Three counts of
// failures, each checked (and spent) before the password is, so parallel guesses can't all slip
// in before the first failure is written:
// - per address: a network failing on any accounts (30 an hour);
// - per (account, address): 5 failures, then a pause of 1 minute that doubles at each new run
//   of failures, up to an hour; the pair is the attacker's own, so it never pauses Kathy on hers;
// - per account, from addresses it has never signed in from (100 an hour): the ceiling for an
//   attacker rotating addresses. Addresses the account signed in from before are exempt, so a
//   flood of failures on Kathy's account can't keep her out of it from home.
// A successful sign-in gives its points back. No count is ever permanent.

const firstPauseSeconds = 60;
const longestPauseSeconds = 60 * 60;
const dayInSeconds = 24 * 60 * 60;

/** How many runs of failures a pair has had today: the exponent of its next pause. */
const runs = () => limiterFor("sign-in:runs", 1_000_000, dayInSeconds, "shared");
// 21 days, not a month: the memory store expires keys with setTimeout, whose delay overflows
// (and fires at once) past 2^31 ms, about 24.8 days.
const familiarSeconds = 21 * dayInSeconds;
/** Addresses an account signed in from in the last 21 days. */
const familiar = () => limiterFor("sign-in:familiar", 1_000_000, familiarSeconds, "shared");

/**
 * Runs `verify` (the password check) under the sign-in limits for `email` from `address`.
 * Resolves with what verify returned (null: wrong email or password). Throws the
 * rate_limited AppError, before verify runs, when any count is over.
 */
export async function limitSignIn<User>(input: { email: string; address: string }, verify: () => Promise<User | null>): Promise<User | null> {
  const email = input.email.trim().toLowerCase();
  const addressKey = limitKey(input.address);
  const pairKey = limitKey(email, input.address);
  const accountKey = limitKey(email);
  const isFamiliar = ((await familiar().get(pairKey))?.consumedPoints ?? 0) > 0;

  const pair = await noted(consumeLimit("sign-in:account-address", pairKey));
  await noted(consumeLimit("sign-in:address", addressKey));
  if (!isFamiliar) await noted(consumeLimit("sign-in:account", accountKey));

  const user = await verify();
  if (user) {
    await Promise.all([
      resetLimit("sign-in:account-address", pairKey),
      refundLimit("sign-in:address", addressKey),
      isFamiliar ? Promise.resolve() : refundLimit("sign-in:account", accountKey),
      familiar().set(pairKey, 1, familiarSeconds),
    ]);
    return user;
  }
  if (pair.remainingPoints === 0) {
    // The last failure this window allows: pause the pair, longer each time today.
    const run = await runs().penalty(pairKey, 1);
    await blockLimit("sign-in:account-address", pairKey, Math.min(longestPauseSeconds, firstPauseSeconds * 2 ** (run.consumedPoints - 1)));
  }
  return null;
}

// next-auth answers every refusal in `authorize` with 401. A refusal by a limit is noted here, in
// the scope of the one request being answered (answerSignInRefusals), so the route can answer
// 429 with Retry-After instead, without reading anything of next-auth's but its response.
const refusals = new AsyncLocalStorage<{ refusal: AppError | null }>();

/** Passes `promise` on; when it rejects with the rate_limited AppError, notes it for this request first. */
async function noted<Value>(promise: Promise<Value>): Promise<Value> {
  try {
    return await promise;
  } catch (error) {
    const scope = refusals.getStore();
    if (scope && error instanceof AppError && error.code === "rate_limited") scope.refusal = error;
    throw error;
  }
}

/**
 * Wraps next-auth's route handler: a request that a sign-in limit refused answers 429 with
 * `Retry-After` (seconds) and `Cache-Control: private, no-store` instead of next-auth's 401. For
 * next-auth's own client (`json=true`, what `signIn("credentials", { redirect: false })` sends)
 * the body keeps next-auth's `url`, whose `error` is the limit's sentence, so the client reports
 * `{ ok: false, status: 429, error: sentence }`; the app's wire error rides along as `error`.
 * Any other caller gets the app's wire error alone. Every other answer passes through untouched.
 */
export function answerSignInRefusals<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    const scope: { refusal: AppError | null } = { refusal: null };
    const response = await refusals.run(scope, () => handler(request, context));
    if (!scope.refusal) return response;
    const { status, error } = toWireError(scope.refusal, await requestLocale().catch(() => defaultLocale));
    const headers = { "Cache-Control": "private, no-store", "Retry-After": String(error.retryAfter ?? 1) };
    if (response.headers.get("content-type")?.includes("application/json")) {
      const answer = (await response.json().catch(() => null)) as { url?: unknown } | null;
      if (typeof answer?.url === "string") return Response.json({ url: inReadersWords(answer.url, error.message), error }, { status, headers });
    }
    return Response.json({ error }, { status, headers });
  };
}

/**
 * next-auth's answer URL with its `error` parameter (what next-auth's client reports as
 * `result.error`, the sign-in form's alert) replaced by the refusal in the reader's language:
 * next-auth writes the thrown error's own message there, which is English.
 */
function inReadersWords(url: string, message: string): string {
  const parsed = URL.parse(url);
  if (!parsed) return url;
  parsed.searchParams.set("error", message);
  return parsed.toString();
}
