"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { createCalendarFeed, revokeCalendarFeed, type CalendarFeedView } from "@/lib/meetings/feeds";

export async function createCalendarFeedAction(): Promise<Outcome<CalendarFeedView>> {
  const result = await runAction((user) => createCalendarFeed({ userId: user.id }));
  if (result.ok) revalidatePath("/calendar");
  return result;
}

export async function revokeCalendarFeedAction(): Promise<Outcome<{ revoked: number }>> {
  const result = await runAction((user) => revokeCalendarFeed({ userId: user.id }));
  if (result.ok) revalidatePath("/calendar");
  return result;
}
