import { errorText } from "@/lib/i18n/error-text";
import { errorWords } from "@/lib/i18n/error-words";
import { localeCookie, pickLocale } from "@/lib/i18n/locales";

// Malformed percent-encoding in a request's path (`/clubs/%E0%A4%A`, `/x/%ZZ`, a lone `%`):
// Next decodes dynamic route params with decodeURIComponent, which throws, and behind our
// custom server that DecodeError ended as a bare 500 on every dynamic route. No route can mean
// anything by such a path, so server.ts answers it with a 400 before Next sees it.

/** True when `url` (a request target, "/path?query") has a path that does not percent-decode to text. */
export function hasMalformedPath(url: string | undefined): boolean {
  const path = (url ?? "/").split(/[?#]/, 1)[0] ?? "/";
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * The answer to such a request: a short sentence, not a stack trace, in the language the request
 * asks for (the footer's cookie, then Accept-Language: no session is read this early).
 */
export function malformedPathMessage(headers: { cookie?: string; "accept-language"?: string }): string {
  const cookie = headers.cookie?.split(/;\s*/).find((pair) => pair.startsWith(`${localeCookie}=`))?.slice(localeCookie.length + 1) ?? null;
  const locale = pickLocale({ cookie, acceptLanguage: headers["accept-language"] ?? null });
  return `${errorWords(errorText("request.malformedPath"), locale)}\n`;
}
