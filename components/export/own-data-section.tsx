import { getTranslations } from "next-intl/server";
import { DownloadLink } from "./download-link";

/** The profile's "Your data": the member's own replies, everywhere they wrote, as a download. */
export async function OwnDataSection() {
  const t = await getTranslations("export.own");
  return (
    <section id="your-data" aria-labelledby="your-data-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <div className="space-y-2">
        <h2 id="your-data-heading" className="font-serif text-xl font-semibold">
          {t("heading")}
        </h2>
        <p className="leading-relaxed text-muted">{t("intro")}</p>
        <p className="text-sm leading-relaxed text-muted">{t("included")}</p>
      </div>
      <ul aria-label={t("heading")} className="space-y-2">
        <DownloadLink href="/api/profile/export?format=html" label={t("html")} />
        <DownloadLink href="/api/profile/export?format=json" label={t("json")} />
      </ul>
    </section>
  );
}
