import "server-only";
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth";
import { localeCookie, pickLocale, type Locale } from "./locales";
import { messagesByLocale } from "./messages";

/**
 * This request's locale: the signed-in member's profile choice, else the footer switch's cookie,
 * else the browser's Accept-Language (lib/i18n/locales.ts). Works in pages, layouts, server
 * actions and route handlers (anything that may read next/headers), once per request.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser();
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return pickLocale({
    chosen: user?.locale ?? null,
    cookie: cookieStore.get(localeCookie)?.value ?? null,
    acceptLanguage: headerList.get("accept-language"),
  });
});

/**
 * next-intl's request configuration (named in next.config.js): the locale above and its
 * messages. Chapterhouse has no locale in its URLs: one address serves every language, as a
 * private club's links are shared between members who read in different ones.
 */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: messagesByLocale[locale] };
});
