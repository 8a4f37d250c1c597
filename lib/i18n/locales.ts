import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

/**
 * The languages Chapterhouse speaks, as BCP 47 tags, and how one is picked for a request.
 * The order is the order of preference when nothing else decides. Decision note:
 * docs/decisions/0023-languages.md.
 */
export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Each language named in itself, for the switches (a Spanish reader looks for "Español"). */
export const localeNames: Record<Locale, string> = { en: "English", es: "Español" };

/** The cookie the footer's language switch sets for a visitor who is not signed in (one year). */
export const localeCookie = "chapterhouse-locale";
export const localeCookieMaxAgeSeconds = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4: q-values ordered by
 * `negotiator`, then matched by `@formatjs/intl-localematcher`'s best-fit lookup, so "es-MX" is
 * Spanish and "pt" falls back to English). Null or empty header: the default locale.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const asked = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  if (asked.length === 0 || (asked.length === 1 && asked[0] === "*")) return defaultLocale;
  try {
    const found = match(asked.filter((tag) => tag !== "*"), locales, defaultLocale);
    return isLocale(found) ? found : defaultLocale;
  } catch {
    // A malformed tag (RangeError from Intl): the header says nothing usable.
    return defaultLocale;
  }
}

/**
 * The locale a person sees, in order: the language they chose in their profile, else the
 * footer switch's cookie, else what their browser asks for.
 */
export function pickLocale(input: { chosen?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.chosen)) return input.chosen;
  if (isLocale(input.cookie)) return input.cookie;
  return negotiateLocale(input.acceptLanguage);
}

/**
 * The locale for something sent when nobody is asking (an email, a digest, a reminder, a
 * calendar file): the member's choice, else what their browser last asked for, else English.
 */
export function recipientLocale(input: { locale: string | null; browserLocale: string | null }): Locale {
  if (isLocale(input.locale)) return input.locale;
  if (isLocale(input.browserLocale)) return input.browserLocale;
  return defaultLocale;
}
