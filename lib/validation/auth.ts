import { z } from "zod";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.com.").max(254, "That email address is too long."));

export const password = z
  .string({ error: "Choose a password." })
  .min(8, "Use at least 8 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

export const displayName = z
  .string({ error: "Enter the name other members will see." })
  .trim()
  .min(1, "Enter the name other members will see.")
  .max(80, "Keep your name under 80 characters.");

export const signUpInput = z.object({ email, name: displayName, password });

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});

/** What the sign-up form sends, before parsing (`z.input`). */
export type SignUpValues = z.input<typeof signUpInput>;
