"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { AppError } from "@/lib/errors";
import { inviteProblemMessages, joinClubWithInvite } from "@/lib/clubs/invites";

export async function joinClubAction(token: string): Promise<Outcome<{ clubId: string }>> {
  const result = await runAction(async (user) => {
    const joined = await joinClubWithInvite({ token, userId: user.id });
    if (joined.status === "joined" || joined.status === "already_member") return { clubId: joined.clubId };
    const message = inviteProblemMessages[joined.status];
    throw new AppError(joined.status === "unknown" ? "not_found" : "conflict", `${message.title}. ${message.body}`);
  });
  if (!result.ok) return result;
  revalidatePath("/");
  redirect(`/clubs/${result.data.clubId}`);
}
