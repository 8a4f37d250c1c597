import { z } from "zod";
import { displayNameProblem, normalizeDisplayName } from "@/lib/validation/display-name";
import { text } from "@/lib/validation/text";
import { errorKey } from "@/lib/i18n/error-text";

const email = text({ label: "email", error: "auth.emailMissing" })
  .toLowerCase()
  .pipe(z.email(errorKey("auth.emailInvalid")).max(254, errorKey("auth.emailTooLong")));

export const password = z
  .string({ error: errorKey("auth.passwordMissing") })
  .min(8, errorKey("auth.passwordTooShort"))
  .max(200, errorKey("auth.passwordTooLong"));

/**
 * The name other members see: one line of text, NFC-normalized, with something visible in it
 * once invisible characters are set aside, and no bidirectional controls (which would make
 * "\u202Eyhtak" read as "kathy"). Rules in lib/validation/display-name.ts.
 */
export const displayName = text({ label: "name", error: "profile.nameMissing" })
  .min(1, errorKey("profile.nameMissing"))
  .max(80, errorKey("profile.nameTooLong"))
  .transform(normalizeDisplayName)
  .superRefine((name, context) => {
    const problem = displayNameProblem(name);
    if (problem === "invisible") context.addIssue({ code: "custom", message: errorKey("profile.nameInvisible") });
    if (problem === "bidi") context.addIssue({ code: "custom", message: errorKey("profile.nameBidi") });
  });

export const signUpInput = z.object({ email, name: displayName, password });

export const signInInput = z.object({
  email: text({ label: "email" }).toLowerCase().max(254),
  password: z.string().max(200),
});

/** What the sign-up form sends, before parsing (`z.input`). */
export type SignUpValues = z.input<typeof signUpInput>;
