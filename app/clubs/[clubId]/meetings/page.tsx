import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NextMeetingCard } from "@/components/meeting/next-meeting-card";
import { MeetingList } from "@/components/meeting/meeting-list";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { loadMeetingsPage } from "@/lib/meetings/pages";

type Props = { params: Promise<{ clubId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meeting.titles");
  return { title: t("meetings") };
}

export default async function MeetingsPage({ params }: Props) {
  const { clubId } = await params;
  const t = await getTranslations("meeting.list");
  const user = await requireUser(`/clubs/${clubId}/meetings`);
  const { club, role, next, upcoming, past } = await loadOrNotFound(() => loadMeetingsPage({ clubId, userId: user.id }));
  const schedules = can(role, "meeting:schedule");

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold sm:text-4xl">{club.name}</h1>
      </header>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="font-serif text-2xl font-semibold">{t("heading")}</h2>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Link href="/calendar" className="px-1 py-2 text-accent hover:underline">
            {t("subscribe")}
          </Link>
          {schedules ? (
            <Link
              href={`/clubs/${club.id}/meetings/new`}
              className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              {t("schedule")}
            </Link>
          ) : null}
        </div>
      </div>

      <NextMeetingCard clubId={club.id} canSchedule={schedules} meeting={next} />

      {upcoming.length > 0 ? (
        <section aria-labelledby="upcoming-heading" className="space-y-3">
          <h2 id="upcoming-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
            {next ? t("afterThat") : t("comingUp")}
          </h2>
          <MeetingList meetings={upcoming} showRsvp />
        </section>
      ) : null}

      <section aria-labelledby="past-heading" className="space-y-3">
        <h2 id="past-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
          {t("past")}
        </h2>
        {past.length > 0 ? (
          <MeetingList meetings={past} showRsvp={false} />
        ) : (
          <p className="text-sm text-muted">{t("noPast")}</p>
        )}
      </section>
    </div>
  );
}
