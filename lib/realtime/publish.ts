import type { Server } from "socket.io";
import type { ReplyView } from "@/lib/reply-view";
import {
  roomChannel,
  userChannel,
  type ClientToServerEvents,
  type RoomStateView,
  type ServerToClientEvents,
  type SocketData,
} from "./events";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

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

/** Sends a committed reply to everyone subscribed to its room. Call only after the write commits. */
export function publishReplyCreated(reply: ReplyView): void {
  realtimeServer()?.to(roomChannel(reply.roomId)).emit("reply:created", reply);
}

/** Sends a changed reply (members' view) to its room. Call only after the write commits. */
export function publishReplyUpdated(reply: ReplyView): void {
  realtimeServer()?.to(roomChannel(reply.roomId)).emit("reply:updated", reply);
}

export function publishRoomUpdated(room: RoomStateView): void {
  realtimeServer()?.to(roomChannel(room.roomId)).emit("room:updated", room);
}

/** Takes every live connection of a user out of a club's rooms, at once, and tells their pages. */
export function revokeClubAccess(input: { userId: string; clubId: string; roomIds: string[] }): void {
  const io = realtimeServer();
  if (!io) return;
  const sockets = io.in(userChannel(input.userId));
  if (input.roomIds.length > 0) sockets.socketsLeave(input.roomIds.map(roomChannel));
  sockets.emit("club:access-revoked", { clubId: input.clubId });
}
