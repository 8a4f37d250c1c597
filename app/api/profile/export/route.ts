import { route } from "@/lib/doors/route";
import { downloadResponse, headNotAllowed } from "@/lib/export/download";
import { exportOwnReplies } from "@/lib/export/own-export";
import { readableErrors } from "@/lib/export/readable-errors";
import { requestLocale } from "@/lib/i18n/request";

/**
 * The caller's own replies, in every club they wrote in, as a download (?format=html|json). A
 * browser following the link is told any refusal on a page that leads back to the profile.
 */
export const GET = readableErrors(
  route(async ({ request, user }) => {
    const format = new URL(request.url).searchParams.get("format") ?? "html";
    const download = await exportOwnReplies({ userId: user.id, body: { format, locale: await requestLocale() } });
    return downloadResponse(download);
  }),
  () => ({ href: "/profile#your-data", label: "backToProfile" }),
);

/** HEAD does not run the export nor spend a point of its limit (lib/export/download.ts). */
export const HEAD = headNotAllowed;
