import { withUser } from "@/lib/http";
import { siteOrigin } from "@/lib/sessions/feeds";
import { loadSessionIcs } from "@/lib/sessions/service";

type Context = { params: Promise<{ sessionId: string }> };

/** "Add to calendar": one meeting as an .ics download, for members of its club. */
export const GET = withUser<Context>(async ({ request, context, user }) => {
  const { sessionId } = await context.params;
  const { filename, body } = await loadSessionIcs({ sessionId, userId: user.id, origin: siteOrigin(request.headers) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
