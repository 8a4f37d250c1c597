import type { ReplyView } from "@/lib/reply-view";

/** What every acknowledgement carries back to the client. */
export type Ack<Data> = { ok: true; data: Data } | { ok: false; error: string };

export type ClientToServerEvents = {
  /** Subscribe to a room; the answer holds every reply after `afterSeq`, so a reconnect misses nothing. */
  "room:join": (payload: { roomId: string; afterSeq: number }, ack: (result: Ack<{ replies: ReplyView[] }>) => void) => void;
  "room:leave": (payload: { roomId: string }) => void;
};

export type ServerToClientEvents = {
  "reply:created": (reply: ReplyView) => void;
  "room:error": (payload: { roomId: string; message: string }) => void;
};

export type SocketData = { userId: string };

export const roomChannel = (roomId: string) => `room:${roomId}`;
