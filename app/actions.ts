"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setLocaleCookie } from "@/lib/accounts/language";
import { saveLocaleChoice } from "@/lib/accounts/profile";
import { getCurrentUser } from "@/lib/auth";
import { runAction } from "@/lib/doors/action";
import { locales } from "@/lib/i18n/locales";

// The root layout's own actions: the footer is on every page.

const chosenLanguage = z.object({ locale: z.enum(locales) });

/**
 * The footer's language switch, posted as a plain form so it works without JavaScript: sets
 * this browser's language cookie and, for a signed-in member, saves the choice in their profile
 * too (which beats the cookie: lib/i18n/request.ts). Anything but one of our locales changes
 * nothing. The page is drawn again in the new language.
 */
export async function chooseLanguageAction(form: FormData): Promise<void> {
  const parsed = chosenLanguage.safeParse({ locale: form.get("locale") });
  if (!parsed.success) return;
  const { locale } = parsed.data;
  await setLocaleCookie(locale);
  // A visitor's choice is the cookie alone; a member's is their profile's, through its door.
  if (await getCurrentUser()) await runAction((user) => saveLocaleChoice({ userId: user.id, body: { locale } }));
  revalidatePath("/", "layout");
}
