"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { changePassword, renameUser } from "@/lib/accounts/profile";

export async function renameAction(input: { name: string }): Promise<Outcome<{ name: string }>> {
  const result = await runAction((user) => renameUser({ userId: user.id, body: input }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function changePasswordAction(input: {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}): Promise<Outcome<{ hadPassword: boolean }>> {
  const result = await runAction((user) => changePassword({ userId: user.id, body: input }));
  if (result.ok) revalidatePath("/profile");
  return result;
}
