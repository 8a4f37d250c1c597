import "server-only";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { MeetingMarkerView, RoomStateView } from "@/lib/realtime/events";
import { forgetSessionStanding } from "@/lib/accounts/session-standing";
import {
  disconnectEndedSessions,
  publishMeetingMarker,
  publishReplyCreated,
  publishReplyUpdated,
  publishRoomUpdated,
  revokeClubAccess,
} from "@/lib/realtime/publish";

/**
 * A change that live clients must hear about. Domain functions never broadcast: they return
 * these with their result, and the door sends them once the domain function has returned,
 * which is after its transaction committed. A write that fails or rolls back sends nothing.
 */
export type LiveEvent =
  | { type: "reply:created"; reply: ReplyView }
  | { type: "reply:updated"; reply: ReplyView }
  | { type: "room:updated"; room: RoomStateView }
  | { type: "meeting:marker"; marker: MeetingMarkerView }
  /** A member left or was removed: their open sockets leave the club's channels. */
  | { type: "club:access-revoked"; userId: string; clubId: string; roomIds: string[] }
  /**
   * Sessions of a user ended: those signed in under a session version below `versionBelow`
   * (password change, "sign out everywhere"), or the one with `sessionId` (plain sign-out).
   * Their open sockets are disconnected.
   */
  | { type: "sessions:ended"; userId: string; versionBelow?: number; sessionId?: string };

/** What an act hands back to its door: the value for the caller, and the events to send after commit. */
export type Done<Value> = { value: Value; events: LiveEvent[] };

export function done<Value>(value: Value, ...events: LiveEvent[]): Done<Value> {
  return { value, events };
}

/**
 * Sends committed changes to live clients, in order. Only doors call this (a dependency rule
 * keeps it so). Revocations are awaited, so a removal's door answers only once the removed
 * member's sockets are out of the club's channels.
 */
export async function deliverLiveEvents(events: readonly LiveEvent[]): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case "reply:created":
        publishReplyCreated(event.reply);
        break;
      case "reply:updated":
        publishReplyUpdated(event.reply);
        break;
      case "room:updated":
        publishRoomUpdated(event.room);
        break;
      case "meeting:marker":
        publishMeetingMarker(event.marker);
        break;
      case "club:access-revoked":
        await revokeClubAccess({ userId: event.userId, clubId: event.clubId, roomIds: event.roomIds });
        break;
      case "sessions:ended":
        // This node's next check reads the database; other nodes' caches expire within the bound.
        forgetSessionStanding(event.userId);
        await disconnectEndedSessions({ userId: event.userId, versionBelow: event.versionBelow, sessionId: event.sessionId });
        break;
    }
  }
}
