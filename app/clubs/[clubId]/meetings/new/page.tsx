import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { ModeratorsOnly } from "@/components/book/moderators-only";
import { MeetingForm } from "@/components/meeting/meeting-form";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { loadMeetingForm } from "@/lib/meetings/pages";
import { meetingLimits } from "@/lib/validation/meetings";
import { scheduleMeetingAction } from "../actions";

type Props = { params: Promise<{ clubId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meeting.titles");
  return { title: t("schedule") };
}

export default async function NewMeetingPage({ params }: Props) {
  const { clubId } = await params;
  const t = await getTranslations("meeting");
  const user = await requireUser(`/clubs/${clubId}/meetings/new`);
  const { club, book, role, rooms, shape } = await loadOrNotFound(() => loadMeetingForm({ clubId, userId: user.id }));
  const meetingsHref = `/clubs/${club.id}/meetings`;
  if (!can(role, "meeting:schedule")) {
    return <ModeratorsOnly task="scheduleMeetings" backHref={meetingsHref} backLabel={t("moderatorsOnly.backToMeetings")} />;
  }

  const intro = book
    ? t.rich("newPage.introBook", { title: book.title, cite: (chunks) => <cite className="not-italic text-ink">{chunks}</cite> })
    : t("newPage.intro");

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: club.name, href: `/clubs/${club.id}` }, { label: t("breadcrumb.meetings"), href: meetingsHref }, { label: t("breadcrumb.schedule") }]} />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">{t("newPage.heading")}</h1>
        <p className="text-muted">
          {intro}
        </p>
      </header>
      <MeetingForm
        action={scheduleMeetingAction.bind(null, club.id)}
        rooms={rooms}
        shape={shape}
        limits={meetingLimits}
        offerRepeat
        submitLabel={t("form.scheduleSubmit")}
        pendingLabel={t("form.schedulePending")}
        cancelHref={meetingsHref}
      />
    </div>
  );
}
