import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Schedule a meeting" };

export default async function NewMeetingPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}/meetings/new`);
  const { club, book, role, rooms, shape } = await loadOrNotFound(() => loadMeetingForm({ clubId, userId: user.id }));
  const meetingsHref = `/clubs/${club.id}/meetings`;
  if (!can(role, "meeting:schedule")) {
    return <ModeratorsOnly what="schedule meetings" backHref={meetingsHref} backLabel="Back to the club's meetings" />;
  }

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: club.name, href: `/clubs/${club.id}` }, { label: "Meetings", href: meetingsHref }, { label: "Schedule a meeting" }]} />
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
      <MeetingForm
        action={scheduleMeetingAction.bind(null, club.id)}
        rooms={rooms}
        shape={shape}
        limits={meetingLimits}
        offerRepeat
        submitLabel="Schedule meeting"
        pendingLabel="Scheduling…"
        cancelHref={meetingsHref}
      />
    </div>
  );
}
