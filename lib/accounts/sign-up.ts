import { createUser } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/accounts/passwords";
import { signUpInput } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/parse";

export async function signUp(body: unknown) {
  const input = parseInput(signUpInput, body);
  const user = await createUser({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password) });
  if (!user) {
    throw new AppError("conflict", "An account with this email already exists. Sign in instead.", {
      email: "An account with this email already exists.",
    });
  }
  return user;
}
