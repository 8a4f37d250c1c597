import type { SearchConfig } from "@/db/queries/search";
import { isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The text-search configuration of a club's language (migration 0015: both unaccented, English
 * or Spanish stemming). A language the app doesn't know reads as English, the column's default.
 */
export function searchConfigOf(language: string): SearchConfig {
  const locale: Locale = isLocale(language) ? language : "en";
  return locale === "es" ? "chapterhouse_es" : "chapterhouse_en";
}
