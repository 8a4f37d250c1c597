import { z } from "zod";
import { getLiveMeetingState, listMeetingAttendees, updateMeetingMarker } from "@/db/queries/live-meetings";
import type { ClubRole } from "@/db/schema/clubs";
import { requireClubAccess } from "@/lib/access";
import { AppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import type { PresentMember, MeetingMarkerView } from "@/lib/realtime/events";
import { publishMeetingMarker } from "@/lib/realtime/publish";
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
 * Resolves a meeting id from outside to its club and the caller's role there. A stranger, a
 * malformed id and a meeting that does not exist all look the same: not found.
 */
export async function requireMeetingAccess(input: { meetingId: unknown; userId: string }) {
  const parsed = uuidParam.safeParse(input.meetingId);
  if (!parsed.success) throw notFound(what);
  const meeting = await getLiveMeetingState({ meetingId: parsed.data });
  if (!meeting) throw notFound(what);
  const role: ClubRole = await requireClubAccess({ clubId: meeting.clubId, userId: input.userId, action: "meeting:view", what });
  return { meeting, role };
}

/**
 * A moderator marks the agenda question being discussed now (or clears the mark). Only after
 * the write commits does everyone at the meeting hear of it.
 */
export async function setMeetingMarker(input: { meetingId: unknown; userId: string; body: unknown }): Promise<MeetingMarkerView> {
  const { meeting, role } = await requireMeetingAccess(input);
  if (!can(role, "meeting:set-marker")) throw new AppError("forbidden", "Only the club's moderators can choose the question being discussed.");
  const { roomId } = parseInput(setMarkerInput, input.body);
  const result = await updateMeetingMarker({ meetingId: meeting.id, roomId });
  switch (result.status) {
    case "not_found":
      throw notFound(what);
    case "cancelled":
      throw new AppError("conflict", "This meeting was cancelled, so there is nothing to discuss in it.");
    case "not_on_agenda":
      throw new AppError("bad_request", "That question isn't on this meeting's agenda.", { roomId: "Not on the agenda." });
    case "unchanged":
      return { meetingId: meeting.id, roomId: result.roomId };
    case "changed": {
      const marker = { meetingId: meeting.id, roomId: result.roomId };
      publishMeetingMarker(marker);
      return marker;
    }
  }
}

/** What a live connection needs on joining a meeting, for a member of its club only. */
export async function loadMeetingForMember(input: { meetingId: unknown; userId: string }): Promise<{ meetingId: string; clubId: string; currentRoomId: string | null }> {
  const { meeting } = await requireMeetingAccess(input);
  return { meetingId: meeting.id, clubId: meeting.clubId, currentRoomId: meeting.currentRoomId };
}

/** The members behind a meeting's live connections, once each, by name. */
export async function listPresentMembers(input: { meetingId: string; userIds: string[] }): Promise<PresentMember[]> {
  return listMeetingAttendees({ meetingId: input.meetingId, userIds: [...new Set(input.userIds)] });
}
