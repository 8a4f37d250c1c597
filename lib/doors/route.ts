import "server-only";
import { getCurrentUser, type SessionUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { isOwnOrigin } from "./origin";
import { toWireError } from "./wire-error";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request";
import { errorText } from "@/lib/i18n/error-text";

/**
 * The largest request body an API door reads, in bytes (64 KiB). A reply is at most 10,000
 * characters (lib/validation/replies.ts), 40 KB as UTF-8 at worst, plus its JSON framing.
 */
const maxBodyBytes = 64 * 1024;

const tooLarge = () => new AppError("too_large", errorText("request.tooLarge", { kilobytes: maxBodyBytes / 1024 }));

/**
 * What a write's body must be: JSON (every API door), or a form, for the one door a mail
 * program posts to (RFC 8058 one-click unsubscribe sends `List-Unsubscribe=One-Click` as a form).
 */
type BodyKind = "json" | "form";

/** Methods that change something: they must come from the app's own pages and carry JSON. */
const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Refuses a write from another site (403) and a body that is not JSON (415) or declares more
 * than maxBodyBytes (413), before anything reads it. JSON is checked because `text/plain` and
 * form bodies are what a foreign page can send without asking first (a "simple" request that
 * skips the CORS preflight); `application/json` from another origin needs one, which we never grant.
 */
function guardWrite(request: Request, body: BodyKind = "json"): void {
  if (!isOwnOrigin(request.headers)) throw new AppError("forbidden", errorText("request.otherSite"));
  const declared = request.headers.get("content-length");
  // A request carries a body only with a length or a transfer encoding (RFC 9112 §6.3); a
  // Request made in code may declare neither but names its type. The server hands even a
  // body-less DELETE over with an (empty) body stream, which was refused here as not JSON:
  // deleting, pinning or unhiding a reply from the page answered 415.
  const framed = declared !== null || request.headers.has("transfer-encoding") || request.headers.has("content-type");
  const hasBody = request.body !== null && declared !== "0" && framed;
  if (!hasBody) return;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (body === "form") {
    if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
      throw new AppError("unsupported_media_type", errorText("request.sendForm"));
    }
  } else if (type !== "application/json") throw new AppError("unsupported_media_type", errorText("request.sendJson"));
  if (declared !== null && Number(declared) > maxBodyBytes) throw tooLarge();
}

/** The body as text, read at most maxBodyBytes far: a chunked body declares no length. */
async function readCapped(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBodyBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads a JSON body: from the app's own origin (403), typed application/json (415), at most
 * maxBodyBytes (413, counted as it streams in, before parsing), valid JSON (400). Every failure
 * says so in a sentence.
 */
export async function readJson(request: Request): Promise<unknown> {
  guardWrite(request);
  const text = await readCapped(request);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", errorText("request.badJson"));
  }
}

/**
 * Any failure as a JSON response: `{ error: WireError }` with the error's HTTP status, never
 * stored by a cache (it may say what a member may see), and a `Retry-After` header (seconds)
 * when it is a rate limit.
 */
export function errorResponse(error: unknown, locale: Locale = defaultLocale): Response {
  const { status, error: wire } = toWireError(error, locale);
  const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
  if (wire.retryAfter !== undefined) headers["Retry-After"] = String(wire.retryAfter);
  return Response.json({ error: wire }, { status, headers });
}

/**
 * The part every route handler shares, signed in or not: a write (POST, PUT, PATCH, DELETE) must
 * come from the app's own origin and carry JSON of at most maxBodyBytes (guardWrite); any
 * failure becomes the wire error with its status; every answer is private (`Cache-Control:
 * private, no-store` unless the handler set its own).
 */
function guarded<Params>(
  handler: (input: { request: Request; params: Params }) => Promise<Response>,
  body: BodyKind = "json",
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) => {
    try {
      if (writeMethods.has(request.method)) guardWrite(request, body);
      const response = await handler({ request, params: await context.params });
      if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "private, no-store");
      return response;
    } catch (error) {
      // In the reader's language; a failure to even work that out must not hide the first one.
      return errorResponse(error, await requestLocale().catch(() => defaultLocale));
    }
  };
}

/**
 * The wrapper every API route handler goes through: the shared guards above, then require a
 * signed-in user (401 otherwise) and hand the route's params and the user to the handler, which
 * calls a door (lib/doors/door.ts).
 */
export function route<Params extends Record<string, string>>(
  handler: (input: { request: Request; params: Params; user: SessionUser }) => Promise<Response>,
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return guarded<Params>(async ({ request, params }) => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized", errorText("session.signIn"));
    return handler({ request, params, user });
  });
}

/**
 * For the few route handlers nobody is signed in to: sign-up (no account yet), a calendar feed
 * (its secret token is the credential), the one-click unsubscribe (its signed link is) and the
 * health check. The same guards as route(); the handler decides what stands in for a user, and
 * says so. `options.body: "form"` takes a form body instead of JSON on writes.
 */
export function publicRoute<Params extends Record<string, string>>(
  handler: (input: { request: Request; params: Params }) => Promise<Response>,
  options: { body?: BodyKind } = {},
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return guarded<Params>(handler, options.body);
}
