import "server-only";
import type { WireError } from "@/lib/doors/outcome";
import type { Server as HttpServer } from "node:http";
import { getToken } from "next-auth/jwt";
import { Server } from "socket.io";
import { isOwnOrigin } from "@/lib/doors/origin";
import { errorWords } from "@/lib/doors/wire-error";
import { getUserLocales } from "@/db/queries/users";
import { localeCookie, pickLocale } from "@/lib/i18n/locales";
import { forgetSessionStanding, sessionClaimsOf, sessionStillCounts } from "@/lib/accounts/session-standing";
import type { ServerSocket } from "@/lib/doors/socket";
import { limitSocketsPerUser } from "@/lib/doors/socket-connections";
import type { ClusterAdapter } from "./cluster";
import { roomIdOfChannel, meetingIdOfChannel, pollIdOfChannel, userChannel } from "./events";
import { registerMeetingHandlers, mayAttendMeeting } from "./handlers/meetings";
import { registerRoomHandlers, mayHearRoom } from "./handlers/rooms";
import { registerPollHandlers, mayFollowPoll } from "./handlers/polls";
import { trackPresence, trackRoomPresence } from "./presence";
import { markClustered } from "./between-nodes";
import { registerRealtimeServer, type RealtimeServer } from "./publish";

// The Socket.IO server: the handshake's authentication, the re-check of a recovered
// connection's channels, and the event handlers, one module per group (./handlers), each event
// going through lib/doors/socket.ts.

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

/** For a recovered connection: leaves each room or meeting channel the user may no longer hear. */
async function dropRevokedChannels(socket: ServerSocket): Promise<void> {
  const userId = socket.data.userId;
  for (const channel of socket.rooms) {
    const meetingId = meetingIdOfChannel(channel);
    const roomId = roomIdOfChannel(channel);
    const pollId = pollIdOfChannel(channel);
    const allowed = meetingId
      ? await mayAttendMeeting({ meetingId, userId })
      : roomId
        ? await mayHearRoom({ roomId, userId })
        : pollId
          ? await mayFollowPoll({ pollId, clubId: socket.data.pollClubs?.[pollId], userId })
          : true;
    if (!allowed) await socket.leave(channel);
  }
}

/**
 * Attaches Socket.IO to the HTTP server Next also answers on. The handshake is authenticated
 * with the next-auth session cookie; every event re-checks membership of the room or meeting it
 * names, because a Socket.IO room is a delivery list, not an authorization boundary.
 */
export function attachRealtime(
  httpServer: HttpServer,
  options: {
    secret: string;
    secureCookie?: boolean;
    /** How long a typing mark lasts (lib/realtime/presence.ts); tests shorten it. */
    typingMs?: number;
    /** The adapter shared with other nodes (./cluster.ts clusterAdapter); none: in memory, one node. */
    adapter?: ClusterAdapter["adapter"];
  },
): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    ...(options.adapter ? { adapter: options.adapter } : {}),
    serveClient: false,
    // Recovery replays missed packets after short drops; room:join's afterSeq covers long ones.
    // The handshake check runs again on recovery (a signed-out cookie must not get back in), and
    // the channels a recovered socket returns to are checked again below.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
    // 64 KiB, as for API bodies (lib/doors/route.ts): the largest event is a reply of at most
    // 10,000 characters. A bigger message closes that connection; the server carries on.
    maxHttpBufferSize: 64 * 1024,
    // A page of another site must not open a live connection with the member's cookie
    // (cross-site WebSocket hijacking: browsers send cookies on the handshake). The browser
    // always sends Origin on it; a handshake without one comes from a program, which is allowed
    // (lib/doors/origin.ts).
    allowRequest: (request, callback) => {
      const allowed = isOwnOrigin(request.headers);
      callback(allowed ? null : "This page's site may not open a live connection to Chapterhouse.", allowed);
    },
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
    // A token whose session ended (signed out, password changed, signed out everywhere) is
    // refused like no token; read fresh here, once per connection.
    const claims = sessionClaimsOf(token);
    const counts = claims ? await sessionStillCounts(claims, { fresh: true }).catch(() => false) : false;
    const locales = claims && counts ? await getUserLocales({ userId: claims.userId }).catch(() => null) : null;
    const locale = pickLocale({
      chosen: locales?.locale ?? null,
      cookie: cookies[localeCookie] ?? null,
      acceptLanguage: headerValue(socket.handshake.headers["accept-language"]),
    });
    if (!claims || !counts) {
      // Socket.IO hands `data` to the client's connect_error: the same wire error as every door.
      const unauthorized: WireError = { code: "unauthorized", message: errorWords({ key: "session.signInLive" }, locale) };
      return next(Object.assign(new Error(unauthorized.message), { data: unauthorized }));
    }
    socket.data.userId = claims.userId;
    socket.data.sessionId = claims.sessionId;
    socket.data.sessionVersion = claims.sessionVersion;
    socket.data.locale = locale;
    next();
  });

  if (options.adapter) {
    markClustered(io);
    // A user's sessions ended on another node: this node's next socket event of theirs reads the database.
    io.on("sessions:ended", ({ userId }) => forgetSessionStanding(userId));
  }

  // After authentication: counts each user's open connections (LIMIT_SOCKETS_PER_USER), on every node.
  io.use(limitSocketsPerUser());

  const presence = trackPresence(io);
  const roomPresence = trackRoomPresence(io, { typingMs: options.typingMs });

  io.on("connection", (socket) => {
    void socket.join(userChannel(socket.data.userId));
    // A member removed while this socket was away missed the revoke: drop what they may no longer hear.
    if (socket.recovered) void dropRevokedChannels(socket).catch((error: unknown) => console.error(error));
    registerRoomHandlers(socket, roomPresence);
    registerMeetingHandlers(socket, presence);
    registerPollHandlers(socket);
  });

  registerRealtimeServer(io);
  return io;
}

/** A handshake header as one string (Node gives a repeated header as an array). */
function headerValue(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? value.join(",") : (value ?? null);
}
