import Link from "next/link";
import type { RsvpStatus } from "@/db/schema/sessions";
import { SessionTimeCompact } from "./session-time";

export type SessionListEntry = {
  id: string;
  clubId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  readingAssignment: string | null;
  cancelledAt: string | null;
  goingCount: number;
  viewerRsvp: RsvpStatus | null;
};

export const rsvpLabel: Record<RsvpStatus, string> = { going: "You're going", maybe: "You might come", not_going: "You're not going" };

/** Meetings as a list of links, each with its time in the reader's zone and whether they're coming. */
export function SessionList({ sessions, showRsvp }: { sessions: SessionListEntry[]; showRsvp: boolean }) {
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
      {sessions.map((session) => {
        const cancelled = session.cancelledAt !== null;
        return (
          <li key={session.id}>
            <Link
              href={`/clubs/${session.clubId}/sessions/${session.id}`}
              className="block px-4 py-3.5 hover:bg-paper focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent sm:px-5"
            >
              <span className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <span className={`font-medium ${cancelled ? "text-muted" : "text-ink"}`}>{session.title}</span>
                {cancelled ? (
                  <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-danger">Cancelled</span>
                ) : showRsvp && session.viewerRsvp ? (
                  <span className="text-xs text-muted">{rsvpLabel[session.viewerRsvp]}</span>
                ) : null}
              </span>
              <span className="mt-0.5 block text-sm text-ink/80">
                <SessionTimeCompact startsAt={session.startsAt} durationMinutes={session.durationMinutes} timeZone={session.timeZone} cancelled={cancelled} />
              </span>
              {session.readingAssignment || (!cancelled && session.goingCount > 0) ? (
                <span className="mt-0.5 block text-sm text-muted">
                  {[session.readingAssignment ? `Reading: ${session.readingAssignment}` : null, !cancelled && session.goingCount > 0 ? `${session.goingCount} going` : null]
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
