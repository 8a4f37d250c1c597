import { io, type Socket, type SocketReservedEvents } from "socket.io-client";
import { roomChannel, meetingChannel, pollChannel, type ClientToServerEvents, type ServerToClientEvents } from "./events";

type SharedSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listeners = ServerToClientEvents & SocketReservedEvents;
type Listener = (...args: never[]) => void;

/**
 * One component's hold on the page's live connection. It reads like a socket; `disconnect()`
 * releases the hold: its listeners go, the rooms and meetings it joined are left (unless another
 * part of the page is still in them), and the connection itself closes once nobody holds it.
 */
export type RealtimeSocket = {
  readonly connected: boolean;
  readonly active: boolean;
  readonly recovered: boolean;
  on<Event extends keyof Listeners>(event: Event, listener: Listeners[Event]): RealtimeSocket;
  emit<Event extends keyof ClientToServerEvents>(event: Event, ...args: Parameters<ClientToServerEvents[Event]>): RealtimeSocket;
  disconnect(): RealtimeSocket;
};

// Long enough for a remount (a new room in the meeting view, React's development double
// effects, a client-side navigation) to pick the connection up again instead of reconnecting.
const closeDelayMs = 3_000;

type Shared = {
  socket: SharedSocket;
  /** Takes the browser's network events off again when the connection closes. */
  unfollowNetwork: () => void;
  holds: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
  /** How many holds are in each room or meeting channel, so the last one out leaves it on the server. */
  channels: Map<string, number>;
};

let shared: Shared | null = null;

function acquire(): Shared {
  if (shared) {
    if (shared.closeTimer) clearTimeout(shared.closeTimer);
    shared.closeTimer = null;
    shared.holds += 1;
    return shared;
  }
  const socket: SharedSocket = io({
    path: "/socket.io",
    transports: ["websocket", "polling"],
    withCredentials: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
  shared = { socket, holds: 1, closeTimer: null, channels: new Map(), unfollowNetwork: followNetwork(socket) };
  return shared;
}

/**
 * Follows the browser's own idea of the network, which knows sooner than the socket: going
 * offline drops the connection at once (instead of waiting for a ping to time out), and coming
 * back online reconnects at once instead of after the reconnection back-off, which by then can
 * be several seconds. Both keep the server's recovery of missed events: only the transport
 * closes, never the session.
 */
function followNetwork(socket: SharedSocket): () => void {
  if (typeof window === "undefined") return () => {};
  const onOffline = () => {
    if (socket.connected) socket.io.engine.close();
  };
  const onOnline = () => {
    if (socket.connected) return;
    // A disconnect while not connected sends nothing to the server; the next connect asks for recovery.
    socket.disconnect();
    socket.connect();
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  return () => {
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
  };
}

function release(connection: Shared): void {
  connection.holds -= 1;
  if (connection.holds > 0) return;
  connection.closeTimer = setTimeout(() => {
    if (connection.holds > 0) return;
    connection.unfollowNetwork();
    connection.socket.disconnect();
    if (shared === connection) shared = null;
  }, closeDelayMs);
}

/** The channel a join or leave names, and the event that leaves it. */
function subscriptionOf(
  socket: SharedSocket,
  event: keyof ClientToServerEvents,
  payload: unknown,
): { channel: string; leave: () => void; joins: boolean } | null {
  const fields = (typeof payload === "object" && payload !== null ? payload : {}) as { roomId?: unknown; meetingId?: unknown; pollId?: unknown; clubId?: unknown };
  if ((event === "room:join" || event === "room:leave") && typeof fields.roomId === "string") {
    const roomId = fields.roomId;
    return { channel: roomChannel(roomId), joins: event === "room:join", leave: () => socket.emit("room:leave", { roomId }) };
  }
  if ((event === "meeting:join" || event === "meeting:leave") && typeof fields.meetingId === "string") {
    const meetingId = fields.meetingId;
    return { channel: meetingChannel(meetingId), joins: event === "meeting:join", leave: () => socket.emit("meeting:leave", { meetingId }) };
  }
  if ((event === "poll:join" || event === "poll:leave") && typeof fields.pollId === "string" && typeof fields.clubId === "string") {
    const { pollId, clubId } = fields as { pollId: string; clubId: string };
    return { channel: pollChannel(pollId), joins: event === "poll:join", leave: () => socket.emit("poll:leave", { clubId, pollId }) };
  }
  return null;
}

/**
 * Opens (or shares) the page's live connection; the session cookie authenticates it. Each
 * caller gets its own hold, so one part of the page letting go never cuts another off. A
 * "connect" listener added while the connection is already up runs once right away, as it would
 * have on a connection of its own.
 */
export function connectRealtime(): RealtimeSocket {
  const connection = acquire();
  const socket = connection.socket;
  // socket.io's typings cannot follow a generic event name through; the hold's own signatures keep callers typed.
  const events = socket as unknown as {
    on(event: string, listener: Listener): void;
    off(event: string, listener: Listener): void;
    emit(event: string, ...args: unknown[]): void;
  };
  const listeners: [string, Listener][] = [];
  const joined = new Map<string, () => void>();
  let released = false;

  const hold: RealtimeSocket = {
    get connected() {
      return socket.connected;
    },
    get active() {
      return socket.active;
    },
    get recovered() {
      return socket.recovered;
    },
    on(event, listener) {
      if (released) return hold;
      let handler = listener as Listener;
      if (event === "room:error") {
        // Errors name their room: a hold hears only about the rooms it joined itself.
        const onRoomError = listener as Listeners["room:error"];
        handler = ((payload: Parameters<Listeners["room:error"]>[0]) => {
          if (joined.has(roomChannel(payload.roomId))) onRoomError(payload);
        }) as Listener;
      }
      listeners.push([event, handler]);
      events.on(event, handler);
      if (event === "connect" && socket.connected) {
        const onConnect = listener as Listeners["connect"];
        queueMicrotask(() => {
          if (!released && socket.connected) onConnect();
        });
      }
      return hold;
    },
    emit(event, ...args) {
      if (released) return hold;
      const subscription = subscriptionOf(socket, event, args[0]);
      if (subscription?.joins && !joined.has(subscription.channel)) {
        joined.set(subscription.channel, subscription.leave);
        connection.channels.set(subscription.channel, (connection.channels.get(subscription.channel) ?? 0) + 1);
      } else if (subscription && !subscription.joins) {
        // Leaving is this hold's business only: the server is told once nobody on the page is left in it.
        if (joined.delete(subscription.channel)) leaveChannel(connection, subscription.channel, subscription.leave);
        return hold;
      }
      events.emit(event, ...args);
      return hold;
    },
    disconnect() {
      if (released) return hold;
      released = true;
      for (const [event, handler] of listeners) events.off(event, handler);
      for (const [channel, leave] of joined) leaveChannel(connection, channel, leave);
      joined.clear();
      release(connection);
      return hold;
    },
  };
  return hold;
}

function leaveChannel(connection: Shared, channel: string, leave: () => void): void {
  const remaining = (connection.channels.get(channel) ?? 1) - 1;
  if (remaining > 0) {
    connection.channels.set(channel, remaining);
    return;
  }
  connection.channels.delete(channel);
  // Sent even while reconnecting: a recovered connection gets its old channels back, and this
  // (buffered until then) takes it out again.
  leave();
}
