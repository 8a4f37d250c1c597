import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { io as connectClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll } from "vitest";
import type { Ack, ClientToServerEvents, ServerToClientEvents, MeetingJoinView } from "@/lib/realtime/events";
import { readSessionStanding } from "@/db/queries/sessions";
import { registerRealtimeServer, type RealtimeServer } from "@/lib/realtime/publish";
import { attachRealtime } from "@/lib/realtime/server";
import type { ReplyView } from "@/lib/discussion/reply-view";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type TestUser = { id: string; name: string; email: string };

/**
 * The app's own Socket.IO server on a real HTTP port for this test file, with real clients
 * signed in by a session cookie minted with next-auth's encoder. Closed, with every client,
 * after the file.
 */
export function useRealtimeServer(options: { typingMs?: number } = {}) {
  const configured = process.env.NEXTAUTH_SECRET;
  if (!configured) throw new Error("tests/integration/setup.ts sets NEXTAUTH_SECRET");
  const secret: string = configured;
  let httpServer: Server;
  let realtime: RealtimeServer;
  let baseUrl = "";
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    httpServer = createServer();
    realtime = attachRealtime(httpServer, { secret, secureCookie: false, typingMs: options.typingMs });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    registerRealtimeServer(undefined);
    await new Promise<void>((resolve) => realtime.close(() => resolve()));
  });

  /**
   * A session cookie as sign-in mints it: a new session id (or `sessionId`) under the user's
   * current session version (or `sessionVersion`).
   */
  async function sessionCookie(user: TestUser, claims: { sessionId?: string; sessionVersion?: number } = {}): Promise<string> {
    const sessionVersion = claims.sessionVersion ?? (await readSessionStanding({ userId: user.id }))?.sessionVersion ?? 0;
    const sessionId = claims.sessionId ?? randomUUID();
    const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, sessionId, sessionVersion }, secret });
    return `next-auth.session-token=${token}`;
  }

  /**
   * A client with the given cookie (none: signed out) and any further handshake `headers` (an
   * Origin, say); events emitted before it connects are buffered.
   */
  function connect(cookie?: string, options: { reconnection?: boolean; headers?: Record<string, string> } = {}): ClientSocket {
    const socket: ClientSocket = connectClient(baseUrl, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 50,
      extraHeaders: { ...options.headers, ...(cookie ? { cookie } : {}) },
    });
    sockets.push(socket);
    return socket;
  }

  /** A signed-in client, once its handshake has been accepted. */
  async function connectAs(user: TestUser, cookie?: string): Promise<ClientSocket> {
    const socket = connect(cookie ?? (await sessionCookie(user)));
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    return socket;
  }

  /**
   * The channels the server has this client's connection in (its own id and its user's channel
   * included), read on the server: what a client is told is no proof of what it will hear.
   */
  function serverChannels(socket: ClientSocket): string[] {
    const id = socket.id;
    if (!id) throw new Error("the client is not connected");
    return [...(realtime.of("/").sockets.get(id)?.rooms ?? [])].sort();
  }

  return { sessionCookie, connect, connectAs, serverChannels, baseUrl: () => baseUrl };
}

export function joinRoom(socket: ClientSocket, roomId: string, afterSeq = 0): Promise<Ack<{ replies: ReplyView[] }>> {
  return new Promise((resolve) => socket.emit("room:join", { roomId, afterSeq }, resolve));
}

export function joinMeeting(socket: ClientSocket, meetingId: string): Promise<Ack<MeetingJoinView>> {
  return new Promise((resolve) => socket.emit("meeting:join", { meetingId }, resolve));
}

export function leaveRoom(socket: ClientSocket, roomId: string): Promise<Ack<null>> {
  return new Promise((resolve) => socket.emit("room:leave", { roomId }, resolve));
}

export function sendTyping(socket: ClientSocket, roomId: string, typing: boolean): Promise<Ack<null>> {
  return new Promise((resolve) => socket.emit("room:typing", { roomId, typing }, resolve));
}

export function leaveMeeting(socket: ClientSocket, meetingId: string): Promise<Ack<null>> {
  return new Promise((resolve) => socket.emit("meeting:leave", { meetingId }, resolve));
}

/** Sends an event with whatever arguments a broken or hostile client might, and waits for its ack. */
export function emitUnchecked(socket: ClientSocket, event: keyof ClientToServerEvents, ...args: unknown[]): Promise<Ack<unknown>> {
  return new Promise((resolve) => (socket.emit as (event: string, ...rest: unknown[]) => void)(event, ...args, resolve));
}
