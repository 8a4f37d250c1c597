import { z } from "zod";
import { errorKey } from "@/lib/i18n/error-text";

const memberId = z.uuid(errorKey("club.chooseMember"));
const notUnderstood = errorKey("request.reload");

/** Promote or demote; ownership changes hands only by a transfer, never by setting a role. */
export const setMemberRoleInput = z.object(
  {
    memberId,
    role: z.enum(["moderator", "member"], { error: errorKey("club.roleChoice") }),
  },
  { error: notUnderstood },
);

/** Names the member a transfer or a removal is about. */
export const memberTargetInput = z.object({ memberId }, { error: notUnderstood });

/** What the roster's controls send, before parsing (`z.input`). */
export type SetMemberRoleValues = z.input<typeof setMemberRoleInput>;
export type MemberTargetValues = z.input<typeof memberTargetInput>;
