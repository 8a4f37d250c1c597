import { z } from "zod";
import { displayName, password } from "@/lib/validation/auth";
import { errorKey } from "@/lib/i18n/error-text";
import { locales } from "@/lib/i18n/locales";

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

/**
 * The member's language choice: one of our locales, or null to follow the browser. A plain enum:
 * errors.json has no key of its own for it, and nothing but our own switches sends it, so a
 * refusal keeps zod's generic message.
 */
export const localeChoiceInput = z.object({ locale: z.enum(locales).nullable() });
export type LocaleChoiceValues = z.input<typeof localeChoiceInput>;
