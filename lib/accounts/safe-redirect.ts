// Shared by the sign-in and sign-up pages and next-auth's redirect callback (lib/auth.ts), so
// every "where to after signing in" answer follows one rule. No "server-only": pure, and tested.

/** An origin no request ever has: a value that parses to any other origin named a foreign site. */
const PLACEHOLDER_ORIGIN = "http://chapterhouse.invalid";

/**
 * A path on this site to return to after signing in, or null when `value` would leave it.
 *
 * Judged the way a browser judges it: `value` is parsed with the WHATWG URL parser against
 * `origin` (which strips tabs and newlines, turns "\" into "/" and reads "//host" as a host),
 * and kept only when the result has that same origin. The path that comes back is the parser's
 * own serialization (control characters percent-encoded), never the raw input, and never one
 * starting "//" ("/.//evil" normalizes to that), which a browser would read as another host.
 *
 * `origin` is the site's own origin when it is known (next-auth's baseUrl); without it only a
 * path can pass, since no absolute URL has the placeholder origin.
 */
function sameOriginPath(value: string, origin: string = PLACEHOLDER_ORIGIN): string | null {
  let base: URL;
  let parsed: URL;
  try {
    base = new URL(origin);
    parsed = new URL(value, base);
  } catch {
    return null;
  }
  if (parsed.origin !== base.origin) return null;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  return path;
}

/** The `callbackUrl` of the sign-in and sign-up pages as a same-site path; "/" when it is anything else. */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/")) return "/";
  return sameOriginPath(candidate) ?? "/";
}

/**
 * next-auth's `redirect` callback rule: `url` (a path or an absolute URL) is followed only when
 * it stays on `baseUrl`'s origin; anything else goes to `baseUrl`.
 */
export function safeAuthRedirect(url: string, baseUrl: string): string {
  const path = sameOriginPath(url, baseUrl);
  return path === null ? baseUrl : `${new URL(baseUrl).origin}${path}`;
}
