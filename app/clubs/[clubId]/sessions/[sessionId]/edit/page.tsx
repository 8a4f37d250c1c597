import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { ModeratorsOnly } from "@/components/book/moderators-only";
import { SessionForm } from "@/components/session/session-form";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/page-data";
import { can } from "@/lib/permissions";
import { loadSessionForm, sessionHref } from "@/lib/sessions/service";
import { sessionLimits } from "@/lib/validation/sessions";
import { editSessionAction } from "../../actions";

type Props = { params: Promise<{ clubId: string; sessionId: string }> };

export const metadata: Metadata = { title: "Change a meeting" };

export default async function EditSessionPage({ params }: Props) {
  const { clubId, sessionId } = await params;
  const user = await requireUser(`/clubs/${clubId}/sessions/${sessionId}/edit`);
  const { club, role, rooms, session, initial } = await loadOrNotFound(() => loadSessionForm({ clubId, userId: user.id, sessionId }));
  if (!session || !initial) return null;
  const href = sessionHref(club.id, session.id);
  if (!can(role, "session:schedule")) {
    return <ModeratorsOnly what="change meetings" backHref={href} backLabel="Back to the meeting" />;
  }

  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { label: club.name, href: `/clubs/${club.id}` },
          { label: "Meetings", href: `/clubs/${club.id}/sessions` },
          { label: session.title, href },
          { label: "Change" },
        ]}
      />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Change this meeting</h1>
        <p className="text-muted">
          {session.seriesId ? "This meeting is one of a series; what you change here applies to this one only. " : ""}
          Members&apos; calendars pick up the change the next time they refresh.
        </p>
      </header>
      {session.cancelledAt ? (
        <div className="space-y-2 rounded-lg border border-line bg-white p-5 shadow-sm">
          <p>This meeting was cancelled, so it can&apos;t be changed. Schedule a new one instead.</p>
          <Link href={`/clubs/${club.id}/sessions/new`} className="text-accent hover:underline">
            Schedule a meeting
          </Link>
        </div>
      ) : (
        <SessionForm
          action={editSessionAction.bind(null, club.id, session.id)}
          rooms={rooms}
          limits={sessionLimits}
          initial={initial}
          offerRepeat={false}
          submitLabel="Save changes"
          pendingLabel="Saving…"
          cancelHref={href}
        />
      )}
    </div>
  );
}
