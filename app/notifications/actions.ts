"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { countMyUnreadNotifications, markAllNotificationsRead, markNotificationsReadById, type MarkAllReadValues, type MarkReadValues } from "@/lib/notifications/doors";

export async function markAllReadAction(input: MarkAllReadValues): Promise<Outcome<{ marked: number }>> {
  const result = await runAction((user) => markAllNotificationsRead({ userId: user.id, body: input }));
  // The unread count sits in the header, on every page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/** The caller's unread count, for the header's badge when its live connection (re)connects. */
export async function countUnreadAction(): Promise<Outcome<number>> {
  return runAction((user) => countMyUnreadNotifications({ userId: user.id }));
}

/** Marks one line of the notifications page read (or the one being opened). */
export async function markReadAction(input: MarkReadValues): Promise<Outcome<{ marked: number }>> {
  const result = await runAction((user) => markNotificationsReadById({ userId: user.id, body: input }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
