// Resolving a meeting for a user: which club, which role, or not-found. Strangers learn nothing.
import { getClubWithBook } from "@/db/queries/clubs";
import { getClubMeeting, type MeetingRow } from "@/db/queries/meetings";
import type { ClubRole } from "@/db/schema/clubs";
import { requireClubPermission, requireMember } from "@/lib/access";
import { notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { uuidParam } from "@/lib/validation/ids";
import { scheduleRefusal } from "./views";


/** A member's role in the club, for reading its meetings; strangers find no club. */
export async function requireMeetingViewer(input: { clubId: unknown; userId: string }): Promise<{ clubId: string; role: ClubRole }> {
  const access = await requireMember(input);
  if (!can(access.role, "meeting:view")) throw notFound("This club");
  return access;
}

export async function requireScheduler(input: { clubId: unknown; userId: string }) {
  return requireClubPermission({ ...input, action: "meeting:schedule", refusal: scheduleRefusal });
}

/** The club's meeting with this id; a malformed id or another club's meeting is simply not found. */
export async function requireClubMeeting(input: { clubId: string; meetingId: unknown }): Promise<MeetingRow> {
  const parsed = uuidParam.safeParse(input.meetingId);
  if (!parsed.success) throw notFound("This meeting");
  const meeting = await getClubMeeting({ clubId: input.clubId, meetingId: parsed.data });
  if (!meeting) throw notFound("This meeting");
  return meeting;
}

export async function requireClub(clubId: string) {
  const club = await getClubWithBook({ clubId });
  if (!club) throw notFound("This club");
  return club;
}
