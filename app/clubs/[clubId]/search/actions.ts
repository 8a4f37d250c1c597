"use server";

import { revalidatePath } from "next/cache";
import { changeClubLanguage } from "@/lib/clubs/clubs";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";

/** The owner sets the club's language (its replies are reindexed for search in the same transaction). */
export async function changeClubLanguageAction(clubId: string, input: { language: string }): Promise<Outcome<{ language: "en" | "es" }>> {
  const result = await runAction((user) => changeClubLanguage({ clubId, userId: user.id, body: input }));
  if (!result.ok) return result;
  revalidatePath(`/clubs/${clubId}/search`);
  return { ok: true, data: { language: result.data.language } };
}
