"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { liftRoomVeil } from "@/lib/books/reading";

/** "I've read it / show anyway": remembered for this member and room; the page then loads the discussion. */
export async function liftRoomVeilAction(clubId: string, roomId: string): Promise<Outcome<null>> {
  const result = await runAction((user) => liftRoomVeil({ roomId, userId: user.id }));
  if (!result.ok) return result;
  revalidatePath(`/clubs/${clubId}`, "layout");
  return { ok: true, data: null };
}
