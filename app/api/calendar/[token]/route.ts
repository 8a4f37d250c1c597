import { errorResponse } from "@/lib/doors/route";
import { calendarFeedIcs, siteOrigin } from "@/lib/meetings/feeds";

type Context = { params: Promise<{ token: string }> };

/**
 * A member's private calendar feed. Calendar apps fetch it without cookies, so the token in the
 * URL is the only credential; a revoked one answers 404 like one that never existed.
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  try {
    const { token } = await context.params;
    // Some calendar apps only subscribe to URLs that look like a file.
    const body = await calendarFeedIcs({ token: token.replace(/\.ics$/, ""), origin: siteOrigin(request.headers) });
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="chapterhouse.ics"',
        "Cache-Control": "private, no-store",
        "X-Robots-Tag": "noindex",
      },
    });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  }
}
