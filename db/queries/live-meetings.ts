import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { clubMembers } from "@/db/schema/clubs";
import { meetingAgenda, meetings } from "@/db/schema/meetings";
import { users } from "@/db/schema/users";

/** What a meeting's live view and its authorization need: whose it is, whether it still happens, and the marker. */
export async function getLiveMeetingState(input: { meetingId: string }) {
  const [row] = await getDb()
    .select({
      id: meetings.id,
      clubId: meetings.clubId,
      cancelledAt: meetings.cancelledAt,
      currentRoomId: meetings.currentRoomId,
    })
    .from(meetings)
    .where(eq(meetings.id, input.meetingId))
    .limit(1);
  return row ?? null;
}

export type UpdateMeetingMarkerResult =
  | { status: "changed" | "unchanged"; roomId: string | null }
  | { status: "not_found" }
  | { status: "cancelled" }
  | { status: "not_on_agenda" };

/**
 * Moves the "now discussing" marker. The meeting row is locked first, so a cancellation or an
 * agenda change that commits meanwhile is seen here, not after the marker was written.
 */
export async function updateMeetingMarker(input: { meetingId: string; roomId: string | null }): Promise<UpdateMeetingMarkerResult> {
  return getDb().transaction(async (tx) => {
    const [meeting] = await tx
      .select({ cancelledAt: meetings.cancelledAt, currentRoomId: meetings.currentRoomId })
      .from(meetings)
      .where(eq(meetings.id, input.meetingId))
      .for("update");
    if (!meeting) return { status: "not_found" };
    if (meeting.cancelledAt) return { status: "cancelled" };
    if (input.roomId !== null) {
      const [onAgenda] = await tx
        .select({ roomId: meetingAgenda.roomId })
        .from(meetingAgenda)
        .where(and(eq(meetingAgenda.meetingId, input.meetingId), eq(meetingAgenda.roomId, input.roomId)))
        .limit(1);
      if (!onAgenda) return { status: "not_on_agenda" };
    }
    if (meeting.currentRoomId === input.roomId) return { status: "unchanged", roomId: input.roomId };
    await tx.update(meetings).set({ currentRoomId: input.roomId }).where(eq(meetings.id, input.meetingId));
    return { status: "changed", roomId: input.roomId };
  });
}

/**
 * The names of the given users who are members of the meeting's club, by name. Someone whose
 * membership ended while a connection of theirs lingered is left out.
 */
export async function listMeetingAttendees(input: { meetingId: string; userIds: string[] }): Promise<{ id: string; name: string }[]> {
  if (input.userIds.length === 0) return [];
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(clubMembers, eq(clubMembers.userId, users.id))
    .innerJoin(meetings, and(eq(meetings.clubId, clubMembers.clubId), eq(meetings.id, input.meetingId)))
    .where(inArray(users.id, input.userIds))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}
