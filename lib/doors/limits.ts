import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { sharedRateLimitStore } from "@/db/queries/rate-limits";
import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorText, type ErrorKey, type ErrorText } from "@/lib/i18n/error-text";

// Every rate limit of the app, by name: how many points a key may spend per window, and what a
// person is told when they are over (docs/decisions/0011-rate-limits.md; README "Rate limits").
// Counters live in Postgres (rate_limits, shared by every app node) or, on PGlite and for
// per-connection limits, in this process's memory.

type Rule = {
  /** The allowance per window, read from the environment at each use. */
  points: (env: Env) => number;
  windowSeconds: number;
  /** Per-connection counts die with the connection's node: memory is the right store for them. */
  store: "shared" | "memory";
  /** What a person is told: a message with a `{wait}` that reads "40 seconds" or "3 minutes". */
  message: ErrorKey;
};

const rules = {
  "reply:post": {
    points: (env) => env.LIMIT_REPLIES_PER_MINUTE,
    windowSeconds: 60,
    store: "shared",
    message: "limits.replyPost",
  },
  "reply:edit": {
    points: (env) => env.LIMIT_EDITS_PER_MINUTE,
    windowSeconds: 60,
    store: "shared",
    message: "limits.replyEdit",
  },
  // Not an environment setting: generous enough for a lively meeting, low enough that one page
  // cannot flood a room with reaction events.
  "reaction:set": {
    points: () => 120,
    windowSeconds: 60,
    store: "shared",
    message: "limits.reaction",
  },
  "invite:create": {
    points: (env) => env.LIMIT_INVITES_PER_HOUR,
    windowSeconds: 60 * 60,
    store: "shared",
    message: "limits.invite",
  },
  // An export reads the whole club (or all of a member's replies): a few an hour is plenty for
  // a person, and keeps one account from keeping the database busy (docs/decisions/0029-export.md).
  "export:club": {
    points: () => 6,
    windowSeconds: 60 * 60,
    store: "shared",
    message: "export.tooOften",
  },
  "export:own": {
    points: () => 6,
    windowSeconds: 60 * 60,
    store: "shared",
    message: "export.tooOften",
  },
  "sign-up": {
    points: (env) => env.LIMIT_SIGN_UPS_PER_HOUR,
    windowSeconds: 60 * 60,
    store: "shared",
    message: "limits.signUp",
  },
  "sign-in:address": {
    points: (env) => env.LIMIT_SIGN_IN_FAILURES_PER_ADDRESS,
    windowSeconds: 60 * 60,
    store: "shared",
    message: "limits.signInAddress",
  },
  "sign-in:account-address": {
    points: (env) => env.LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS,
    windowSeconds: 15 * 60,
    store: "shared",
    message: "limits.signInAccountAddress",
  },
  "sign-in:account": {
    points: (env) => env.LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT,
    windowSeconds: 60 * 60,
    store: "shared",
    message: "limits.signInAccount",
  },
  "socket:event": {
    points: (env) => env.LIMIT_SOCKET_EVENTS_PER_10_SECONDS,
    windowSeconds: 10,
    store: "memory",
    message: "limits.socketEvents",
  },
} satisfies Record<string, Rule>;

export type LimitName = keyof typeof rules;

const globalKey = Symbol.for("chapterhouse.rate-limiters");
type GlobalWithLimiters = typeof globalThis & { [globalKey]?: Map<string, RateLimiterAbstract> };

/**
 * The limiter for a rule as the environment sets it now (a new one when its allowance changes).
 * Kept on globalThis: server.ts and Next's bundles share one set, so memory counts are not split.
 */
export function limiterFor(name: string, points: number, windowSeconds: number, store: "shared" | "memory"): RateLimiterAbstract {
  const holder = globalThis as GlobalWithLimiters;
  const limiters = (holder[globalKey] ??= new Map());
  const id = `${name}|${points}|${windowSeconds}|${store}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    const shared = store === "shared" ? sharedRateLimitStore() : null;
    const options = { keyPrefix: name, points, duration: windowSeconds };
    limiter = shared ? new RateLimiterDrizzle({ ...options, ...shared }) : new RateLimiterMemory(options);
    limiters.set(id, limiter);
  }
  return limiter;
}

function limiterOf(name: LimitName): RateLimiterAbstract {
  const rule: Rule = rules[name];
  return limiterFor(name, rule.points(getEnv()), rule.windowSeconds, rule.store);
}

/**
 * A counter's key: the parts (user id, email, address) hashed, so the table holds no email or
 * address, and a part can't forge another key by holding the separator.
 */
export function limitKey(...parts: string[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 32);
}

/** Whole seconds until `ms` has passed, at least 1: the value of a Retry-After header. */
function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** "1 second", "40 seconds", "3 minutes", "2 hours": a wait as a person says it, in their language. */
function describeWait(seconds: number): ErrorText {
  if (seconds < 90) return errorText("limits.wait.seconds", { count: seconds });
  if (seconds < 90 * 60) return errorText("limits.wait.minutes", { count: Math.ceil(seconds / 60) });
  return errorText("limits.wait.hours", { count: Math.ceil(seconds / 3600) });
}

/** The error a refused request carries: 429, its sentence, and Retry-After in seconds. */
function rateLimitedError(name: LimitName, msBeforeNext: number): AppError {
  const retryAfter = secondsOf(msBeforeNext);
  return new AppError("rate_limited", errorText(rules[name].message, { wait: describeWait(retryAfter) }), undefined, { retryAfter });
}

/**
 * Spends `points` of `name`'s allowance for `key` (see limitKey). Resolves with what is left;
 * throws the rate_limited AppError (429, Retry-After) when the key is over its allowance.
 * A failure of the store itself (the database is down) is thrown as it is: a 500, not a 429.
 */
export async function consumeLimit(name: LimitName, key: string, points = 1): Promise<RateLimiterRes> {
  try {
    return await limiterOf(name).consume(key, points);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw rateLimitedError(name, error.msBeforeNext);
    throw error;
  }
}

/** Gives back points spent on `key` (a sign-in that succeeded is no failure after all). */
export async function refundLimit(name: LimitName, key: string, points = 1): Promise<void> {
  await limiterOf(name).reward(key, points);
}

/** Forgets `key`'s count in `name`: its next window starts afresh. */
export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiterOf(name).delete(key);
}

/** Refuses `key` for `seconds` in `name`, whatever its count (the sign-in backoff). */
export async function blockLimit(name: LimitName, key: string, seconds: number): Promise<void> {
  await limiterOf(name).block(key, seconds);
}
