import Link from "next/link";
import { useTranslations } from "next-intl";
import type { NextMeetingView } from "@/lib/meetings/views";
import { MeetingLocation } from "./meeting-location";
import { MeetingTime } from "./meeting-time";

type Props = {
  /** From loadNextMeeting({ clubId, userId }); null when nothing is planned. */
  meeting: NextMeetingView | null;
  clubId: string;
  /** Moderators get a way to schedule one when nothing is planned. */
  canSchedule?: boolean;
};

/** "You're going, with 2 others", "You might come · 3 going", in the reader's language. */
function useAttendance(): (viewerRsvp: NextMeetingView["viewerRsvp"], goingCount: number, live: boolean) => string {
  const yours = useTranslations("meeting.yourRsvp");
  const t = useTranslations("meeting.nextCard");
  return (viewerRsvp, goingCount, live) => {
    if (viewerRsvp === "going") {
      const others = goingCount - 1;
      return others > 0 ? yours("goingWithOthers", { others }) : yours("going");
    }
    // Under way, a meeting no longer asks who is coming; it just says how many said they would.
    if (live && !viewerRsvp) return goingCount > 0 ? t("goingOnly", { count: goingCount }) : "";
    const mine = yours(viewerRsvp ?? "none");
    return goingCount > 0 ? t("withGoing", { answer: mine, count: goingCount }) : mine;
  };
}

/** The club's next meeting: when (in the reader's zone, with a countdown), what to read, and whether they're coming. */
export function NextMeetingCard({ meeting, clubId, canSchedule = false }: Props) {
  const t = useTranslations("meeting.nextCard");
  const attendance = useAttendance();
  if (!meeting) {
    return (
      <section aria-labelledby="next-meeting-heading" className="rounded-lg border border-dashed border-line bg-white/60 p-5 sm:p-6">
        <h2 id="next-meeting-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
          {t("heading")}
        </h2>
        <p className="mt-2 text-muted">{t("nonePlanned")}</p>
        <div className="mt-3 flex flex-wrap gap-3 text-sm">
          {canSchedule ? (
            <Link href={`/clubs/${clubId}/meetings/new`} className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
              {t("schedule")}
            </Link>
          ) : null}
          <Link href={`/clubs/${clubId}/meetings`} className="px-1 py-2 text-accent hover:underline">
            {t("all")}
          </Link>
        </div>
      </section>
    );
  }

  const live = meeting.phase === "live";
  return (
    <section
      aria-labelledby="next-meeting-heading"
      className={`space-y-4 rounded-lg border bg-white p-5 shadow-sm sm:p-6 ${live ? "border-accent/50 ring-1 ring-accent/30" : "border-line"}`}
    >
      <div className="space-y-1">
        <p className="text-xs font-medium uppercase tracking-wider text-muted">{live ? t("now") : t("heading")}</p>
        <h2 id="next-meeting-heading" className="font-serif text-2xl font-semibold">
          <Link href={meeting.href} className="hover:text-accent">
            {meeting.title}
          </Link>
        </h2>
      </div>
      <MeetingTime startsAt={meeting.startsAt} durationMinutes={meeting.durationMinutes} timeZone={meeting.timeZone} size="medium" />
      {meeting.readingAssignment || meeting.location ? (
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          {meeting.readingAssignment ? (
            <>
              <dt className="font-medium text-muted">{t("readBy")}</dt>
              <dd className="text-ink">{meeting.readingAssignment}</dd>
            </>
          ) : null}
          {meeting.location ? (
            <>
              <dt className="font-medium text-muted">{t("where")}</dt>
              <dd className="text-ink">
                <MeetingLocation location={meeting.location} isLink={meeting.locationIsLink} compact />
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4 text-sm">
        <p className="text-muted">{attendance(meeting.viewerRsvp, meeting.goingCount, live)}</p>
        <Link
          href={meeting.href}
          className="rounded-md border border-line bg-white px-4 py-2 font-medium text-ink hover:bg-paper focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        >
          {live ? t("join") : meeting.viewerRsvp ? t("details") : t("sayIfComing")}
        </Link>
      </div>
    </section>
  );
}
