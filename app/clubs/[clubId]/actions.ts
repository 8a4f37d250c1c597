"use server";

import { revalidatePath } from "next/cache";
import { markClubRead } from "@/lib/discussion/unread";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";

export async function markClubReadAction(clubId: string): Promise<Outcome<{ rooms: number }>> {
  const result = await runAction((user) => markClubRead({ clubId, userId: user.id }));
  if (result.ok) revalidatePath(`/clubs/${clubId}`);
  return result;
}
