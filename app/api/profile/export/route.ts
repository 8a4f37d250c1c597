import { route } from "@/lib/doors/route";
import { downloadResponse } from "@/lib/export/download";
import { exportOwnReplies } from "@/lib/export/own-export";
import { requestLocale } from "@/lib/i18n/request";

/** The caller's own replies, in every club they wrote in, as a download (?format=html|json). */
export const GET = route(async ({ request, user }) => {
  const format = new URL(request.url).searchParams.get("format") ?? "html";
  const download = await exportOwnReplies({ userId: user.id, body: { format, locale: await requestLocale() } });
  return downloadResponse(download);
});
