import { z } from "zod";

const memberId = z.uuid("Choose a member of this club.");
const notUnderstood = "The request was not understood. Reload the page and try again.";

/** Promote or demote; ownership changes hands only by a transfer, never by setting a role. */
export const setMemberRoleInput = z.object(
  {
    memberId,
    role: z.enum(["moderator", "member"], { error: "A member's role can be moderator or member." }),
  },
  { error: notUnderstood },
);

/** Names the member a transfer or a removal is about. */
export const memberTargetInput = z.object({ memberId }, { error: notUnderstood });

/** What the roster's controls send, before parsing (`z.input`). */
export type SetMemberRoleValues = z.input<typeof setMemberRoleInput>;
export type MemberTargetValues = z.input<typeof memberTargetInput>;
