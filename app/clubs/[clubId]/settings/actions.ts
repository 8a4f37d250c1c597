"use server";

import { revalidatePath } from "next/cache";
import { changeClubLanguage, updateClubDetails } from "@/lib/clubs/clubs";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import type { Locale } from "@/lib/i18n/locales";
import type { ClubDetailsValues } from "@/lib/validation/clubs";

/**
 * The owner renames the club and rewrites its description. Every page of the club shows the
 * name (the layout's frame, each page's heading) and the home page lists it, so all of them are
 * revalidated.
 */
export async function updateClubDetailsAction(clubId: string, input: Record<keyof ClubDetailsValues, string>): Promise<Outcome<{ name: string; description: string }>> {
  const result = await runAction((user) => updateClubDetails({ clubId, userId: user.id, body: input }));
  if (!result.ok) return result;
  revalidatePath(`/clubs/${clubId}`, "layout");
  revalidatePath("/");
  return result;
}

/** The owner sets the club's language (its replies are reindexed for search in the same transaction). */
export async function changeClubLanguageAction(clubId: string, input: { language: string }): Promise<Outcome<{ language: Locale }>> {
  const result = await runAction((user) => changeClubLanguage({ clubId, userId: user.id, body: input }));
  if (!result.ok) return result;
  revalidatePath(`/clubs/${clubId}`, "layout");
  return { ok: true, data: { language: result.data.language } };
}
