import { z } from "zod";
import { displayNameProblem, normalizeDisplayName } from "@/lib/validation/display-name";
import { text } from "@/lib/validation/text";

const email = text({ label: "The email address", error: "Enter your email address." })
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.com.").max(254, "That email address is too long."));

export const password = z
  .string({ error: "Choose a password." })
  .min(8, "Use at least 8 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

/**
 * The name other members see: one line of text, NFC-normalized, with something visible in it
 * once invisible characters are set aside, and no bidirectional controls (which would make
 * "\u202Eyhtak" read as "kathy"). Rules in lib/validation/display-name.ts.
 */
export const displayName = text({ label: "Your name", error: "Enter the name other members will see." })
  .min(1, "Enter the name other members will see.")
  .max(80, "Keep your name under 80 characters.")
  .transform(normalizeDisplayName)
  .superRefine((name, context) => {
    const problem = displayNameProblem(name);
    if (problem === "invisible") context.addIssue({ code: "custom", message: "Your name needs at least one visible letter, number or symbol." });
    if (problem === "bidi") context.addIssue({ code: "custom", message: "Your name can't contain characters that reverse or reorder the text around them." });
  });

export const signUpInput = z.object({ email, name: displayName, password });

export const signInInput = z.object({
  email: text({ label: "The email address" }).toLowerCase().max(254),
  password: z.string().max(200),
});

/** What the sign-up form sends, before parsing (`z.input`). */
export type SignUpValues = z.input<typeof signUpInput>;
