import "server-only";
import { namePresentMembers } from "@/lib/discussion/room-presence";
import { listPresentMembers } from "@/lib/meetings/live";
import { meetingChannel, meetingIdOfChannel, roomChannel, roomIdOfChannel, type PresentMember, type RoomPresenceView } from "./events";
import { emitToOtherNodes } from "./between-nodes";
import type { RealtimeServer } from "./publish";

// Who is where, for "Here now" and "Ruth is typing…". Everything this node knows about it is in
// this module: the connections come from the adapter (io.in(channel).fetchSockets(), every
// node's), and the typing marks live in the map below. Each node holds every node's marks: a
// mark set here is sent to the others (serverSideEmit "typing:mark") and theirs arrive here, so
// whichever node works out a room's list sees all typists. A mark whose connection is gone is
// dropped by the next list (it is checked against the sockets fetched) or when it expires.

export type Presence = {
  /** Works out who is at the meeting now and sends it to everyone there; resolves with the list sent. */
  refresh(meetingId: string): Promise<PresentMember[]>;
};

export type RoomPresence = {
  /** Works out who has the room open and who of them is typing, and sends it to everyone in the room. */
  refresh(roomId: string): Promise<RoomPresenceView>;
  /**
   * Marks one connection as typing in a room (`typing: true`, for `typingMs` from now, renewed by
   * each mark) or not (`false`). Sends the room a new list only when who is typing changed.
   */
  setTyping(input: { roomId: string; socketId: string; userId: string; typing: boolean }): void;
};

/** How long a typing mark lasts without a renewal, in milliseconds: the page renews it every 3 s while keys are pressed. */
const defaultTypingMs = 6_000;

/**
 * Runs `work` for a key one at a time; calls that arrive while one runs share the next run, so
 * an older answer never lands after a newer one and a burst of changes costs two runs, not many.
 */
function latestOnly<Result>(work: (key: string) => Promise<Result>): (key: string) => Promise<Result> {
  type Queue = { next: Promise<Result> | null; tail: Promise<unknown> };
  const queues = new Map<string, Queue>();
  return (key) => {
    const queue = queues.get(key) ?? { next: null, tail: Promise.resolve() };
    queues.set(key, queue);
    if (queue.next) return queue.next;
    const run = queue.tail.then(() => {
      queue.next = null;
      return work(key);
    });
    queue.next = run;
    const tail = run.catch((error: unknown) => console.error(error));
    queue.tail = tail;
    void tail.then(() => {
      if (queue.tail === tail) queues.delete(key);
    });
    return run;
  };
}

/**
 * Keeps each meeting's "here now" list current. The list is worked out from the sockets in the
 * meeting's channel (so two tabs count once, and a member stays until their last tab goes) and
 * sent to everyone there.
 */
export function trackPresence(io: RealtimeServer): Presence {
  const refresh = latestOnly(async (meetingId) => {
    const channel = meetingChannel(meetingId);
    const sockets = await io.in(channel).fetchSockets();
    const present = await listPresentMembers({ meetingId, userIds: sockets.map((socket) => socket.data.userId) });
    io.to(channel).emit("meeting:presence", { meetingId, present });
    return present;
  });

  // Every way out of a channel (meeting:leave, a closed tab, a removal from the club) passes
  // through the adapter; joins are announced by meeting:join once the membership check passed.
  io.of("/").adapter.on("leave-room", (channel: string) => {
    const meetingId = meetingIdOfChannel(channel);
    if (meetingId) refresh(meetingId).catch(() => undefined);
  });

  return { refresh };
}

/**
 * Keeps each room's "Here now" and typing lists current, as trackPresence does for meetings:
 * worked out from the room channel's sockets (two tabs count once; a member stays until their
 * last tab goes) and sent to the room on every change. A typing mark belongs to one connection
 * and goes when it expires, when that connection leaves the room (room:leave, a closed tab, a
 * removal from the club: all pass through the adapter's leave-room), or when its page says so.
 */
export function trackRoomPresence(io: RealtimeServer, options: { typingMs?: number } = {}): RoomPresence {
  const typingMs = options.typingMs ?? defaultTypingMs;
  /** room id → socket id → the typing mark's user and expiry timer (this node's connections' and other nodes'). */
  const typing = new Map<string, Map<string, { userId: string; timer: ReturnType<typeof setTimeout> }>>();

  const refresh = latestOnly(async (roomId): Promise<RoomPresenceView> => {
    const channel = roomChannel(roomId);
    const sockets = await io.in(channel).fetchSockets();
    const here = new Set(sockets.map((socket) => socket.id));
    const marks = typing.get(roomId);
    for (const [socketId, mark] of marks ?? []) {
      if (!here.has(socketId)) clearMark(roomId, socketId, mark.timer);
    }
    // Read with the sockets, before any wait: the list sent is one moment's truth, and any
    // change after it asks for the next run.
    const typingIds = new Set([...(typing.get(roomId)?.values() ?? [])].map((mark) => mark.userId));
    const present = await namePresentMembers({ roomId, userIds: sockets.map((socket) => socket.data.userId) });
    const view: RoomPresenceView = { roomId, present, typing: present.filter((member) => typingIds.has(member.id)) };
    io.to(channel).emit("room:presence", view);
    return view;
  });

  function clearMark(roomId: string, socketId: string, timer: ReturnType<typeof setTimeout>): void {
    clearTimeout(timer);
    const marks = typing.get(roomId);
    marks?.delete(socketId);
    if (marks?.size === 0) typing.delete(roomId);
  }

  /** The users typing in a room now, for telling whether a change is worth sending. */
  const typingUsers = (roomId: string) =>
    [...new Set([...(typing.get(roomId)?.values() ?? [])].map((mark) => mark.userId))].sort().join(",");

  /**
   * Records a mark. A mark of this node's connection (`local`) is sent to the other nodes, and
   * this node sends the room its new list when it changes or expires; another node's mark is
   * only recorded (its own node sends the lists), and expires here on the same clock.
   */
  function applyMark(input: { roomId: string; socketId: string; userId: string; typing: boolean }, local: boolean): void {
    const { roomId, socketId } = input;
    const before = typingUsers(roomId);
    const existing = typing.get(roomId)?.get(socketId);
    if (existing) clearMark(roomId, socketId, existing.timer);
    if (input.typing) {
      const timer = setTimeout(() => {
        const mark = typing.get(roomId)?.get(socketId);
        if (mark?.timer !== timer) return;
        clearMark(roomId, socketId, timer);
        if (local) refresh(roomId).catch(() => undefined);
      }, typingMs);
      timer.unref?.();
      const marks = typing.get(roomId) ?? new Map();
      marks.set(socketId, { userId: input.userId, timer });
      typing.set(roomId, marks);
    }
    if (local && typingUsers(roomId) !== before) refresh(roomId).catch(() => undefined);
  }

  function setTyping(input: { roomId: string; socketId: string; userId: string; typing: boolean }): void {
    applyMark(input, true);
    emitToOtherNodes(io, "typing:mark", input);
  }

  io.on("typing:mark", (mark) => applyMark(mark, false));

  io.of("/").adapter.on("leave-room", (channel: string, socketId: string) => {
    const roomId = roomIdOfChannel(channel);
    if (!roomId) return;
    const mark = typing.get(roomId)?.get(socketId);
    if (mark) {
      clearMark(roomId, socketId, mark.timer);
      emitToOtherNodes(io, "typing:mark", { roomId, socketId, userId: mark.userId, typing: false });
    }
    refresh(roomId).catch(() => undefined);
  });

  return { refresh, setTyping };
}
