"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { cancelMeeting, editMeeting, scheduleMeeting, setRsvp } from "@/lib/meetings/schedule";
import { meetingHref, type RsvpSummary } from "@/lib/meetings/views";
import type { MeetingValues, RsvpValue, ScheduleMeetingValues } from "@/lib/validation/meetings";

function refreshClub(clubId: string) {
  // The club page, the Meetings list and every meeting page show what changed.
  revalidatePath(`/clubs/${clubId}`, "layout");
  revalidatePath("/");
}

export async function scheduleMeetingAction(clubId: string, values: ScheduleMeetingValues): Promise<Outcome<{ href: string }>> {
  const result = await runAction((user) => scheduleMeeting({ clubId, userId: user.id, body: values }));
  if (!result.ok) return result;
  const { clubId: id, meetingIds } = result.data;
  refreshClub(id);
  const [first] = meetingIds;
  return { ok: true, data: { href: first ? meetingHref(id, first) : `/clubs/${id}/meetings` } };
}

export async function editMeetingAction(clubId: string, meetingId: string, values: MeetingValues): Promise<Outcome<{ href: string }>> {
  const result = await runAction((user) => editMeeting({ clubId, meetingId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refreshClub(result.data.clubId);
  return { ok: true, data: { href: meetingHref(result.data.clubId, result.data.meetingId) } };
}

export async function cancelMeetingAction(clubId: string, meetingId: string): Promise<Outcome<{ meetingId: string }>> {
  const result = await runAction((user) => cancelMeeting({ clubId, meetingId, userId: user.id }));
  if (!result.ok) return result;
  refreshClub(result.data.clubId);
  return { ok: true, data: { meetingId: result.data.meetingId } };
}

export async function setRsvpAction(
  clubId: string,
  meetingId: string,
  status: RsvpValue,
): Promise<Outcome<{ status: RsvpValue; summary: RsvpSummary }>> {
  const result = await runAction((user) => setRsvp({ clubId, meetingId, userId: user.id, body: status }));
  if (result.ok) refreshClub(clubId);
  return result;
}
