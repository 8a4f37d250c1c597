import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { trustedOrigins } from "@/lib/env";

// Whether a request that would change something (an API write, a server action, the live
// connection's handshake) comes from a page of this app: the one origin rule, used by the route
// wrapper (./route.ts), the proxy (proxy.ts, for server actions) and the Socket.IO handshake
// (lib/realtime/server.ts). docs/decisions/0009-csp-and-origins.md says why it reads this way.

type HeaderSource = Headers | IncomingHttpHeaders;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * True when the request may act for the signed-in member:
 * - with an `Origin` header: its host is the host the request came to (`X-Forwarded-Host`, else
 *   `Host`, as Next's own server-action check reads it), or the origin is NEXTAUTH_URL's or in
 *   ALLOWED_ORIGINS. `Origin: null` (sandboxed frames, some redirects) is never allowed.
 * - without one: `Sec-Fetch-Site` must be "same-origin" or "none" (typed in by the person).
 * - with neither: allowed. Every browser sends `Origin` on cross-origin fetches, form posts and
 *   WebSocket handshakes, and `Sec-Fetch-Site` on all of them; a request with neither comes from a
 *   program (curl, a test, a server), which holds only the cookies it was given: that is not the
 *   cross-site forgery this check is for.
 */
export function isOwnOrigin(headers: HeaderSource): boolean {
  const origin = header(headers, "origin");
  if (origin !== undefined) {
    const parsed = URL.parse(origin);
    if (!parsed || parsed.origin === "null") return false;
    const host = header(headers, "x-forwarded-host")?.split(",")[0]?.trim() ?? header(headers, "host");
    if (host !== undefined && parsed.host === host.toLowerCase()) return true;
    return trustedOrigins().includes(parsed.origin);
  }
  const site = header(headers, "sec-fetch-site");
  if (site !== undefined) return site === "same-origin" || site === "none";
  return true;
}
