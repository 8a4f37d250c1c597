import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { createClubAction } from "@/app/clubs/new/actions";
import { CreateClubForm } from "@/components/club/create-club-form";
import { requireUser } from "@/lib/auth";
import { requestLocale } from "@/lib/i18n/request";
import { clubDescriptionMaxLength, clubNameMaxLength } from "@/lib/validation/clubs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("home"))("newClub.title") };
}

export default async function NewClubPage() {
  await requireUser("/clubs/new");
  const t = await getTranslations("home.newClub");
  return (
    <section className="mx-auto max-w-xl space-y-8" aria-labelledby="new-club-heading">
      <header className="space-y-2">
        <h1 id="new-club-heading" className="font-serif text-3xl font-semibold">
          {t("heading")}
        </h1>
        <p className="leading-relaxed text-muted">
          {t("lead")}
        </p>
      </header>
      <div className="rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <CreateClubForm action={createClubAction} nameMaxLength={clubNameMaxLength} descriptionMaxLength={clubDescriptionMaxLength} defaultLanguage={await requestLocale()} />
      </div>
    </section>
  );
}
