import Link from "next/link";
import type { NextSessionView } from "@/lib/sessions/service";
import { rsvpLabel } from "./session-list";
import { SessionLocation } from "./session-location";
import { SessionTime } from "./session-time";

type Props = {
  /** From loadNextSession({ clubId, userId }); null when nothing is planned. */
  session: NextSessionView | null;
  clubId: string;
  /** Moderators get a way to schedule one when nothing is planned. */
  canSchedule?: boolean;
};

function attendance(viewerRsvp: NextSessionView["viewerRsvp"], goingCount: number): string {
  if (viewerRsvp === "going") {
    const others = goingCount - 1;
    return others > 0 ? `You're going, with ${others} other${others === 1 ? "" : "s"}` : "You're going";
  }
  const mine = viewerRsvp ? rsvpLabel[viewerRsvp] : "You haven't said if you're coming";
  return goingCount > 0 ? `${mine} · ${goingCount} going` : mine;
}

/** The club's next meeting: when (in the reader's zone, with a countdown), what to read, and whether they're coming. */
export function NextSessionCard({ session, clubId, canSchedule = false }: Props) {
  if (!session) {
    return (
      <section aria-labelledby="next-session-heading" className="rounded-lg border border-dashed border-line bg-white/60 p-5 sm:p-6">
        <h2 id="next-session-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
          Next meeting
        </h2>
        <p className="mt-2 text-muted">No meeting is planned yet.</p>
        <div className="mt-3 flex flex-wrap gap-3 text-sm">
          {canSchedule ? (
            <Link href={`/clubs/${clubId}/sessions/new`} className="rounded-md bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong">
              Schedule a meeting
            </Link>
          ) : null}
          <Link href={`/clubs/${clubId}/sessions`} className="px-1 py-2 text-accent hover:underline">
            All meetings
          </Link>
        </div>
      </section>
    );
  }

  const live = session.phase === "live";
  return (
    <section
      aria-labelledby="next-session-heading"
      className={`space-y-4 rounded-lg border bg-white p-5 shadow-sm sm:p-6 ${live ? "border-accent/50 ring-1 ring-accent/30" : "border-line"}`}
    >
      <div className="space-y-1">
        <p className="text-xs font-medium uppercase tracking-wider text-muted">{live ? "Meeting now" : "Next meeting"}</p>
        <h2 id="next-session-heading" className="font-serif text-2xl font-semibold">
          <Link href={session.href} className="hover:text-accent">
            {session.title}
          </Link>
        </h2>
      </div>
      <SessionTime startsAt={session.startsAt} durationMinutes={session.durationMinutes} timeZone={session.timeZone} size="medium" />
      {session.readingAssignment || session.location ? (
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          {session.readingAssignment ? (
            <>
              <dt className="font-medium text-muted">Read by then</dt>
              <dd className="text-ink">{session.readingAssignment}</dd>
            </>
          ) : null}
          {session.location ? (
            <>
              <dt className="font-medium text-muted">Where</dt>
              <dd className="text-ink">
                <SessionLocation location={session.location} isLink={session.locationIsLink} compact />
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4 text-sm">
        <p className="text-muted">{attendance(session.viewerRsvp, session.goingCount)}</p>
        <Link
          href={session.href}
          className="rounded-md border border-line bg-white px-4 py-2 font-medium text-ink hover:bg-paper focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        >
          {live ? "Join the meeting" : session.viewerRsvp ? "Meeting details" : "Say if you're coming"}
        </Link>
      </div>
    </section>
  );
}
