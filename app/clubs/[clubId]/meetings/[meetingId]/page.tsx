import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { CancelMeetingButton } from "@/components/meeting/cancel-meeting-button";
import { LiveMeeting } from "@/components/meeting/live-meeting";
import { RsvpPanel } from "@/components/meeting/rsvp-panel";
import { AgendaList } from "@/components/meeting/agenda-list";
import { MeetingLocation } from "@/components/meeting/meeting-location";
import { MeetingTime } from "@/components/meeting/meeting-time";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { canEditMeeting, canRsvpToMeeting } from "@/lib/permissions";
import { loadMeetingPage } from "@/lib/meetings/pages";
import { cancelMeetingAction, setRsvpAction } from "../actions";

type Props = { params: Promise<{ clubId: string; meetingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meeting.titles");
  return { title: t("meeting") };
}

// Links inside a sentence are underlined, not only coloured (WCAG 1.4.1; axe link-in-text-block).
const inTextLink = "text-accent underline underline-offset-2 hover:text-accent-strong";

export default async function MeetingPage({ params }: Props) {
  const { clubId, meetingId } = await params;
  const [t, format] = await Promise.all([getTranslations("meeting.page"), getFormatter()]);
  const user = await requireUser(`/clubs/${clubId}/meetings/${meetingId}`);
  const { club, role, meeting, phase, agenda, rsvps, viewerRsvp, currentRoomId } = await loadOrNotFound(() =>
    loadMeetingPage({ clubId, meetingId, userId: user.id }),
  );
  const cancelled = meeting.cancelledAt !== null;
  const live = !cancelled && phase === "live";
  const ended = !cancelled && phase === "past";
  const mayEdit = canEditMeeting(role, { cancelled });
  const rsvpOpen = canRsvpToMeeting(role, { cancelled, ended: phase === "past" });
  const showJoin = meeting.location !== null && !cancelled && !ended;
  const answered = rsvps.counts.going + rsvps.counts.maybe + rsvps.counts.not_going;
  const longDate = { dateStyle: "long", timeZone: "UTC" } as const;
  const cancelledNotice = meeting.cancelledAt
    ? t.rich("cancelledNotice", { date: format.dateTime(new Date(meeting.cancelledAt), longDate), b: (chunks) => <strong className="font-semibold">{chunks}</strong> })
    : null;
  const noAgenda = t.rich("noAgenda", {
    link: (chunks) => (
      <Link href={`/clubs/${club.id}`} className={inTextLink}>
        {chunks}
      </Link>
    ),
  });
  const subscribe = t.rich("subscribe", {
    link: (chunks) => (
      <Link href="/calendar" className={inTextLink}>
        {chunks}
      </Link>
    ),
  });

  return (
    <div className="space-y-8">
      <Breadcrumb items={[{ label: club.name, href: `/clubs/${club.id}` }, { label: t("breadcrumb"), href: `/clubs/${club.id}/meetings` }, { label: meeting.title }]} />

      {cancelled && meeting.cancelledAt ? (
        <p role="status" className="rounded-lg border border-danger/30 bg-red-50 px-4 py-3 text-danger">
          {cancelledNotice}
        </p>
      ) : null}

      <header className="space-y-4">
        <div className="space-y-1">
          <p className="text-xs font-medium uppercase tracking-wider text-muted">
            {t(`eyebrow.${cancelled ? "cancelled" : live ? "live" : ended ? "past" : "upcoming"}`)}
          </p>
          <h1 className={`font-serif text-3xl font-semibold sm:text-4xl ${cancelled ? "text-muted" : ""}`}>{meeting.title}</h1>
        </div>
        <MeetingTime startsAt={meeting.startsAt} durationMinutes={meeting.durationMinutes} timeZone={meeting.timeZone} cancelled={cancelled} />
        {showJoin || !ended ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            {showJoin && meeting.location ? <MeetingLocation location={meeting.location} isLink={meeting.locationIsLink} /> : null}
            {ended ? null : (
              <a
                href={`/api/meetings/${meeting.id}/ics`}
                download
                className="inline-flex items-center rounded-md border border-line bg-white px-3 py-1.5 font-medium text-ink hover:bg-paper focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
              >
                {cancelled ? t("updateCalendar") : t("addToCalendar")}
              </a>
            )}
          </div>
        ) : null}
        {mayEdit ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-line pt-4 text-sm">
            <span className="text-muted">{t("forModerators")}</span>
            <Link
              href={`/clubs/${club.id}/meetings/${meeting.id}/edit`}
              className="inline-flex items-center rounded-md border border-line bg-white px-3 py-1.5 font-medium text-ink hover:bg-paper focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              {t("change")}
            </Link>
            {!ended ? <CancelMeetingButton action={cancelMeetingAction.bind(null, club.id, meeting.id)} title={meeting.title} /> : null}
          </div>
        ) : null}
      </header>

      {live ? (
        <section aria-labelledby="live-heading" className="space-y-3">
          <h2 id="live-heading" className="font-serif text-2xl font-semibold">
            {t("liveHeading")}
          </h2>
          <LiveMeeting
            clubId={club.id}
            meetingId={meeting.id}
            agenda={agenda.map((item) => ({ roomId: item.roomId, position: item.position, question: item.question }))}
            currentRoomId={currentRoomId}
            viewer={{ id: user.id, role }}
          />
        </section>
      ) : null}

      {ended ? (
        <section aria-labelledby="ended-heading" className="space-y-1 rounded-lg border border-line bg-white p-5 shadow-sm">
          <h2 id="ended-heading" className="font-serif text-xl font-semibold">
            {t("endedHeading")}
          </h2>
          <p className="text-sm text-muted">
            {agenda.length > 0 ? t("endedWithAgenda") : t("endedNoAgenda")}
          </p>
        </section>
      ) : null}

      {meeting.readingAssignment || meeting.notes || (meeting.location && (cancelled || ended)) ? (
        <section aria-labelledby="details-heading" className="space-y-3">
          <h2 id="details-heading" className="font-serif text-2xl font-semibold">
            {t("details")}
          </h2>
          <dl className="divide-y divide-line rounded-lg border border-line bg-white shadow-sm">
            {meeting.readingAssignment ? (
              <div className="grid gap-1 px-5 py-3.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
                <dt className="text-sm font-medium text-muted">{t("readBy")}</dt>
                <dd className="text-ink">{meeting.readingAssignment}</dd>
              </div>
            ) : null}
            {meeting.location && (cancelled || ended) ? (
              <div className="grid gap-1 px-5 py-3.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
                <dt className="text-sm font-medium text-muted">{t("where")}</dt>
                <dd className="text-ink">
                  <MeetingLocation location={meeting.location} isLink={meeting.locationIsLink} compact />
                </dd>
              </div>
            ) : null}
            {meeting.notes ? (
              <div className="grid gap-1 px-5 py-3.5 sm:grid-cols-[10rem_1fr] sm:gap-4">
                <dt className="text-sm font-medium text-muted">{t("notes")}</dt>
                <dd className="whitespace-pre-line break-words leading-relaxed text-ink">{meeting.notes}</dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}

      {live ? null : (
        <section aria-labelledby="agenda-heading" className="space-y-3">
          <h2 id="agenda-heading" className="font-serif text-2xl font-semibold">
            {ended ? t("agendaPast") : t("agenda")}
          </h2>
          {agenda.length > 0 ? (
            <AgendaList clubId={club.id} items={agenda} />
          ) : (
            <p className="text-sm text-muted">
              {noAgenda}
            </p>
          )}
        </section>
      )}

      {!rsvpOpen ? (
        answered > 0 ? (
          <section aria-labelledby="rsvp-heading" className="space-y-3">
            <h2 id="rsvp-heading" className="font-serif text-2xl font-semibold">
              {t("rsvpClosed")}
            </h2>
            <div className="rounded-lg border border-line bg-white p-5 shadow-sm">
              <RsvpPanel action={setRsvpAction.bind(null, club.id, meeting.id)} initialStatus={viewerRsvp} initialSummary={rsvps} closed />
            </div>
          </section>
        ) : null
      ) : (
        <section aria-labelledby="rsvp-heading" className="space-y-3">
          <h2 id="rsvp-heading" className="font-serif text-2xl font-semibold">
            {/* A meeting under way no longer asks ahead of time. */}
            {live ? t("rsvpLive") : t("rsvpAsk")}
          </h2>
          <div className="rounded-lg border border-line bg-white p-5 shadow-sm">
            <RsvpPanel action={setRsvpAction.bind(null, club.id, meeting.id)} initialStatus={viewerRsvp} initialSummary={rsvps} live={live} />
          </div>
        </section>
      )}

      <p className="text-sm text-muted">
        {subscribe}
      </p>
    </div>
  );
}
