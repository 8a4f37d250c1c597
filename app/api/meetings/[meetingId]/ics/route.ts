import { route } from "@/lib/doors/route";
import { siteOrigin } from "@/lib/meetings/feeds";
import { loadMeetingIcs } from "@/lib/meetings/calendar";

type Params = { meetingId: string };

/** "Add to calendar": one meeting as an .ics download, for members of its club. */
export const GET = route<Params>(async ({ request, params, user }) => {
  const { meetingId } = params;
  const { filename, body } = await loadMeetingIcs({ meetingId, userId: user.id, body: { origin: siteOrigin(request.headers) } });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
