import "server-only";
import { onSocketEvent, type ServerSocket } from "@/lib/doors/socket";
import { notFound } from "@/lib/errors";
import { loadMeetingForMember } from "@/lib/meetings/live";
import { meetingChannel } from "../events";
import type { Presence } from "../presence";

// A meeting's live channel: being counted as here (presence) and following the marker. As with
// rooms, every event checks membership of the meeting it names.

const what = "meeting";

/** True while the user may attend the meeting; false once they may not (or the check itself failed). */
export async function mayAttendMeeting(input: { meetingId: string; userId: string }): Promise<boolean> {
  return loadMeetingForMember(input).then(
    () => true,
    () => false,
  );
}

export function registerMeetingHandlers(socket: ServerSocket, presence: Presence): void {
  /**
   * `{ meetingId }` → `{ present, currentRoomId }`: who is here (this socket included, and
   * everyone else is told) and the question marked as discussed now. A refusal leaves the channel.
   */
  onSocketEvent(
    socket,
    "meeting:join",
    async ({ payload, userId }) => {
      const meetingId = payload.meetingId;
      // The door refuses any malformed id; a string is needed first to name the channel.
      if (typeof meetingId !== "string") throw notFound(what);
      const meeting = await loadMeetingForMember({ meetingId, userId });
      await socket.join(meetingChannel(meeting.meetingId));
      // Kept on the socket so a removal from the club finds this meeting without the database.
      socket.data.meetingClubs = { ...socket.data.meetingClubs, [meeting.meetingId]: meeting.clubId };
      // As with rooms: a removal that committed before the join would have missed this socket.
      // Read after joining, the marker cannot fall between this answer and the next broadcast.
      const current = await loadMeetingForMember({ meetingId, userId });
      const present = await presence.refresh(meeting.meetingId);
      return { present, currentRoomId: current.currentRoomId };
    },
    {
      onFailure: async ({ payload }) => {
        if (typeof payload.meetingId === "string") await socket.leave(meetingChannel(payload.meetingId));
      },
    },
  );

  /** `{ meetingId }` → null. Leaving always happens; the answer is not-found for a meeting the user cannot see. */
  onSocketEvent(socket, "meeting:leave", async ({ payload, userId }) => {
    const meetingId = payload.meetingId;
    if (typeof meetingId !== "string") throw notFound(what);
    // Leaving only stops delivery (and presence follows through the adapter): it needs no permission.
    await socket.leave(meetingChannel(meetingId));
    await loadMeetingForMember({ meetingId, userId });
    return null;
  });
}
