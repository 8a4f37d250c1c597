import { getUserPasswordHash, getUserProfile, replaceUserPasswordHash, updateUserName } from "@/db/queries/users";
import { AppError, notFound } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/accounts/passwords";
import { parseInput } from "@/lib/validation/parse";
import { changePasswordInput, renameInput } from "@/lib/validation/profile";

export async function loadProfile(input: { userId: string }) {
  const profile = await getUserProfile({ userId: input.userId });
  if (!profile) throw notFound("Your account");
  return profile;
}

export async function renameUser(input: { userId: string; body: unknown }): Promise<{ name: string }> {
  const { name } = parseInput(renameInput, input.body);
  const updated = await updateUserName({ userId: input.userId, name });
  if (!updated) throw notFound("Your account");
  return { name: updated.name };
}

const wrongPassword = () =>
  new AppError("bad_request", "Your current password isn't right, so the password was not changed.", {
    currentPassword: "This isn't your current password.",
  });

/**
 * Changes (or, for an account made through OAuth, sets) the password. When the account has a
 * password, the current one must be typed and verified first.
 */
export async function changePassword(input: { userId: string; body: unknown }): Promise<{ hadPassword: boolean }> {
  const data = parseInput(changePasswordInput, input.body);
  const stored = await getUserPasswordHash({ userId: input.userId });
  if (!stored) throw notFound("Your account");
  if (stored.passwordHash !== null) {
    if (!data.currentPassword) {
      throw new AppError("bad_request", "Enter your current password to choose a new one.", {
        currentPassword: "Enter your current password.",
      });
    }
    if (!(await verifyPassword(data.currentPassword, stored.passwordHash))) throw wrongPassword();
  }
  const replaced = await replaceUserPasswordHash({
    userId: input.userId,
    expectedHash: stored.passwordHash,
    passwordHash: await hashPassword(data.newPassword),
  });
  if (!replaced) throw new AppError("conflict", "Your password was changed somewhere else just now. Reload the page and try again.");
  return { hadPassword: stored.passwordHash !== null };
}
