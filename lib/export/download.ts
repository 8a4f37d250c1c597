import "server-only";
import type { ExportDownload } from "./club-export";

/**
 * A value for RFC 8187's ext-value (UTF-8''…): every byte outside its attr-char set
 * percent-encoded. encodeURIComponent leaves ' ( ) * as they are, which attr-char does not allow.
 */
function extValue(text: string): string {
  return `UTF-8''${encodeURIComponent(text).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * The Content-Disposition of a download (RFC 6266): `filename` in ASCII for every client, and
 * `filename*` in the name's own letters, percent-encoded, which browsers prefer when present.
 * Both names are built from letters, digits and hyphens (lib/export/words.ts), so neither can
 * hold a quote, a slash or a line break; the header is ASCII either way.
 */
export function contentDisposition(download: Pick<ExportDownload, "filename" | "filenameUnicode">): string {
  const ascii = `attachment; filename="${download.filename.replace(/[^\x20-\x7e]|["\\]/g, "-")}"`;
  return download.filenameUnicode ? `${ascii}; filename*=${extValue(download.filenameUnicode)}` : ascii;
}

/**
 * An export as an HTTP response: an attachment with its file names (contentDisposition), never
 * cached (it holds a private club), never sniffed.
 */
export function downloadResponse(download: ExportDownload): Response {
  return new Response(download.body, {
    headers: {
      "Content-Type": download.contentType,
      "Content-Disposition": contentDisposition(download),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * HEAD on an export address: 405, `Allow: GET`, no body. Next would otherwise answer HEAD by
 * running the GET handler, which reads the whole club and spends a point of the export's rate
 * limit for a response nobody reads; answering the headers honestly would need that same work
 * (the file's name is the club's), and no browser sends HEAD before a download.
 */
export function headNotAllowed(): Response {
  return new Response(null, { status: 405, headers: { Allow: "GET", "Cache-Control": "private, no-store" } });
}
