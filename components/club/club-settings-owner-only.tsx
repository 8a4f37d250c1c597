import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * What a member or moderator sees at the settings address: who looks after the settings and a
 * way back, as components/book/moderators-only.tsx says for moderators' pages. Their doors
 * refuse them too (lib/clubs/clubs.ts: forbidden).
 */
export function ClubSettingsOwnerOnly({ clubId }: { clubId: string }) {
  const t = useTranslations("club.settings.ownerOnly");
  return (
    <div className="space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm">
      <h1 className="font-serif text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-muted">{t("body")}</p>
      <Link href={`/clubs/${clubId}`} className="inline-block text-accent hover:underline">
        {t("back")}
      </Link>
    </div>
  );
}
