"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import type { CreateInviteValues } from "@/lib/validation/invites";
import { createClubInvite, revokeClubInvite } from "@/lib/clubs/invites";

export async function createInviteAction(
  clubId: string,
  input: CreateInviteValues,
): Promise<Outcome<{ id: string; path: string }>> {
  const result = await runAction((user) => createClubInvite({ clubId, userId: user.id, body: input }));
  if (result.ok) revalidatePath(`/clubs/${clubId}/invites`);
  return result;
}

export async function revokeInviteAction(clubId: string, inviteId: string): Promise<Outcome<null>> {
  const result = await runAction(async (user) => {
    await revokeClubInvite({ clubId, inviteId, userId: user.id });
    return null;
  });
  if (result.ok) revalidatePath(`/clubs/${clubId}/invites`);
  return result;
}
