import { z } from "zod";
import { errorKey } from "@/lib/i18n/error-text";
import { locales } from "@/lib/i18n/locales";
import { uuidParam } from "@/lib/validation/ids";

// What an export is asked for: the club (from the URL), the format (from the query string) and
// the reader's language (from the request), which the file's own words are written in.

const clubExportFormats = ["html", "markdown", "json"] as const;
export type ClubExportFormat = (typeof clubExportFormats)[number];

const ownExportFormats = ["html", "json"] as const;


export const clubExportParams = z.object({ clubId: uuidParam });

export const clubExportRequest = z.object({
  format: z.enum(clubExportFormats, { error: errorKey("export.format") }),
  locale: z.enum(locales),
});

export const ownExportRequest = z.object({
  format: z.enum(ownExportFormats, { error: errorKey("export.ownFormat") }),
  locale: z.enum(locales),
});
