import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { route } from "@/lib/doors/route";
import { siteOrigin } from "@/lib/meetings/feeds";
import { loadMeetingIcs } from "@/lib/meetings/calendar";

type Params = { meetingId: string };

/** "Add to calendar": one meeting as an .ics download, for members of its club; its fixed words in the reader's language. */
export const GET = route<Params>(async ({ request, params, user }) => {
  const { meetingId } = params;
  const locale = await getLocale();
  const { filename, body } = await loadMeetingIcs({
    meetingId,
    userId: user.id,
    body: { origin: siteOrigin(request.headers), locale: isLocale(locale) ? locale : undefined },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
