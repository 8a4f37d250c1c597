import "server-only";
import { z } from "zod";
import { getLiveMeetingState, listMeetingAttendees, updateMeetingMarker } from "@/db/queries/live-meetings";
import { ensure, resolveMeeting } from "@/lib/access";
import { loadClubNames } from "@/lib/accounts/name-labels";
import { door } from "@/lib/doors/door";
import { done, type Done } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { meetingParams } from "@/lib/validation/meetings";
import type { PresentMember, MeetingMarkerView } from "@/lib/realtime/events";
import { errorKey, errorText } from "@/lib/i18n/error-text";

// The doors of a meeting's live view: joining it (the socket's meeting:join) and the
// moderator's "now discussing" marker. Each is a door (lib/doors/door.ts): the id parsed, the
// meeting resolved for the caller, the payload parsed, the act, then its live events.

const what = "meeting";


/** `{ roomId }` names the question to discuss now; `{ roomId: null }` clears the marker. */
const chooseQuestion = errorKey("meeting.chooseQuestion");
const setMarkerInput = z.object(
  { roomId: z.union([z.uuid(errorKey("notFound.agendaQuestion")), z.null()], { error: chooseQuestion }) },
  { error: chooseQuestion },
);

/**
 * A moderator marks the agenda question being discussed now (`body: { roomId }`) or clears the
 * mark (`{ roomId: null }`); the answer is the marker as stored. Only a change is sent to
 * everyone at the meeting, once the write committed. Members are forbidden; strangers find no
 * meeting; a question off the agenda is a 400 on `roomId`; a cancelled meeting is a conflict.
 */
export const setMeetingMarker = door({
  params: meetingParams,
  what,
  resolve: async ({ params, userId }) => {
    const access = await resolveMeeting({ meetingId: params.meetingId, userId });
    ensure(can(access.role, "meeting:set-marker"), errorText("meeting.refuseMarker"));
    return access;
  },
  body: setMarkerInput,
  act: async ({ params, body }): Promise<Done<MeetingMarkerView>> => {
    const result = await updateMeetingMarker({ meetingId: params.meetingId, roomId: body.roomId });
    switch (result.status) {
      case "not_found":
        throw notFound(what);
      case "cancelled":
        throw new AppError("conflict", errorText("meeting.cancelledNoMarker"));
      case "not_on_agenda":
        throw new AppError("bad_request", errorText("meeting.notOnAgenda"), { roomId: errorText("meeting.notOnAgendaField") });
      case "unchanged":
        return done({ meetingId: params.meetingId, roomId: result.roomId });
      case "changed": {
        const marker = { meetingId: params.meetingId, roomId: result.roomId };
        return done(marker, { type: "meeting:marker", marker });
      }
    }
  },
});

/**
 * What a live connection needs on joining a meeting, for a member of its club only: its club
 * (so a removal can find the connection) and the question marked as discussed now, read fresh.
 */
export const loadMeetingForMember = door({
  params: meetingParams,
  what,
  resolve: ({ params, userId }) => resolveMeeting({ meetingId: params.meetingId, userId }),
  act: async ({ params }): Promise<Done<{ meetingId: string; clubId: string; currentRoomId: string | null }>> => {
    const meeting = await getLiveMeetingState({ meetingId: params.meetingId });
    if (!meeting) throw notFound(what);
    return done({ meetingId: meeting.id, clubId: meeting.clubId, currentRoomId: meeting.currentRoomId });
  },
});

/** The members behind a meeting's live connections, once each, by name. Not an entry point: the ids come from the server's own sockets. */
export async function listPresentMembers(input: { meetingId: string; userIds: string[] }): Promise<PresentMember[]> {
  const [present, meeting] = await Promise.all([
    listMeetingAttendees({ meetingId: input.meetingId, userIds: [...new Set(input.userIds)] }),
    getLiveMeetingState({ meetingId: input.meetingId }),
  ]);
  if (!meeting || present.length === 0) return present;
  // Named as the club tells look-alike names apart (lib/accounts/name-labels.ts).
  const names = await loadClubNames(meeting.clubId);
  return present.map((member) => ({ id: member.id, name: names.get(member.id) ?? member.name }));
}
