import "server-only";
import { getEnv } from "@/lib/env";
import { errorText } from "@/lib/i18n/error-text";
import { errorWords } from "@/lib/i18n/error-words";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { userChannel } from "@/lib/realtime/events";
import type { ServerSocket } from "./socket";

/** The Error a refused handshake carries: the client reads `data` in its connect_error. */
type RefusedHandshake = Error & { data: { code: "rate_limited"; message: string } };

/** The refusal, in the words of the reader's locale (the handshake worked it out: lib/realtime/server.ts). */
function refused(allowed: number, locale: Locale): RefusedHandshake {
  const message = errorWords(errorText("limits.sockets", { allowed }), locale);
  return Object.assign(new Error(message), { data: { code: "rate_limited" as const, message } });
}

/**
 * A Socket.IO middleware (after the one that authenticates) holding each user to
 * LIMIT_SOCKETS_PER_USER open connections across all app nodes. This node's connections are
 * counted in memory, synchronously between the check and the count, so parallel handshakes here
 * can't all pass on one stale count; the other nodes' are the user's channel's sockets fetched
 * through the adapter (none with one node). Handshakes at the same moment on two nodes can each
 * miss the other's, so the limit may be passed by one connection per other node for that moment.
 * If the other nodes do not answer (a node just died: the adapter's request times out), the
 * connection is let in on this node's count alone. A connection's place is given back when it
 * disconnects or its transport closes.
 */
export function limitSocketsPerUser(): (socket: ServerSocket, next: (error?: Error) => void) => void {
  const open = new Map<string, number>();
  return (socket, next) => {
    const userId = socket.data.userId;
    const count = open.get(userId) ?? 0;
    const allowed = getEnv().LIMIT_SOCKETS_PER_USER;
    const locale = socket.data.locale ?? defaultLocale;
    if (count >= allowed) return next(refused(allowed, locale));
    open.set(userId, count + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (open.get(userId) ?? 1) - 1;
      if (left > 0) open.set(userId, left);
      else open.delete(userId);
    };
    socket.once("disconnect", release);
    socket.conn.once("close", release);
    void socket.nsp
      .in(userChannel(userId))
      .fetchSockets()
      .then(
        (sockets) => sockets.filter((other) => !socket.nsp.sockets.has(other.id)).length,
        (error: unknown) => {
          console.error("Counting a user's connections on other nodes:", error);
          return 0;
        },
      )
      .then((elsewhere) => {
        if ((open.get(userId) ?? 0) + elsewhere > allowed) {
          release();
          return next(refused(allowed, locale));
        }
        next();
      });
  };
}
