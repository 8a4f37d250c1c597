"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { changePassword, renameUser } from "@/lib/accounts/profile";
import type { ChangePasswordValues, RenameValues } from "@/lib/validation/profile";

export async function renameAction(input: RenameValues): Promise<Outcome<{ name: string }>> {
  const result = await runAction((user) => renameUser({ userId: user.id, body: input }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function changePasswordAction(input: ChangePasswordValues): Promise<Outcome<{ hadPassword: boolean }>> {
  const result = await runAction((user) => changePassword({ userId: user.id, body: input }));
  if (result.ok) revalidatePath("/profile");
  return result;
}
