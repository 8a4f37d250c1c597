import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClubLanguageForm } from "@/components/club/club-language-form";
import { ClubSettingsDetailsForm } from "@/components/club/club-settings-details-form";
import { ClubSettingsOwnerOnly } from "@/components/club/club-settings-owner-only";
import { ClubExportPanel } from "@/components/export/club-export-panel";
import { requireUser } from "@/lib/auth";
import { loadClubSettings } from "@/lib/clubs/clubs";
import { loadOrNotFound } from "@/lib/doors/page";
import { clubDescriptionMaxLength, clubNameMaxLength } from "@/lib/validation/clubs";
import { changeClubLanguageAction, updateClubDetailsAction } from "./actions";

type Props = { params: Promise<{ clubId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("club.settings");
  return { title: t("title") };
}

const card = "space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6";

/**
 * The owner's settings (`club:edit`): the club's name and description, its language (which
 * search reads its replies in), and the export of its whole discussion. A member or moderator
 * at this address is told who looks after them; a stranger gets not-found.
 */
export default async function ClubSettingsPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}/settings`);
  const { club, role, settings } = await loadOrNotFound(() => loadClubSettings({ clubId, userId: user.id }));
  if (!settings) return <ClubSettingsOwnerOnly clubId={club.id} />;
  const t = await getTranslations("club.settings");

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold break-words sm:text-4xl">{club.name}</h1>
        <p className="text-muted">
          <span className="font-medium text-ink">{t("heading")}</span> · {t("lead")}
        </p>
      </header>

      <section aria-labelledby="settings-about-heading" className={card}>
        <div className="space-y-1">
          <h2 id="settings-about-heading" className="font-serif text-xl font-semibold">
            {t("about.heading")}
          </h2>
          <p className="text-sm leading-relaxed text-muted">{t("about.intro")}</p>
        </div>
        <ClubSettingsDetailsForm
          details={{ name: settings.name, description: settings.description }}
          action={updateClubDetailsAction.bind(null, club.id)}
          nameMaxLength={clubNameMaxLength}
          descriptionMaxLength={clubDescriptionMaxLength}
        />
      </section>

      <section aria-labelledby="settings-language-heading" className={card}>
        <div className="space-y-1">
          <h2 id="settings-language-heading" className="font-serif text-xl font-semibold">
            {t("language.heading")}
          </h2>
          <p className="text-sm leading-relaxed text-muted">{t("language.intro")}</p>
        </div>
        <ClubLanguageForm language={settings.language} action={changeClubLanguageAction.bind(null, club.id)} />
      </section>

      <ClubExportPanel clubId={club.id} clubName={club.name} role={role} />
    </div>
  );
}
