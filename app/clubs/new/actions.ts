"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { createClub } from "@/lib/clubs/clubs";
import { requestLocale } from "@/lib/i18n/request";

export async function createClubAction(input: Record<"name" | "description", string> & { language?: string }): Promise<Outcome<{ clubId: string }>> {
  // The club speaks its creator's language unless the form chose another.
  const language = input.language || (await requestLocale());
  const result = await runAction((user) => createClub({ userId: user.id, body: { ...input, language } }));
  if (!result.ok) return result;
  revalidatePath("/");
  redirect(`/clubs/${result.data.clubId}`);
}
