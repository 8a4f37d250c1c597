import { z } from "zod";
import { uuidParam } from "@/lib/validation/ids";
import { errorKey } from "@/lib/i18n/error-text";

/** How long a new link stays open, in days; the form offers exactly these. */
export const inviteExpiryChoices = [1, 7, 30] as const;
export const defaultInviteExpiryDays = 7;
export const inviteMaxUsesLimit = 1000;

const maxUsesMessage = errorKey("invite.maxUses", { max: inviteMaxUsesLimit });

export const createInviteInput = z.object({
  expiresInDays: z.preprocess(
    (value) => (value === undefined || value === null || value === "" ? defaultInviteExpiryDays : value),
    z.coerce
      .number()
      .refine((days) => (inviteExpiryChoices as readonly number[]).includes(days), errorKey("invite.expiry")),
  ),
  maxUses: z.preprocess(
    (value) => (value === undefined || value === null || (typeof value === "string" && value.trim() === "") ? null : value),
    z.coerce.number({ error: maxUsesMessage }).int(maxUsesMessage).min(1, maxUsesMessage).max(inviteMaxUsesLimit, maxUsesMessage).nullable(),
  ),
});

/**
 * The token from an invite URL. Tokens are base64url, so anything else cannot name an invite
 * and is treated exactly like a token that does not exist.
 */
export const inviteToken = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

/** One invite of one club, as the revoke button names it. */
export const inviteParams = z.object({ clubId: uuidParam, inviteId: uuidParam });

/**
 * The token an invite link names. One that cannot be a token becomes null rather than an error:
 * the link's page says "not valid" for it, exactly as for a token that does not exist.
 */
export const inviteLinkParams = z.object({ token: inviteToken.nullable().catch(null) });

/** What the invite form sends, before parsing (`z.input`): both fields as the form holds them. */
export type CreateInviteValues = z.input<typeof createInviteInput>;
