import "server-only";
import type { ReplyReactionsView } from "@/lib/discussion/reaction-kinds";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { MeetingMarkerView, RoomStateView } from "@/lib/realtime/events";

/**
 * A change that live clients must hear about. Domain functions never broadcast: they return
 * these with their result, and the door sends them once the domain function has returned,
 * which is after its transaction committed. A write that fails or rolls back sends nothing.
 */
export type LiveEvent =
  | { type: "reply:created"; reply: ReplyView }
  | { type: "reply:updated"; reply: ReplyView }
  | { type: "room:updated"; room: RoomStateView }
  /** A reply's reactions changed: the room hears them as they now are. */
  | { type: "reply:reactions"; reactions: ReplyReactionsView }
  | { type: "meeting:marker"; marker: MeetingMarkerView }
  /** A club's unread counts changed for these members (a reply posted, deleted, hidden, read): their pages refresh them. */
  | { type: "unread:changed"; clubId: string; userIds: string[] }
  /** A member left or was removed: their open sockets leave the club's channels. */
  | { type: "club:access-revoked"; userId: string; clubId: string; roomIds: string[] }
  /**
   * Sessions of a user ended: those signed in under a session version below `versionBelow`
   * (password change, "sign out everywhere"), or the one with `sessionId` (plain sign-out).
   * Their open sockets are disconnected.
   */
  | { type: "sessions:ended"; userId: string; versionBelow?: number; sessionId?: string }
  /** A member's progress in a book moved: every tab of theirs lifts the veils now within reach. */
  | { type: "progress:changed"; userId: string; bookId: string; reached: number }
  /** These members' notifications changed (new, read, redacted): their badges get their new unread counts. */
  | { type: "notifications:changed"; userIds: string[] }
  /** A poll's votes, options or state changed: pages showing it read it again, each as its reader may see it. */
  | { type: "poll:changed"; pollId: string; clubId: string };

/** What an act hands back to its door: the value for the caller, and the events to send after commit. */
export type Done<Value> = { value: Value; events: LiveEvent[] };

export function done<Value>(value: Value, ...events: LiveEvent[]): Done<Value> {
  return { value, events };
}
