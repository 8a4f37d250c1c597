"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { markAllNotificationsRead, type MarkAllReadValues } from "@/lib/reminders/notifications";

export async function markAllReadAction(input: MarkAllReadValues): Promise<Outcome<{ marked: number }>> {
  const result = await runAction((user) => markAllNotificationsRead({ userId: user.id, body: input }));
  // The unread count sits in the header, on every page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
