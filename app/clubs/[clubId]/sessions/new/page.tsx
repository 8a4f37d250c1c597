import type { Metadata } from "next";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { ModeratorsOnly } from "@/components/book/moderators-only";
import { SessionForm } from "@/components/session/session-form";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/page-data";
import { can } from "@/lib/permissions";
import { loadSessionForm } from "@/lib/sessions/service";
import { sessionLimits } from "@/lib/validation/sessions";
import { scheduleSessionAction } from "../actions";

type Props = { params: Promise<{ clubId: string }> };

export const metadata: Metadata = { title: "Schedule a meeting" };

export default async function NewSessionPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}/sessions/new`);
  const { club, book, role, rooms } = await loadOrNotFound(() => loadSessionForm({ clubId, userId: user.id }));
  const sessionsHref = `/clubs/${club.id}/sessions`;
  if (!can(role, "session:schedule")) {
    return <ModeratorsOnly what="schedule meetings" backHref={sessionsHref} backLabel="Back to the club's meetings" />;
  }

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: club.name, href: `/clubs/${club.id}` }, { label: "Meetings", href: sessionsHref }, { label: "Schedule a meeting" }]} />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Schedule a meeting</h1>
        <p className="text-muted">
          Set the time in your own time zone; every member sees it in theirs.
          {book ? (
            <>
              {" "}
              The agenda comes from the questions for <cite className="not-italic text-ink">{book.title}</cite>.
            </>
          ) : null}
        </p>
      </header>
      <SessionForm
        action={scheduleSessionAction.bind(null, club.id)}
        rooms={rooms}
        limits={sessionLimits}
        offerRepeat
        submitLabel="Schedule meeting"
        pendingLabel="Scheduling…"
        cancelHref={sessionsHref}
      />
    </div>
  );
}
