import { z } from "zod";
import { getSessionMeetingState, listSessionAttendees, setSessionMarker } from "@/db/queries/session-marker";
import type { ClubRole } from "@/db/schema/clubs";
import { requireClubAccess } from "@/lib/club-access";
import { AppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { PresentMember, SessionMarkerView } from "@/lib/realtime/events";
import { publishSessionMarker } from "@/lib/realtime/publish";
import { parseInput } from "@/lib/validation/parse";
import { uuidParam } from "@/lib/validation/ids";

const what = "This meeting";

/** `{ roomId }` names the question to discuss now; `{ roomId: null }` clears the marker. */
const chooseQuestion = "Say which question is being discussed now.";
export const setMarkerInput = z.object(
  { roomId: z.union([z.uuid("That question could not be found."), z.null()], { error: chooseQuestion }) },
  { error: chooseQuestion },
);

/**
 * Resolves a session id from outside to its club and the caller's role there. A stranger, a
 * malformed id and a session that does not exist all look the same: not found.
 */
export async function requireSessionAccess(input: { sessionId: unknown; userId: string }) {
  const parsed = uuidParam.safeParse(input.sessionId);
  if (!parsed.success) throw notFound(what);
  const session = await getSessionMeetingState({ sessionId: parsed.data });
  if (!session) throw notFound(what);
  const role: ClubRole = await requireClubAccess({ clubId: session.clubId, userId: input.userId, action: "session:view", what });
  return { session, role };
}

/**
 * A moderator marks the agenda question being discussed now (or clears the mark). Only after
 * the write commits does everyone at the meeting hear of it.
 */
export async function setMeetingMarker(input: { sessionId: unknown; userId: string; body: unknown }): Promise<SessionMarkerView> {
  const { session, role } = await requireSessionAccess(input);
  if (!can(role, "session:set-marker")) throw new AppError("forbidden", "Only the club's moderators can choose the question being discussed.");
  const { roomId } = parseInput(setMarkerInput, input.body);
  const result = await setSessionMarker({ sessionId: session.id, roomId });
  switch (result.status) {
    case "not_found":
      throw notFound(what);
    case "cancelled":
      throw new AppError("conflict", "This meeting was cancelled, so there is nothing to discuss in it.");
    case "not_on_agenda":
      throw new AppError("bad_request", "That question isn't on this meeting's agenda.", { roomId: "Not on the agenda." });
    case "unchanged":
      return { sessionId: session.id, roomId: result.roomId };
    case "changed": {
      const marker = { sessionId: session.id, roomId: result.roomId };
      publishSessionMarker(marker);
      return marker;
    }
  }
}

/** What a live connection needs on joining a meeting, for a member of its club only. */
export async function loadMeetingForMember(input: { sessionId: unknown; userId: string }): Promise<{ sessionId: string; clubId: string; currentRoomId: string | null }> {
  const { session } = await requireSessionAccess(input);
  return { sessionId: session.id, clubId: session.clubId, currentRoomId: session.currentRoomId };
}

/** The members behind a meeting's live connections, once each, by name. */
export async function listMeetingAttendees(input: { sessionId: string; userIds: string[] }): Promise<PresentMember[]> {
  return listSessionAttendees({ sessionId: input.sessionId, userIds: [...new Set(input.userIds)] });
}
