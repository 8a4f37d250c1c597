import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "./events";

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens the browser's live connection; the session cookie authenticates it. */
export function connectRealtime(): RealtimeSocket {
  return io({
    path: "/socket.io",
    transports: ["websocket", "polling"],
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
}
