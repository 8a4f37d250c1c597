import type { ReplyView } from "@/lib/reply-view";

/** What every acknowledgement carries back to the client. */
export type Ack<Data> = { ok: true; data: Data } | { ok: false; error: string };

export type ClientToServerEvents = {
  /** Subscribe to a room; the answer holds every reply after `afterSeq`, so a reconnect misses nothing. */
  "room:join": (payload: { roomId: string; afterSeq: number }, ack: (result: Ack<{ replies: ReplyView[] }>) => void) => void;
  "room:leave": (payload: { roomId: string }) => void;
};

/** A room's state that live clients follow: the lock banner, for now. */
export type RoomStateView = { roomId: string; locked: boolean };

export type ServerToClientEvents = {
  "reply:created": (reply: ReplyView) => void;
  /** An edit, delete, hide, unhide, pin or unpin: the reply as members now see it. */
  "reply:updated": (reply: ReplyView) => void;
  "room:updated": (room: RoomStateView) => void;
  "room:error": (payload: { roomId: string; message: string }) => void;
  /** The user was removed from (or left) the club: its rooms stop updating at once. */
  "club:access-revoked": (payload: { clubId: string }) => void;
};

export type SocketData = { userId: string };

export const roomChannel = (roomId: string) => `room:${roomId}`;
/** Every socket of one user joins this, so the server can reach all their tabs at once. */
export const userChannel = (userId: string) => `user:${userId}`;
