import { z } from "zod";
import { text } from "@/lib/validation/text";

const email = text({ label: "The email address", error: "Enter your email address." })
  .toLowerCase()
  .pipe(z.email("Enter a valid email address, like name@example.com.").max(254, "That email address is too long."));

export const password = z
  .string({ error: "Choose a password." })
  .min(8, "Use at least 8 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

export const displayName = text({ label: "Your name", error: "Enter the name other members will see." })
  .min(1, "Enter the name other members will see.")
  .max(80, "Keep your name under 80 characters.");

export const signUpInput = z.object({ email, name: displayName, password });

export const signInInput = z.object({
  email: text({ label: "The email address" }).toLowerCase().max(254),
  password: z.string().max(200),
});

/** What the sign-up form sends, before parsing (`z.input`). */
export type SignUpValues = z.input<typeof signUpInput>;
