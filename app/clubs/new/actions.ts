"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import type { CreateClubValues } from "@/lib/validation/clubs";
import { createClub } from "@/lib/clubs/clubs";

export async function createClubAction(input: CreateClubValues): Promise<Outcome<{ clubId: string }>> {
  const result = await runAction((user) => createClub({ userId: user.id, body: input }));
  if (!result.ok) return result;
  revalidatePath("/");
  redirect(`/clubs/${result.data.clubId}`);
}
