import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "Change a meeting" };

export default async function EditMeetingPage({ params }: Props) {
  const { clubId, meetingId } = await params;
  const user = await requireUser(`/clubs/${clubId}/meetings/${meetingId}/edit`);
  const { club, role, rooms, meeting, initial, shape } = await loadOrNotFound(() => loadMeetingForm({ clubId, userId: user.id, meetingId }));
  if (!meeting || !initial) return null;
  const href = meetingHref(club.id, meeting.id);
  if (!can(role, "meeting:schedule")) {
    return <ModeratorsOnly what="change meetings" backHref={href} backLabel="Back to the meeting" />;
  }

  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { label: club.name, href: `/clubs/${club.id}` },
          { label: "Meetings", href: `/clubs/${club.id}/meetings` },
          { label: meeting.title, href },
          { label: "Change" },
        ]}
      />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Change this meeting</h1>
        <p className="text-muted">
          {meeting.seriesId ? "This meeting is one of a series; what you change here applies to this one only. " : ""}
          Members&apos; calendars pick up the change the next time they refresh.
        </p>
      </header>
      {meeting.cancelledAt ? (
        <div className="space-y-2 rounded-lg border border-line bg-white p-5 shadow-sm">
          <p>This meeting was cancelled, so it can&apos;t be changed. Schedule a new one instead.</p>
          <Link href={`/clubs/${club.id}/meetings/new`} className="text-accent hover:underline">
            Schedule a meeting
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
          submitLabel="Save changes"
          pendingLabel="Saving…"
          cancelHref={href}
        />
      )}
    </div>
  );
}
