import type { Server } from "socket.io";
import type { ReplyView } from "@/lib/reply-view";
import { roomChannel, type ClientToServerEvents, type ServerToClientEvents, type SocketData } from "./events";

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
