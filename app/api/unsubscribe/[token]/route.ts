import { publicRoute } from "@/lib/doors/route";
import { unsubscribe } from "@/lib/email/settings";

type Params = { token: string };

function pagePath(token: string): string {
  return `/unsubscribe/${encodeURIComponent(token)}`;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" } });
}

/**
 * One-click unsubscribe (RFC 8058): the address in an email's List-Unsubscribe header, which a
 * mail program POSTs `List-Unsubscribe=One-Click` to, and the confirmation page's button. The
 * signed token is the only credential; nobody need be signed in. A person's browser is sent on
 * to the page, which says what changed; a program gets a short answer.
 */
export const POST = publicRoute<Params>(
  async ({ request, params }) => {
    if (!(await unsubscribe({ token: params.token }))) {
      return plain(
        400,
        "This unsubscribe link isn't valid: it may have been cut short or changed. Nothing was changed. Sign in and choose what reaches your inbox on your profile.",
      );
    }
    if (request.headers.get("accept")?.includes("text/html")) {
      return new Response(null, { status: 303, headers: { Location: pagePath(params.token), "Cache-Control": "private, no-store" } });
    }
    return plain(200, "Unsubscribed. These emails will stop; the notifications stay in the app.");
  },
  { body: "form" },
);

/** Opening the address changes nothing (mail scanners open every link): it shows the page with the button. */
export const GET = publicRoute<Params>(async ({ params }) => {
  return new Response(null, { status: 303, headers: { Location: pagePath(params.token), "Cache-Control": "private, no-store" } });
});
