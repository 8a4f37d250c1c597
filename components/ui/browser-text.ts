import enCommon from "@/lib/i18n/messages/en/common.json";
import esCommon from "@/lib/i18n/messages/es/common.json";

/**
 * The words the browser says itself, outside React (a fetch that never reached the server, an
 * answer it could not read), in the page's language: the root layout sets `<html lang>` to the
 * request's locale. Only these two messages, so the client bundle carries no more than them.
 */
export function browserText(key: "offline" | "internal"): string {
  const lang = typeof document === "undefined" ? "en" : document.documentElement.lang;
  return (lang === "es" ? esCommon : enCommon)[key];
}
