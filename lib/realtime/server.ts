import type { Server as HttpServer } from "node:http";
import { getToken } from "next-auth/jwt";
import { Server } from "socket.io";
import { z } from "zod";
import { listRepliesAfter, requireRoomAccess } from "@/lib/discussion";
import { AppError, notFound } from "@/lib/errors";
import { roomChannel, userChannel } from "./events";
import { registerRealtimeServer, type RealtimeServer } from "./publish";

const joinPayload = z.object({ roomId: z.string(), afterSeq: z.number().int().min(0).default(0) });
const leavePayload = z.object({ roomId: z.string() });

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
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
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

  io.on("connection", (socket) => {
    void socket.join(userChannel(socket.data.userId));
    socket.on("room:join", async (payload, ack) => {
      const respond = typeof ack === "function" ? ack : () => {};
      const parsed = joinPayload.safeParse(payload);
      if (!parsed.success) {
        respond({ ok: false, error: "That room could not be found." });
        return;
      }
      try {
        const replies = await listRepliesAfter({
          roomId: parsed.data.roomId,
          userId: socket.data.userId,
          query: { after: parsed.data.afterSeq },
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
        const message = error instanceof AppError ? error.message : "Could not join the live discussion.";
        if (!(error instanceof AppError)) console.error(error);
        socket.emit("room:error", { roomId: parsed.data.roomId, message });
        respond({ ok: false, error: message });
      }
    });

    socket.on("room:leave", async (payload) => {
      const parsed = leavePayload.safeParse(payload);
      if (parsed.success) await socket.leave(roomChannel(parsed.data.roomId));
    });
  });

  registerRealtimeServer(io);
  return io;
}
