import { NextResponse, type NextRequest } from "next/server";
import { isOwnOrigin } from "@/lib/doors/origin";
import { getEnv } from "@/lib/env";

// Runs before Next renders a page or runs a server action (Next 16's proxy, formerly
// middleware). Two jobs, each in this one place (docs/decisions/0009-csp-and-origins.md):
// - every page gets a Content-Security-Policy with a fresh nonce; Next reads the nonce from the
//   request's CSP header and puts it on its own scripts and styles, so only those run.
// - a POST to a page is a server action: one from another site is refused with 403, one over
//   the action body limit with 413 and one Next could not decode with 400, where Next itself
//   would answer each with a 500.
// API routes are not matched: their wrapper, lib/doors/route.ts, guards them.

/** Server actions' body limit, the same figure as next.config.js's serverActions.bodySizeLimit. */
const maxActionBodyBytes = 512 * 1024;

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load (Next's chunks) run too; nothing else does,
    // and 'self' is ignored by browsers that understand it. Dev: React rebuilds server error
    // stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Tailwind is one stylesheet from 'self'; the nonce covers the <style> tags Next writes.
    // Dev: the overlay and hot reload inject styles without one.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // Book covers are plain <img> tags on whatever https host a moderator links to.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    // Socket.IO and fetch go to this origin only ('self' covers ws: and wss: to the same host).
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** An answer to a refused server action: plain text, since no page asked for it. */
function refuse(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

const tooLarge = () => refuse(413, "That is more than we can take in one go (512 KB at most).");

/**
 * The body's bytes, or null when more than maxActionBodyBytes came in. Past the limit the rest is
 * read and dropped rather than cancelled: cancelling Next's copy of the body left the request
 * unanswered. The copy ends at next.config.js's proxyClientMaxBodySize, so this reads little more.
 */
async function readCapped(request: NextRequest): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return total > maxActionBodyBytes ? null : Buffer.concat(chunks);
    total += value.byteLength;
    if (total <= maxActionBodyBytes) chunks.push(value);
  }
}

// React's reply encoding marks special values with a leading "$" (a person's own "$" is sent as
// "$$"). These stand alone; every other "$" form points at another part of a multipart body.
const standaloneValues = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;
const partReference = /^\$[A-Za-z@]?([0-9a-f]+)(:|$)/;

/** Every string in `value` is plain, a standalone special value, or points at a part that `parts` holds. */
function referencesResolve(value: unknown, parts: Set<string>): boolean {
  if (typeof value === "string") {
    if (!value.startsWith("$") || standaloneValues.test(value)) return true;
    const id = partReference.exec(value)?.[1];
    // A FormData argument (a <form action={serverAction}>: "$K1") is sent as parts "_1_<field>".
    return id !== undefined && [...parts].some((name) => name === id || name.startsWith(`${id}_`) || name.startsWith(`_${id}_`));
  }
  if (Array.isArray(value)) return value.every((item) => referencesResolve(item, parts));
  if (value && typeof value === "object") return Object.values(value).every((item) => referencesResolve(item, parts));
  return true;
}

/**
 * Whether Next can decode a server action's body. The browser sends an action's arguments as
 * an array in JSON text (React's encodeReply) or, with files, as multipart form data whose part
 * "0" is that array; a program can send anything, and Next answers what it cannot decode with a
 * 500. Checked here so that it is a 400. A multipart POST without the header is a form posted
 * before the page's script loaded: only its form data is checked.
 */
async function decodable(request: NextRequest, bytes: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  const fetchAction = request.headers.has("next-action");
  try {
    if (type === "multipart/form-data") {
      const form = await new Response(bytes, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
      if (!fetchAction) return true;
      const root = form.get("0");
      if (typeof root !== "string") return false;
      const args: unknown = JSON.parse(root);
      return Array.isArray(args) && referencesResolve(args, new Set(form.keys()));
    }
    if (type === "text/plain" && fetchAction) {
      const args: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      return Array.isArray(args) && referencesResolve(args, new Set());
    }
    return true;
  } catch {
    return false;
  }
}

/** A POST to a page is a server action: refused from another site (403), too large (413) or undecodable (400). */
async function guardAction(request: NextRequest): Promise<NextResponse | null> {
  if (!isOwnOrigin(request.headers)) return refuse(403, "This request came from another site, so we did not act on it.");
  if (Number(request.headers.get("content-length") ?? "0") > maxActionBodyBytes) return tooLarge();
  // Next buffers the body for us (next.config.js proxyClientMaxBodySize), so reading it here
  // leaves it whole for the action; a chunked body declares no length, so it is counted.
  const bytes = await readCapped(request.clone() as NextRequest);
  if (!bytes) return tooLarge();
  if (!(await decodable(request, bytes))) return refuse(400, "We could not read that request. Reload the page and try again.");
  return null;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (request.method === "POST") {
    const refusal = await guardAction(request);
    if (refusal) return refusal;
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, getEnv().NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages and server actions; not API routes (guarded by route()), Next's static files, or
      // the live connection (answered by Socket.IO before Next sees it).
      source: "/((?!api/|_next/static|_next/image|socket\\.io|favicon\\.ico).*)",
      // A prefetch renders nothing the browser runs, so it needs no nonce.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
