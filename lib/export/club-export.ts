import "server-only";
import { ensure, resolveClub } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { errorText } from "@/lib/i18n/error-text";
import { can } from "@/lib/permissions";
import { byteStream } from "./bytes";
import { clubHtml } from "./club-html";
import { clubJson } from "./club-json";
import { clubMarkdownZip } from "./club-markdown";
import { openClubExport } from "./club-source";
import { clubExportParams, clubExportRequest, type ClubExportFormat } from "./request";
import { exportFilenames } from "./words";

/**
 * A download: its file name in ASCII and, when the name has letters ASCII lacks, in them too
 * (lib/export/words.ts exportFilenames), its media type, and its bytes as a stream that reads
 * the club as it is pulled.
 */
export type ExportDownload = { filename: string; filenameUnicode: string | null; contentType: string; body: ReadableStream<Uint8Array> };

const formats: Record<ClubExportFormat, { extension: string; contentType: string }> = {
  html: { extension: "html", contentType: "text/html; charset=utf-8" },
  markdown: { extension: "zip", contentType: "application/zip" },
  json: { extension: "json", contentType: "application/json; charset=utf-8" },
};


/**
 * The club's whole discussion as a download, for its owner (docs/decisions/0029-export.md).
 * `body.format`: html (one readable page), markdown (a zip of Markdown files) or json (the
 * documented format, docs/export-format.md); `body.locale`: the exporter's language, for the
 * words the file adds. A moderator or member: forbidden (export.ownerOnly); anyone else: not
 * found. Spends a point of export:club (a few an hour). The act reads only the club's outline;
 * its replies are read as the returned stream is pulled, a batch at a time.
 */
export const exportClub = door({
  params: clubExportParams,
  what: "club",
  resolve: async ({ params, userId }) => {
    const access = await resolveClub({ clubId: params.clubId, userId });
    ensure(can(access.role, "club:export"), errorText("export.ownerOnly"));
    return access;
  },
  body: clubExportRequest,
  limit: "export:club",
  act: async ({ userId, params, body, now }) => {
    const source = await openClubExport({ clubId: params.clubId, userId, locale: body.locale, now });
    const { extension, contentType } = formats[body.format];
    const pieces = body.format === "html" ? clubHtml(source) : body.format === "json" ? clubJson(source) : clubMarkdownZip(source);
    // "the-hailsham-circle-2026-12-01.html": the club's name and the day (UTC) it was exported.
    const names = exportFilenames(source.club.name, "club", now.toISOString().slice(0, 10), extension);
    return done<ExportDownload>({ ...names, contentType, body: byteStream(pieces) });
  },
});
