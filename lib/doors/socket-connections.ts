import "server-only";
import { getEnv } from "@/lib/env";
import type { ServerSocket } from "./socket";

/** The Error a refused handshake carries: the client reads `data` in its connect_error. */
type RefusedHandshake = Error & { data: { code: "rate_limited"; message: string } };

/**
 * A Socket.IO middleware (after the one that authenticates) holding each user to
 * LIMIT_SOCKETS_PER_USER open connections on this node. Counted in memory, synchronously
 * between the check and the count, so parallel handshakes can't all pass on one stale count;
 * a connection's place is given back when it disconnects or its transport closes.
 */
export function limitSocketsPerUser(): (socket: ServerSocket, next: (error?: Error) => void) => void {
  const open = new Map<string, number>();
  return (socket, next) => {
    const userId = socket.data.userId;
    const count = open.get(userId) ?? 0;
    const allowed = getEnv().LIMIT_SOCKETS_PER_USER;
    if (count >= allowed) {
      const message = `You have ${allowed} Chapterhouse pages open live already. Close one, then reload this page.`;
      return next(Object.assign(new Error(message), { data: { code: "rate_limited" as const, message } }) satisfies RefusedHandshake);
    }
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
    next();
  };
}
