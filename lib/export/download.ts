import "server-only";
import type { ExportDownload } from "./club-export";

/**
 * An export as an HTTP response: an attachment with its file name (ASCII by construction,
 * lib/export/words.ts fileStem), never cached (it holds a private club), never sniffed.
 */
export function downloadResponse(download: ExportDownload): Response {
  return new Response(download.body, {
    headers: {
      "Content-Type": download.contentType,
      "Content-Disposition": `attachment; filename="${download.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
