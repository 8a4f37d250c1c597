import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { ModeratorsOnly } from "@/components/book/moderators-only";
import { MeetingForm } from "@/components/meeting/meeting-form";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { loadMeetingForm } from "@/lib/meetings/pages";
import { meetingHref } from "@/lib/meetings/views";
import { meetingLimits } from "@/lib/validation/meetings";
import { editMeetingAction } from "../../actions";

type Props = { params: Promise<{ clubId: string; meetingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meeting.titles");
  return { title: t("change") };
}

export default async function EditMeetingPage({ params }: Props) {
  const { clubId, meetingId } = await params;
  const t = await getTranslations("meeting");
  const user = await requireUser(`/clubs/${clubId}/meetings/${meetingId}/edit`);
  const { club, role, rooms, meeting, initial, shape } = await loadOrNotFound(() => loadMeetingForm({ clubId, userId: user.id, meetingId }));
  if (!meeting || !initial) return null;
  const href = meetingHref(club.id, meeting.id);
  if (!can(role, "meeting:schedule")) {
    return <ModeratorsOnly task="changeMeetings" backHref={href} backLabel={t("moderatorsOnly.backToMeeting")} />;
  }

  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { label: club.name, href: `/clubs/${club.id}` },
          { label: t("breadcrumb.meetings"), href: `/clubs/${club.id}/meetings` },
          { label: meeting.title, href },
          { label: t("breadcrumb.change") },
        ]}
      />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">{t("editPage.heading")}</h1>
        <p className="text-muted">
          {meeting.seriesId ? t("editPage.introSeries") : t("editPage.intro")}
        </p>
      </header>
      {meeting.cancelledAt ? (
        <div className="space-y-2 rounded-lg border border-line bg-white p-5 shadow-sm">
          <p>{t("editPage.cancelled")}</p>
          <Link href={`/clubs/${club.id}/meetings/new`} className="text-accent hover:underline">
            {t("editPage.scheduleNew")}
          </Link>
        </div>
      ) : (
        <MeetingForm
          action={editMeetingAction.bind(null, club.id, meeting.id)}
          rooms={rooms}
          shape={shape}
          limits={meetingLimits}
          initial={initial}
          offerRepeat={false}
          submitLabel={t("form.saveSubmit")}
          pendingLabel={t("form.savePending")}
          cancelHref={href}
        />
      )}
    </div>
  );
}
