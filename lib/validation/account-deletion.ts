import { z } from "zod";
import { errorKey } from "@/lib/i18n/error-text";
import { text } from "@/lib/validation/text";

/** At most this many sole-member clubs named for deletion in one request (more is not a person's). */
const MAX_CLUBS = 200;

/**
 * What "Delete your account" sends: the password (or, for an account with no password, its
 * email typed out), the ticked confirmation, and the clubs where the caller is the only member
 * that they agreed may go with the account. Which of password and email is needed is the
 * account's to say (lib/accounts/delete-account.ts), so both are optional here.
 */
export const deleteAccountInput = z.object({
  // Only ever compared with the stored hash, like the sign-in form's.
  password: z.string().max(200, errorKey("account.wrongPasswordField")).optional().default(""),
  email: text({ label: "email" }).max(320, errorKey("account.wrongEmailField")).optional().default(""),
  confirmed: z.literal(true, { error: errorKey("account.notConfirmed") }),
  deleteClubIds: z.array(z.uuid()).max(MAX_CLUBS, errorKey("account.tooManyClubs")).optional().default([]),
});

/** What the form sends, before parsing: the confirmation is a checkbox, which the schema requires ticked. */
export type DeleteAccountValues = { password?: string; email?: string; confirmed: boolean; deleteClubIds?: string[] };
