import "server-only";
import { cookies, headers } from "next/headers";
import { rememberBrowserLocale } from "@/db/queries/users";
import { localeCookie, localeCookieMaxAgeSeconds, negotiateLocale, type Locale } from "@/lib/i18n/locales";

/**
 * Remembers which of our languages a member's browser asks for (its Accept-Language), so what
 * is sent when no browser asks (emails, reminders: lib/i18n/locales.ts recipientLocale) can use
 * it. A request without the header (a script, a test client) says nothing and changes nothing.
 */
export async function rememberBrowserLocaleOf(input: { userId: string; acceptLanguage: string | null | undefined }): Promise<void> {
  if (!input.acceptLanguage) return;
  await rememberBrowserLocale({ userId: input.userId, browserLocale: negotiateLocale(input.acceptLanguage) });
}

/** A request's Accept-Language, from a Headers object or next-auth's plain header record. */
export function acceptLanguageOf(headers: Headers | Record<string, unknown>): string | null {
  const value = headers instanceof Headers ? headers.get("accept-language") : headers["accept-language"];
  return typeof value === "string" ? value : null;
}

/** The same, for the request being answered (a server action or a page). */
export async function rememberThisBrowser(userId: string): Promise<void> {
  await rememberBrowserLocaleOf({ userId, acceptLanguage: (await headers()).get("accept-language") });
}

/**
 * Sets this browser's language cookie (the footer switch's), or clears it (null: follow the
 * browser again). Lax: it only picks a language, and a link from an email must carry it.
 */
export async function setLocaleCookie(locale: Locale | null): Promise<void> {
  const jar = await cookies();
  if (locale === null) {
    jar.delete(localeCookie);
    return;
  }
  jar.set(localeCookie, locale, { maxAge: localeCookieMaxAgeSeconds, sameSite: "lax", path: "/", httpOnly: true });
}
