import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { clubMembers } from "@/db/schema/clubs";
import { sessionAgenda, sessions } from "@/db/schema/sessions";
import { users } from "@/db/schema/users";

/** What a meeting's live view and its authorization need: whose it is, whether it still happens, and the marker. */
export async function getSessionMeetingState(input: { sessionId: string }) {
  const [row] = await getDb()
    .select({
      id: sessions.id,
      clubId: sessions.clubId,
      cancelledAt: sessions.cancelledAt,
      currentRoomId: sessions.currentRoomId,
    })
    .from(sessions)
    .where(eq(sessions.id, input.sessionId))
    .limit(1);
  return row ?? null;
}

export type SetSessionMarkerResult =
  | { status: "changed" | "unchanged"; roomId: string | null }
  | { status: "not_found" }
  | { status: "cancelled" }
  | { status: "not_on_agenda" };

/**
 * Moves the "now discussing" marker. The session row is locked first, so a cancellation or an
 * agenda change that commits meanwhile is seen here, not after the marker was written.
 */
export async function setSessionMarker(input: { sessionId: string; roomId: string | null }): Promise<SetSessionMarkerResult> {
  return getDb().transaction(async (tx) => {
    const [session] = await tx
      .select({ cancelledAt: sessions.cancelledAt, currentRoomId: sessions.currentRoomId })
      .from(sessions)
      .where(eq(sessions.id, input.sessionId))
      .for("update");
    if (!session) return { status: "not_found" };
    if (session.cancelledAt) return { status: "cancelled" };
    if (input.roomId !== null) {
      const [onAgenda] = await tx
        .select({ roomId: sessionAgenda.roomId })
        .from(sessionAgenda)
        .where(and(eq(sessionAgenda.sessionId, input.sessionId), eq(sessionAgenda.roomId, input.roomId)))
        .limit(1);
      if (!onAgenda) return { status: "not_on_agenda" };
    }
    if (session.currentRoomId === input.roomId) return { status: "unchanged", roomId: input.roomId };
    await tx.update(sessions).set({ currentRoomId: input.roomId }).where(eq(sessions.id, input.sessionId));
    return { status: "changed", roomId: input.roomId };
  });
}

/**
 * The names of the given users who are members of the meeting's club, by name. Someone whose
 * membership ended while a connection of theirs lingered is left out.
 */
export async function listSessionAttendees(input: { sessionId: string; userIds: string[] }): Promise<{ id: string; name: string }[]> {
  if (input.userIds.length === 0) return [];
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(clubMembers, eq(clubMembers.userId, users.id))
    .innerJoin(sessions, and(eq(sessions.clubId, clubMembers.clubId), eq(sessions.id, input.sessionId)))
    .where(inArray(users.id, input.userIds))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}
