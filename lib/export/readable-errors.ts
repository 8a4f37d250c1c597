import "server-only";
import { defaultLocale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request";
import { translatorFor } from "@/lib/i18n/translate";
import { pageEnd, pageStart } from "./html-parts";
import { escapeHtml } from "./words";

// An export is downloaded by following a plain link. A browser that follows a link to a file
// and gets an error with a JSON body does not show it: with the link's `download` attribute it
// cancels silently, without it it shows raw JSON. So for a browser's own navigation, the
// export's errors (signed out, not the owner, too often, any failure) come back as a small page
// in the reader's language that says what happened and links back; a script calling the same
// address (fetch, curl) still gets the JSON every API door answers (docs/decisions/0029-export.md).

type Handler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

/** Where a refused export sends the reader back to: the club's settings or their profile. */
export type WayBack = { href: string; label: "backToSettings" | "backToProfile" };

/**
 * A browser showing the answer as a page: `Sec-Fetch-Mode: navigate` (every current browser
 * sends it on following a link), or, from one that sends no Sec-Fetch headers, an Accept that
 * asks for HTML. fetch() sends `cors`/`same-origin` and `*\/*`; curl sends neither.
 */
function isNavigation(request: Request): boolean {
  const mode = request.headers.get("sec-fetch-mode");
  if (mode !== null) return mode === "navigate";
  return (request.headers.get("accept") ?? "").includes("text/html");
}

/** The message of an `{ error: { message } }` body, or null when the body is not one. */
async function wireMessage(response: Response): Promise<string | null> {
  if (!(response.headers.get("content-type") ?? "").includes("application/json")) return null;
  try {
    const body = (await response.clone().json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === "string" ? body.error.message : null;
  } catch {
    return null;
  }
}

/**
 * Wraps an export's route handler (already route(): user, door, JSON errors): when the answer is
 * an error and a browser navigated to it, the same status, Retry-After and message as a page:
 * a heading, the message as role="alert", and a link back to `back(params)`.
 */
export function readableErrors<Params>(handler: Handler<Params>, back: (params: Params) => WayBack): Handler<Params> {
  return async (request, context) => {
    const response = await handler(request, context);
    if (response.ok || !isNavigation(request)) return response;
    const message = await wireMessage(response);
    if (message === null) return response;
    const locale = await requestLocale().catch(() => defaultLocale);
    const t = translatorFor(locale, "export");
    const way = back(await context.params);
    const title = t("errorPage.title");
    const page =
      pageStart({ locale, title }) +
      `<main>\n<h1>${escapeHtml(title)}</h1>\n<p role="alert" class="intro">${escapeHtml(message)}</p>\n` +
      `<p><a href="${escapeHtml(way.href)}">${escapeHtml(t(`errorPage.${way.label}`))}</a></p>\n</main>\n` +
      pageEnd;
    const headers = new Headers(response.headers);
    headers.set("Content-Type", "text/html; charset=utf-8");
    headers.delete("Content-Length");
    return new Response(page, { status: response.status, headers });
  };
}
