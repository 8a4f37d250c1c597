import { getTranslations } from "next-intl/server";
import { can, type ClubRole } from "@/lib/permissions";
import { DownloadLink } from "./download-link";

type Props = { clubId: string; clubName: string; role: ClubRole };

/**
 * The owner's Export panel (on the club's settings page): the three formats of the club's whole
 * discussion, and a line on what is in them and what is left out. Nothing for anyone else (the
 * route refuses them too: lib/export/club-export.ts).
 */
export async function ClubExportPanel({ clubId, clubName, role }: Props) {
  if (!can(role, "club:export")) return null;
  const t = await getTranslations("export.panel");
  const href = (format: string) => `/api/clubs/${clubId}/export?format=${format}`;
  return (
    <section aria-labelledby="export-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <div className="space-y-2">
        <h2 id="export-heading" className="font-serif text-xl font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm leading-relaxed text-muted">{t("intro", { club: clubName })}</p>
        <p className="text-sm leading-relaxed text-muted">{t("included")}</p>
      </div>
      <ul aria-label={t("formats")} className="space-y-2">
        <DownloadLink href={href("html")} label={t("html")} hint={t("htmlHint")} />
        <DownloadLink href={href("markdown")} label={t("markdown")} hint={t("markdownHint")} />
        <DownloadLink href={href("json")} label={t("json")} hint={t("jsonHint")} />
      </ul>
      <p className="text-sm text-muted">{t("wait")}</p>
    </section>
  );
}
