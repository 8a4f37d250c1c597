"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { rememberThisBrowser, setLocaleCookie } from "@/lib/accounts/language";
import { changePassword, renameUser, saveLocaleChoice, signOutEverywhere } from "@/lib/accounts/profile";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { renewThisSession } from "@/lib/auth";
import { clientAddress } from "@/lib/doors/client-address";
import type { DeleteAccountValues } from "@/lib/validation/account-deletion";
import type { Locale } from "@/lib/i18n/locales";
import type { ChangePasswordValues, LocaleChoiceValues, RenameValues } from "@/lib/validation/profile";
import { saveNotificationSettings, type NotificationSettingsView } from "@/lib/email/settings";
import type { NotificationSettingsValues } from "@/lib/validation/notification-preferences";

export async function renameAction(input: RenameValues): Promise<Outcome<{ name: string }>> {
  const result = await runAction(async (user) => {
    const renamed = await renameUser({ userId: user.id, body: input });
    await rememberThisBrowser(user.id);
    return renamed;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function changePasswordAction(input: ChangePasswordValues): Promise<Outcome<{ hadPassword: boolean }>> {
  const result = await runAction(async (user) => {
    const { hadPassword, sessionVersion } = await changePassword({ userId: user.id, body: input });
    // Every other session ended with the old password; this one carries on under the new version.
    await renewThisSession(sessionVersion);
    return { hadPassword };
  });
  if (result.ok) revalidatePath("/profile");
  return result;
}

/** Ends every session of the account, this one included; the page then signs out here too. */
export async function signOutEverywhereAction(): Promise<Outcome<null>> {
  return runAction((user) => signOutEverywhere({ userId: user.id }));
}

/** How each kind of notification reaches the caller, and their time zone (the digest comes at 9:00 there). */
export async function saveNotificationSettingsAction(input: NotificationSettingsValues): Promise<Outcome<NotificationSettingsView>> {
  const result = await runAction(async (user) => {
    const saved = await saveNotificationSettings({ userId: user.id, body: input });
    await rememberThisBrowser(user.id);
    return saved;
  });
  if (result.ok) revalidatePath("/profile");
  return result;
}

/**
 * The language the member reads Chapterhouse (and its emails) in, or null to follow the browser.
 * This browser's cookie follows, so the choice holds after signing out, and "the browser's
 * language" is not overruled by an older footer choice. What the browser asks for is
 * remembered too, for emails while the choice is null.
 */
export async function saveLocaleAction(input: LocaleChoiceValues): Promise<Outcome<{ locale: Locale | null }>> {
  const result = await runAction(async (user) => {
    const saved = await saveLocaleChoice({ userId: user.id, body: input });
    await rememberThisBrowser(user.id);
    await setLocaleCookie(saved.locale);
    return saved;
  });
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/**
 * Deletes the caller's account (lib/accounts/delete-account.ts): their replies stay, signed
 * "A former member", the rest goes, and every session ends; the form then signs out here too.
 */
export async function deleteAccountAction(input: DeleteAccountValues): Promise<Outcome<{ deletedClubs: number }>> {
  return runAction(async (user) => deleteAccount({ userId: user.id, address: clientAddress(await headers()), body: input }));
}
