import "server-only";
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

  const pair = await consumeLimit("sign-in:account-address", pairKey);
  await consumeLimit("sign-in:address", addressKey);
  if (!isFamiliar) await consumeLimit("sign-in:account", accountKey);

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
