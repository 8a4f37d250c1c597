import "server-only";
import { createUser, type UserSummary } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { rememberBrowserLocaleOf } from "@/lib/accounts/language";
import { hashPassword } from "@/lib/accounts/passwords";
import { ensureStrongPassword } from "@/lib/accounts/password-strength";
import { signUpInput } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";
import { errorText } from "@/lib/i18n/error-text";

/**
 * Creates an account from `{ email, name, password }` (lib/validation/auth.ts signUpInput).
 * Not a door: there is nobody signed in yet, so nothing to resolve. Its errors reach the wire
 * through app/api/sign-up's publicRoute, as the same WireError every door sends: a 400 naming
 * each wrong field, or a 409 when the email already has an account. `acceptLanguage` (the
 * request's header) is remembered as the account's browser language, for its first emails.
 */
export async function signUp(body: unknown, context: { acceptLanguage?: string | null } = {}): Promise<UserSummary> {
  const input = parseInput(signUpInput, body);
  ensureStrongPassword(input.password, "password", [input.email, input.email.split(/[@+]/)[0] ?? "", input.name]);
  const user = await createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
  if (!user) {
    throw new AppError("conflict", errorText("auth.emailTaken"), {
      email: errorText("auth.emailTakenField"),
    });
  }
  await rememberBrowserLocaleOf({ userId: user.id, acceptLanguage: context.acceptLanguage });
  return user;
}
