"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/doors/action";
import { createCalendarFeed, revokeCalendarFeed, type CalendarFeedView } from "@/lib/meetings/feeds";

export async function createCalendarFeedAction(): Promise<ActionResult<CalendarFeedView>> {
  const result = await runAction((user) => createCalendarFeed({ userId: user.id }));
  if (result.ok) revalidatePath("/calendar");
  return result;
}

export async function revokeCalendarFeedAction(): Promise<ActionResult<{ revoked: number }>> {
  const result = await runAction((user) => revokeCalendarFeed({ userId: user.id }));
  if (result.ok) revalidatePath("/calendar");
  return result;
}
