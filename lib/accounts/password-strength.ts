import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/error-text";

// Server-side only: the dictionaries are about 1 MB, too much to ship to every browser, and a
// rule a crafted request could skip is no rule. Why zxcvbn-ts with its common dictionary
// rather than a plain breached list: docs/decisions/0012-text-and-accounts.md.

/**
 * zxcvbn's score 0–4; below 2 means guessable in under 10^6 guesses: the common-password
 * list (with l33t, reversed and keyboard-pattern variants) and short dictionary words with digits.
 */
const MIN_SCORE = 2;

let estimator: ZxcvbnFactory | undefined;
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/**
 * Throws a 400 naming `field` when `password` is among the commonly breached or easily guessed
 * ones; `userInputs` (the person's email and name) count as guessable words too. The length rule
 * (8 to 200) is the schema's (lib/validation/auth.ts); this runs after it.
 */
export function ensureStrongPassword(password: string, field: string, userInputs: string[] = []): void {
  const result = strength().check(password, userInputs.filter(Boolean));
  if (result.score >= MIN_SCORE) return;
  const message = errorText("auth.passwordCommon");
  throw new AppError("bad_request", message, { [field]: message });
}
