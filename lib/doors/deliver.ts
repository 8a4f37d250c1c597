import "server-only";
import { countUnreadNotificationsOf } from "@/db/queries/notifications";
import { forgetSessionStanding } from "@/lib/accounts/session-standing";
import {
  disconnectEndedSessions,
  publishMeetingMarker,
  publishPollChanged,
  publishProgressChanged,
  publishUnreadNotifications,
  publishReplyCreated,
  publishReplyReactions,
  publishReplyUpdated,
  publishRoomUpdated,
  publishUnreadChanged,
  revokeClubAccess,
} from "@/lib/realtime/publish";
import type { LiveEvent } from "./live";

/**
 * Sends committed changes to live clients, in order. Only lib/doors/door.ts calls this, after
 * the act returned (a dependency rule in .dependency-cruiser.cjs keeps it so). Revocations are
 * awaited, so a removal's door answers only once the removed member's sockets are out of the
 * club's channels.
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
      case "reply:reactions":
        publishReplyReactions(event.reactions);
        break;
      case "room:updated":
        publishRoomUpdated(event.room);
        break;
      case "unread:changed":
        publishUnreadChanged({ clubId: event.clubId, userIds: event.userIds });
        break;
      case "poll:changed":
        publishPollChanged({ pollId: event.pollId });
        break;
      case "meeting:marker":
        publishMeetingMarker(event.marker);
        break;
      case "club:access-revoked":
        await revokeClubAccess({ userId: event.userId, clubId: event.clubId, roomIds: event.roomIds });
        break;
      case "sessions:ended":
        // This node's next check reads the database; disconnectEndedSessions tells the other nodes to forget theirs too.
        forgetSessionStanding(event.userId);
        await disconnectEndedSessions({ userId: event.userId, versionBelow: event.versionBelow, sessionId: event.sessionId });
        break;
      case "progress:changed":
        publishProgressChanged({ userId: event.userId, bookId: event.bookId, reached: event.reached });
        break;
      case "notifications:changed": {
        // Counted after the commit, so each badge shows what that member's page would now show.
        if (event.userIds.length === 0) break;
        const counts = await countUnreadNotificationsOf({ userIds: event.userIds });
        for (const [userId, unread] of counts) publishUnreadNotifications(userId, unread);
        break;
      }
    }
  }
}
