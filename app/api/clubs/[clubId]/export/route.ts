import { route } from "@/lib/doors/route";
import { exportClub } from "@/lib/export/club-export";
import { downloadResponse } from "@/lib/export/download";
import { requestLocale } from "@/lib/i18n/request";

type Params = { clubId: string };

/** The club's whole discussion as a download (?format=html|markdown|json), for its owner. */
export const GET = route<Params>(async ({ request, params, user }) => {
  const format = new URL(request.url).searchParams.get("format") ?? "html";
  const download = await exportClub({ clubId: params.clubId, userId: user.id, body: { format, locale: await requestLocale() } });
  return downloadResponse(download);
});
