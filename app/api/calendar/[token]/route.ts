import { publicRoute } from "@/lib/doors/route";
import { calendarFeedIcs, siteOrigin } from "@/lib/meetings/feeds";

type Params = { token: string };

/**
 * A member's private calendar feed. Calendar apps fetch it without cookies, so the token in the
 * URL is the only credential; a revoked one answers 404 like one that never existed.
 */
export const GET = publicRoute<Params>(async ({ request, params }) => {
  // Some calendar apps only subscribe to URLs that look like a file.
  const body = await calendarFeedIcs({ token: params.token.replace(/\.ics$/, ""), origin: siteOrigin(request.headers) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="chapterhouse.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
});
