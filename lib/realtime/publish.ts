import "server-only";
import type { Server } from "socket.io";
import type { ReplyReactionsView } from "@/lib/discussion/reaction-kinds";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { envelopeOf } from "@/lib/discussion/spoilers";
import {
  roomChannel,
  meetingChannel,
  pollChannel,
  userChannel,
  type ClientToServerEvents,
  type InterServerEvents,
  type RoomStateView,
  type ServerToClientEvents,
  type MeetingMarkerView,
  type SocketData,
} from "./events";
import { emitToOtherNodes } from "./between-nodes";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

// The Socket.IO server is created by server.ts; route handlers live in Next's separate module
// graph and reach it through globalThis rather than an import.
const globalKey = Symbol.for("chapterhouse.realtime");
type GlobalWithRealtime = typeof globalThis & { [globalKey]?: RealtimeServer };

export function registerRealtimeServer(io: RealtimeServer | undefined): void {
  (globalThis as GlobalWithRealtime)[globalKey] = io;
}

function realtimeServer(): RealtimeServer | undefined {
  return (globalThis as GlobalWithRealtime)[globalKey];
}


/**
 * Sends a committed reply to everyone subscribed to its room. A reply with spoilers goes as its
 * envelope, without text (lib/discussion/spoilers.ts): each page that may read it fetches the
 * text through the reply's door. Call only after the write commits.
 */
export function publishReplyCreated(reply: ReplyView): void {
  realtimeServer()?.to(roomChannel(reply.roomId)).emit("reply:created", envelopeOf(reply));
}

/** Sends a changed reply (members' view; an envelope when it has spoilers) to its room. Call only after the write commits. */
export function publishReplyUpdated(reply: ReplyView): void {
  realtimeServer()?.to(roomChannel(reply.roomId)).emit("reply:updated", envelopeOf(reply));
}

/** Tells every open tab of one member that their progress in a book moved: their pages lift the veils now within reach. */
export function publishProgressChanged(input: { userId: string; bookId: string; reached: number }): void {
  realtimeServer()?.to(userChannel(input.userId)).emit("progress:changed", { bookId: input.bookId, reached: input.reached });
}

/** Sends a reply's reactions, as they now are, to its room. Call only after the write commits. */
export function publishReplyReactions(reactions: ReplyReactionsView): void {
  realtimeServer()?.to(roomChannel(reactions.roomId)).emit("reply:reactions", reactions);
}

export function publishRoomUpdated(room: RoomStateView): void {
  realtimeServer()?.to(roomChannel(room.roomId)).emit("room:updated", room);
}

/**
 * Tells each of these members, on every page they have open, that their unread counts in a club
 * changed; the pages fetch the new figures themselves (each member's differ). Call only after the
 * write commits.
 */
export function publishUnreadChanged(input: { clubId: string; userIds: string[] }): void {
  // An empty list would mean everyone to Socket.IO's to().
  if (input.userIds.length === 0) return;
  realtimeServer()?.to(input.userIds.map(userChannel)).emit("unread:changed", { clubId: input.clubId });
}

/** Tells every open tab of one member how many unread notifications they have now. Call only after the write commits. */
export function publishUnreadNotifications(userId: string, unread: number): void {
  realtimeServer()?.to(userChannel(userId)).emit("notifications:unread", { unread });
}

/** Tells everyone at a meeting which question is being discussed now. Call only after the write commits. */
export function publishMeetingMarker(marker: MeetingMarkerView): void {
  realtimeServer()?.to(meetingChannel(marker.meetingId)).emit("meeting:marker", marker);
}

/**
 * Tells every page showing a poll that it changed. Only the poll's id goes out, never a count:
 * each page reads the poll again through its door (socket poll:join), which leaves results out
 * while they are hidden. Call only after the write commits.
 */
export function publishPollChanged(input: { pollId: string }): void {
  realtimeServer()?.to(pollChannel(input.pollId)).emit("poll:changed", { pollId: input.pollId });
}

/**
 * Takes every live connection of a user out of a club's rooms and meetings, and tells their
 * pages. Rooms (and any `meetingIds` given) are left at once; the meetings each connection
 * joined are recorded on it with their club, so they are found without the caller listing them.
 * The promise settles once those are left too; it never rejects.
 */
export function revokeClubAccess(input: { userId: string; clubId: string; roomIds: string[]; meetingIds?: string[] }): Promise<void> {
  const io = realtimeServer();
  if (!io) return Promise.resolve();
  const sockets = io.in(userChannel(input.userId));
  const channels = [...input.roomIds.map(roomChannel), ...(input.meetingIds ?? []).map(meetingChannel)];
  if (channels.length > 0) sockets.socketsLeave(channels);
  sockets.emit("club:access-revoked", { clubId: input.clubId });
  return leaveClubMeetings(io, input).catch((error: unknown) => {
    console.error(error);
  });
}

async function leaveClubMeetings(io: RealtimeServer, input: { userId: string; clubId: string }): Promise<void> {
  const sockets = await io.in(userChannel(input.userId)).fetchSockets();
  for (const socket of sockets) {
    for (const [meetingId, clubId] of Object.entries(socket.data.meetingClubs ?? {})) {
      if (clubId === input.clubId) socket.leave(meetingChannel(meetingId));
    }
    for (const [pollId, clubId] of Object.entries(socket.data.pollClubs ?? {})) {
      if (clubId === input.clubId) socket.leave(pollChannel(pollId));
    }
  }
}

/**
 * Disconnects a user's live connections whose session ended: those signed in under a session
 * version below `versionBelow`, and the one session `sessionId`. Settles once they are closed;
 * never rejects.
 */
export async function disconnectEndedSessions(input: { userId: string; versionBelow?: number; sessionId?: string }): Promise<void> {
  const io = realtimeServer();
  if (!io) return;
  // The other nodes' cached standings of this user go too: their next socket event reads the database.
  emitToOtherNodes(io, "sessions:ended", { userId: input.userId });
  try {
    // Every node's connections of the user: a RemoteSocket's disconnect() goes through the adapter.
    const sockets = await io.in(userChannel(input.userId)).fetchSockets();
    for (const socket of sockets) {
      const { sessionVersion, sessionId } = socket.data;
      const versionEnded = input.versionBelow !== undefined && sessionVersion < input.versionBelow;
      if (versionEnded || (input.sessionId !== undefined && sessionId === input.sessionId)) socket.disconnect(true);
    }
  } catch (error) {
    console.error(error);
  }
}
