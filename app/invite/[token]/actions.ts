"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { joinClubWithInvite, joinedClubOrRefusal } from "@/lib/clubs/invites";

export async function joinClubAction(token: string): Promise<Outcome<{ clubId: string }>> {
  const result = await runAction(async (user) => joinedClubOrRefusal(await joinClubWithInvite({ token, userId: user.id })));
  if (!result.ok) return result;
  revalidatePath("/");
  redirect(`/clubs/${result.data.clubId}`);
}
