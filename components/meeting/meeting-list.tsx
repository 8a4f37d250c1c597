import Link from "next/link";
import { useTranslations } from "next-intl";
import type { RsvpValue } from "@/lib/validation/meetings";
import { MeetingTimeCompact } from "./meeting-time";

export type MeetingListEntry = {
  id: string;
  clubId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  readingAssignment: string | null;
  cancelledAt: string | null;
  goingCount: number;
  viewerRsvp: RsvpValue | null;
};

/** "You're going" / "Vas a venir": the reader's own answer, in their language. */
function YourRsvp({ status }: { status: RsvpValue }) {
  const t = useTranslations("meeting.yourRsvp");
  return <>{t(status)}</>;
}

/** Meetings as a list of links, each with its time in the reader's zone and whether they're coming. */
export function MeetingList({ meetings, showRsvp }: { meetings: MeetingListEntry[]; showRsvp: boolean }) {
  const t = useTranslations("meeting.list");
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
      {meetings.map((meeting) => {
        const cancelled = meeting.cancelledAt !== null;
        return (
          <li key={meeting.id}>
            <Link
              href={`/clubs/${meeting.clubId}/meetings/${meeting.id}`}
              className="block px-4 py-3.5 hover:bg-paper focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent sm:px-5"
            >
              <span className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <span className={`font-medium ${cancelled ? "text-muted" : "text-ink"}`}>{meeting.title}</span>
                {cancelled ? (
                  <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-danger">{t("cancelled")}</span>
                ) : showRsvp && meeting.viewerRsvp ? (
                  <span className="text-xs text-muted">
                    <YourRsvp status={meeting.viewerRsvp} />
                  </span>
                ) : null}
              </span>
              <span className="mt-0.5 block text-sm text-ink/80">
                <MeetingTimeCompact startsAt={meeting.startsAt} durationMinutes={meeting.durationMinutes} timeZone={meeting.timeZone} cancelled={cancelled} />
              </span>
              {meeting.readingAssignment || (!cancelled && meeting.goingCount > 0) ? (
                <span className="mt-0.5 block text-sm text-muted">
                  {[
                    meeting.readingAssignment ? t("reading", { assignment: meeting.readingAssignment }) : null,
                    !cancelled && meeting.goingCount > 0 ? t("going", { count: meeting.goingCount }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
