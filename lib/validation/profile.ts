import { z } from "zod";
import { displayName, password } from "@/lib/validation/auth";
import { errorKey } from "@/lib/i18n/error-text";

export const renameInput = z.object({ name: displayName });

export const changePasswordInput = z
  .object({
    // Optional here because accounts made through OAuth have no password yet; the service
    // requires it whenever the account has one.
    currentPassword: z
      .string()
      .max(200, errorKey("profile.currentPasswordWrong"))
      .nullish()
      .transform((value) => value ?? ""),
    newPassword: password,
    confirmPassword: z.string({ error: errorKey("profile.confirmMissing") }),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    message: errorKey("profile.passwordsDiffer"),
    path: ["confirmPassword"],
  });

/** What the profile forms send, before parsing (`z.input`). */
export type RenameValues = z.input<typeof renameInput>;
export type ChangePasswordValues = z.input<typeof changePasswordInput>;

/** One session to end: its id (from its token) and when its last token can expire. */
export const endSessionInput = z.object({ sessionId: z.uuid(), expiresAt: z.date() });
