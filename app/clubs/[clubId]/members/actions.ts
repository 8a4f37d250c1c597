"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import type { MemberTargetValues, SetMemberRoleValues } from "@/lib/validation/members";
import { changeMemberRole, leaveClub, removeMember, transferOwnership } from "@/lib/clubs/members";

// The club id is bound by the page, but a caller can send anything: the doors parse it.
const rosterPath = (clubId: string) => `/clubs/${clubId}/members`;

export async function setMemberRoleAction(clubId: string, input: SetMemberRoleValues): Promise<Outcome<null>> {
  const result = await runAction(async (user) => {
    await changeMemberRole({ clubId, userId: user.id, body: input });
    return null;
  });
  if (result.ok) revalidatePath(rosterPath(clubId));
  return result;
}

export async function transferOwnershipAction(clubId: string, input: MemberTargetValues): Promise<Outcome<null>> {
  const result = await runAction(async (user) => {
    await transferOwnership({ clubId, userId: user.id, body: input });
    return null;
  });
  if (result.ok) revalidatePath(`/clubs/${clubId}`, "layout");
  return result;
}

export async function removeMemberAction(clubId: string, input: MemberTargetValues): Promise<Outcome<null>> {
  const result = await runAction(async (user) => {
    await removeMember({ clubId, userId: user.id, body: input });
    return null;
  });
  if (result.ok) revalidatePath(rosterPath(clubId));
  return result;
}

export async function leaveClubAction(clubId: string): Promise<Outcome<null>> {
  const result = await runAction(async (user) => {
    await leaveClub({ clubId, userId: user.id });
    return null;
  });
  if (!result.ok) return result;
  revalidatePath("/");
  redirect("/");
}
