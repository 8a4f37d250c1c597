import type { Locale } from "@/lib/i18n/locales";
import type { ReplyReactionsView } from "@/lib/discussion/reaction-kinds";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { PollView } from "@/lib/polls/views";

import type { Outcome, WireError } from "@/lib/doors/outcome";

/**
 * What every acknowledgement carries back to the client: the same Outcome as a server action's.
 * Every client→server event goes through lib/doors/socket.ts, which answers it.
 */
export type Ack<Data> = Outcome<Data>;

export type ClientToServerEvents = {
  /**
   * Subscribe to a room; the answer holds the first page of replies after `afterSeq` (at most
   * 200) and, when more were missed, `next`: the cursor for GET /api/rooms/:id/replies, so a
   * reconnect misses nothing. Null when caught up.
   */
  "room:join": (payload: { roomId: string; afterSeq: number }, ack: (result: Ack<{ replies: ReplyView[]; next: string | null }>) => void) => void;
  /**
   * The user is typing a reply in a room (`typing: true`, sent again every few seconds while
   * they type) or stopped (`false`: posted, cleared, left). Each one re-checks membership;
   * the answer, if asked for, is null.
   */
  "room:typing": (payload: { roomId: string; typing: boolean }, ack?: (result: Ack<null>) => void) => void;
  /** Stop hearing a room. The answer, if asked for, is null, or not-found for a room the user cannot see. */
  "room:leave": (payload: { roomId: string }, ack?: (result: Ack<null>) => void) => void;
  /** Be counted as here in a meeting and follow its marker; the answer is who is here and what is being discussed. */
  "meeting:join": (payload: { meetingId: string }, ack: (result: Ack<MeetingJoinView>) => void) => void;
  /** Stop being counted at a meeting. The answer, if asked for, is null, or not-found for a meeting the user cannot see. */
  "meeting:leave": (payload: { meetingId: string }, ack?: (result: Ack<null>) => void) => void;
  /**
   * Follow a poll's changes; the answer is the poll as this member may see it now (results left
   * out while hidden). Sent again to read it after each "poll:changed".
   */
  "poll:join": (payload: { clubId: string; pollId: string }, ack: (result: Ack<PollView>) => void) => void;
  /** Stop following a poll. The answer, if asked for, is null, or not-found for a poll the user cannot see. */
  "poll:leave": (payload: { clubId: string; pollId: string }, ack?: (result: Ack<null>) => void) => void;
};

/** Someone at a meeting, as the presence strip shows them. */
export type PresentMember = { id: string; name: string };

export type MeetingJoinView = { present: PresentMember[]; currentRoomId: string | null };

/** Who is at the meeting now: one entry per member, however many tabs they have open. */
export type MeetingPresenceView = { meetingId: string; present: PresentMember[] };

/** The question a moderator marked as being discussed now; null when they cleared it. */
export type MeetingMarkerView = { meetingId: string; roomId: string | null };

/**
 * Who has a room open now and who of them is typing, one entry per member however many tabs
 * they have, sent to the room whenever either changes (and to a page when it joins).
 */
export type RoomPresenceView = { roomId: string; present: PresentMember[]; typing: PresentMember[] };

/** A room's state that live clients follow: the lock banner, for now. */
export type RoomStateView = { roomId: string; locked: boolean };

export type ServerToClientEvents = {
  "reply:created": (reply: ReplyView) => void;
  /** An edit, delete, hide, unhide, pin or unpin: the reply as members now see it. */
  "reply:updated": (reply: ReplyView) => void;
  "room:updated": (room: RoomStateView) => void;
  /** A reply's reactions changed: every kind given, with who gave it. */
  "reply:reactions": (payload: ReplyReactionsView) => void;
  "room:presence": (payload: RoomPresenceView) => void;
  /** A refused room:join, for pages that joined without waiting for the ack: the one wire error. */
  "room:error": (payload: { roomId: string; error: WireError }) => void;
  /** The user was removed from (or left) the club: its rooms stop updating at once. */
  "club:access-revoked": (payload: { clubId: string }) => void;
  "meeting:presence": (payload: MeetingPresenceView) => void;
  "meeting:marker": (payload: MeetingMarkerView) => void;
  /** Sent on the member's own channel: their unread counts in this club changed; fetch them again. */
  "unread:changed": (payload: { clubId: string }) => void;
  /** Sent on the member's own channel: their progress in a book moved; veils up to `reached` lift. */
  "progress:changed": (payload: { bookId: string; reached: number }) => void;
  /** Sent on the member's own channel: how many of their notifications are unread now (the header's badge). */
  "notifications:unread": (payload: { unread: number }) => void;
  /** A poll changed (a vote, a proposal, closed, adopted): read it again with poll:join. Carries no count. */
  "poll:changed": (payload: { pollId: string }) => void;
};

/**
 * Events between app nodes (io.serverSideEmit through the adapter, lib/realtime/cluster.ts); with
 * one node they go nowhere. Never sent to a browser.
 */
export type InterServerEvents = {
  /** A connection on the sending node started or stopped typing in a room (lib/realtime/presence.ts). */
  "typing:mark": (mark: { roomId: string; socketId: string; userId: string; typing: boolean }) => void;
  /** A user's sessions changed on the sending node: forget the cached standing (lib/accounts/session-standing.ts). */
  "sessions:ended": (input: { userId: string }) => void;
};

export type SocketData = {
  userId: string;
  /** The session the handshake's token belongs to, and the user's session version it was signed in under. */
  sessionId: string;
  sessionVersion: number;
  /** The language this connection's answers are in: the member's choice, else the handshake's cookie or Accept-Language. */
  locale: Locale;
  /** The club of each meeting this socket joined (meeting id → club id), so a removal can find them without the database. */
  meetingClubs?: Record<string, string>;
  /** The club of each poll this socket follows (poll id → club id), likewise. */
  pollClubs?: Record<string, string>;
};

export const roomChannel = (roomId: string) => `room:${roomId}`;
export const roomIdOfChannel = (channel: string) => (channel.startsWith("room:") ? channel.slice("room:".length) : null);
export const meetingChannel = (meetingId: string) => `meeting:${meetingId}`;
/** The meeting id inside a channel name, or null for any other channel. */
export const meetingIdOfChannel = (channel: string) => (channel.startsWith("meeting:") ? channel.slice("meeting:".length) : null);
export const pollChannel = (pollId: string) => `poll:${pollId}`;
/** The poll id inside a channel name, or null for any other channel. */
export const pollIdOfChannel = (channel: string) => (channel.startsWith("poll:") ? channel.slice("poll:".length) : null);
/** Every socket of one user joins this, so the server can reach all their tabs at once. */
export const userChannel = (userId: string) => `user:${userId}`;
