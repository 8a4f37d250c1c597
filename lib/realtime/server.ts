import type { Server as HttpServer } from "node:http";
import { getToken } from "next-auth/jwt";
import { Server } from "socket.io";
import { z } from "zod";
import { requireRoomAccess } from "@/lib/access";
import { listRepliesAfter } from "@/lib/discussion/replies";
import { toWireError } from "@/lib/doors/outcome";
import { notFound } from "@/lib/errors";
import { listPresentMembers, loadMeetingForMember } from "@/lib/meetings/live";
import { roomChannel, roomIdOfChannel, meetingChannel, meetingIdOfChannel, userChannel, type PresentMember } from "./events";
import { registerRealtimeServer, type RealtimeServer } from "./publish";

const joinPayload = z.object({ roomId: z.string(), afterSeq: z.number().int().min(0).default(0) });
const leavePayload = z.object({ roomId: z.string() });
const meetingPayload = z.object({ meetingId: z.string() });

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

async function stillMayRead(roomId: string, userId: string): Promise<boolean> {
  return requireRoomAccess({ roomId, userId, action: "room:read" }).then(
    () => true,
    () => false,
  );
}

async function stillMayAttend(meetingId: string, userId: string) {
  return loadMeetingForMember({ meetingId, userId }).catch(() => null);
}

/**
 * Keeps each meeting's "here now" list current. The list is worked out from the sockets in the
 * meeting's channel (so two tabs count once, and a member stays until their last tab goes) and
 * sent to everyone there. One computation runs at a time per meeting and changes that arrive
 * meanwhile share the next one, so an older list never lands after a newer one.
 */
function trackPresence(io: RealtimeServer) {
  type Queue = { next: Promise<PresentMember[]> | null; tail: Promise<unknown> };
  const queues = new Map<string, Queue>();

  async function broadcast(meetingId: string): Promise<PresentMember[]> {
    const channel = meetingChannel(meetingId);
    const sockets = await io.in(channel).fetchSockets();
    const present = await listPresentMembers({ meetingId, userIds: sockets.map((socket) => socket.data.userId) });
    io.to(channel).emit("meeting:presence", { meetingId, present });
    return present;
  }

  function refresh(meetingId: string): Promise<PresentMember[]> {
    const queue = queues.get(meetingId) ?? { next: null, tail: Promise.resolve() };
    queues.set(meetingId, queue);
    if (queue.next) return queue.next;
    const run = queue.tail.then(() => {
      queue.next = null;
      return broadcast(meetingId);
    });
    queue.next = run;
    const tail = run.catch((error: unknown) => console.error(error));
    queue.tail = tail;
    void tail.then(() => {
      if (queue.tail === tail) queues.delete(meetingId);
    });
    return run;
  }

  // Every way out of a channel (meeting:leave, a closed tab, a removal from the club) passes
  // through the adapter; joins are announced by meeting:join once the membership check passed.
  io.of("/").adapter.on("leave-room", (channel: string) => {
    const meetingId = meetingIdOfChannel(channel);
    if (meetingId) refresh(meetingId).catch(() => undefined);
  });

  return { refresh };
}

async function dropRevokedChannels(userId: string, channels: ReadonlySet<string>, leave: (channel: string) => unknown) {
  for (const channel of channels) {
    const meetingId = meetingIdOfChannel(channel);
    const roomId = roomIdOfChannel(channel);
    const allowed = meetingId ? (await stillMayAttend(meetingId, userId)) !== null : roomId ? await stillMayRead(roomId, userId) : true;
    if (!allowed) await leave(channel);
  }
}

/**
 * Attaches Socket.IO to the HTTP server Next also answers on. The handshake is authenticated
 * with the next-auth session cookie; every event re-checks membership of the room it names,
 * because a Socket.IO room is a delivery list, not an authorization boundary.
 */
export function attachRealtime(httpServer: HttpServer, options: { secret: string; secureCookie?: boolean }): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Recovery replays missed packets after short drops; room:join's afterSeq covers long ones.
    // The handshake check runs again on recovery (a signed-out cookie must not get back in), and
    // the channels a recovered socket returns to are checked again below.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });

  io.use(async (socket, next) => {
    const cookies = parseCookies(socket.handshake.headers.cookie);
    const forwardedProto = socket.handshake.headers["x-forwarded-proto"];
    const secureCookie = options.secureCookie ?? (socket.handshake.secure || forwardedProto === "https");
    const token = await getToken({
      req: Object.assign(socket.request, { cookies }),
      secret: options.secret,
      secureCookie,
    }).catch(() => null);
    if (!token?.sub) return next(new Error("Sign in to join the live discussion."));
    socket.data.userId = token.sub;
    next();
  });

  const presence = trackPresence(io);

  io.on("connection", (socket) => {
    void socket.join(userChannel(socket.data.userId));
    // A member removed while this socket was away missed the revoke: drop what they may no longer hear.
    if (socket.recovered) void dropRevokedChannels(socket.data.userId, socket.rooms, (channel) => socket.leave(channel));
    socket.on("room:join", async (payload, ack) => {
      const respond = typeof ack === "function" ? ack : () => {};
      const parsed = joinPayload.safeParse(payload);
      if (!parsed.success) {
        respond({ ok: false, error: { code: "not_found", message: "That room could not be found." } });
        return;
      }
      try {
        const replies = await listRepliesAfter({
          roomId: parsed.data.roomId,
          userId: socket.data.userId,
          body: { after: parsed.data.afterSeq },
        });
        await socket.join(roomChannel(parsed.data.roomId));
        // A removal that committed between the check above and the join sent its revoke
        // before this socket was in the room: check again now that it is.
        if (!(await stillMayRead(parsed.data.roomId, socket.data.userId))) {
          await socket.leave(roomChannel(parsed.data.roomId));
          throw notFound("This room");
        }
        respond({ ok: true, data: { replies } });
      } catch (error) {
        // A recovered connection comes back already in the channels it had: a refused join leaves it.
        await socket.leave(roomChannel(parsed.data.roomId));
        const { error: wire } = toWireError(error);
        socket.emit("room:error", { roomId: parsed.data.roomId, message: wire.message });
        respond({ ok: false, error: wire });
      }
    });

    socket.on("room:leave", async (payload) => {
      const parsed = leavePayload.safeParse(payload);
      if (parsed.success) await socket.leave(roomChannel(parsed.data.roomId));
    });

    socket.on("meeting:join", async (payload, ack) => {
      const respond = typeof ack === "function" ? ack : () => {};
      const parsed = meetingPayload.safeParse(payload);
      if (!parsed.success) {
        respond({ ok: false, error: { code: "not_found", message: "This meeting could not be found." } });
        return;
      }
      const channel = meetingChannel(parsed.data.meetingId);
      try {
        const meeting = await loadMeetingForMember({ meetingId: parsed.data.meetingId, userId: socket.data.userId });
        await socket.join(channel);
        socket.data.meetingClubs = { ...socket.data.meetingClubs, [meeting.meetingId]: meeting.clubId };
        // As with rooms: a removal that committed before the join would have missed this socket.
        // Read after joining, the marker cannot fall between this answer and the next broadcast.
        const current = await stillMayAttend(meeting.meetingId, socket.data.userId);
        if (!current) throw notFound("This meeting");
        const present = await presence.refresh(meeting.meetingId);
        respond({ ok: true, data: { present, currentRoomId: current.currentRoomId } });
      } catch (error) {
        await socket.leave(channel);
        respond({ ok: false, error: toWireError(error).error });
      }
    });

    socket.on("meeting:leave", async (payload) => {
      const parsed = meetingPayload.safeParse(payload);
      if (parsed.success) await socket.leave(meetingChannel(parsed.data.meetingId));
    });
  });

  registerRealtimeServer(io);
  return io;
}
