import { route } from "@/lib/doors/route";
import { exportClub } from "@/lib/export/club-export";
import { downloadResponse, headNotAllowed } from "@/lib/export/download";
import { readableErrors } from "@/lib/export/readable-errors";
import { requestLocale } from "@/lib/i18n/request";

type Params = { clubId: string };

/**
 * The club's whole discussion as a download (?format=html|markdown|json), for its owner. A
 * browser following the link is told any refusal on a page that leads back to the settings.
 */
export const GET = readableErrors(
  route<Params>(async ({ request, params, user }) => {
    const format = new URL(request.url).searchParams.get("format") ?? "html";
    const download = await exportClub({ clubId: params.clubId, userId: user.id, body: { format, locale: await requestLocale() } });
    return downloadResponse(download);
  }),
  (params) => ({ href: `/clubs/${encodeURIComponent(params.clubId)}/settings`, label: "backToSettings" }),
);

/** HEAD does not run the export nor spend a point of its limit (lib/export/download.ts). */
export const HEAD = headNotAllowed;
