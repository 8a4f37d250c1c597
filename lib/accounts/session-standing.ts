import "server-only";
import type { JWT } from "next-auth/jwt";
import { readSessionStanding, type SessionStanding } from "@/db/queries/sessions";

// Whether a session token still counts. A token carries its user, its session's id (given at
// sign-in, kept through refreshes) and the user's session version at sign-in; it counts while
// that version is still the user's and the session was not signed out on its own.
// docs/decisions/0010-sessions-that-end.md says why it works this way.

/** The claims of a session token that decide whether it still counts. */
export type SessionClaims = { userId: string; sessionId: string; sessionVersion: number };

/**
 * The claims of a decoded token, or null when it lacks them. A token minted before sessions
 * could end has none: it counts as signed out (its session could not be ended on its own).
 */
export function sessionClaimsOf(token: JWT | null): SessionClaims | null {
  if (!token) return null;
  const { sub, sessionId, sessionVersion } = token;
  if (typeof sub !== "string" || sub === "" || typeof sessionId !== "string" || sessionId === "") return null;
  if (typeof sessionVersion !== "number" || !Number.isInteger(sessionVersion)) return null;
  return { userId: sub, sessionId, sessionVersion };
}

/** Whether the claims still count against what the database says of their user (null: no such user). */
export function standsAgainst(claims: SessionClaims, standing: { sessionVersion: number; sessionRevoked: boolean } | null): boolean {
  return standing !== null && standing.sessionVersion === claims.sessionVersion && !standing.sessionRevoked;
}

/**
 * How long a reading of a user's standing is trusted by socket events, in milliseconds, counted
 * from before the query was sent. Issue 8 asks that an ended session can use no socket a second
 * later. The node that ends a session disconnects its sockets on every node (through the
 * adapter) and tells the other nodes to forget their readings ("sessions:ended",
 * lib/realtime/publish.ts); this bound is what still holds if that message is lost. Half the
 * bound leaves the other half for the event to arrive and be answered.
 */
export const STANDING_CACHE_MS = 500;

type CachedStanding = { readAt: number; standing: SessionStanding | null };

// One cache per process, shared by Next's module graph and server.ts's (they load this module
// separately), so a reading taken by one serves the other.
const cacheKey = Symbol.for("chapterhouse.session-standing");
type GlobalWithCache = typeof globalThis & { [cacheKey]?: Map<string, CachedStanding> };

function cache(): Map<string, CachedStanding> {
  const global = globalThis as GlobalWithCache;
  global[cacheKey] ??= new Map();
  return global[cacheKey];
}

/** Above this many users cached, readings older than the bound are dropped before adding one. */
const PRUNE_ABOVE = 10_000;

/**
 * Whether a token's session still counts, read from a per-process cache keyed by user id that
 * is at most STANDING_CACHE_MS old (`fresh`: read the database now, and refresh the cache).
 * For socket events and the handshake; a page or API request reads its user fresh anyway
 * (lib/auth.ts getCurrentUser).
 */
export async function sessionStillCounts(claims: SessionClaims, options: { fresh?: boolean } = {}): Promise<boolean> {
  const entries = cache();
  const now = performance.now();
  let entry = entries.get(claims.userId);
  if (options.fresh || !entry || now - entry.readAt > STANDING_CACHE_MS) {
    entry = { readAt: now, standing: await readSessionStanding({ userId: claims.userId }) };
    if (entries.size > PRUNE_ABOVE) {
      for (const [userId, old] of entries) if (now - old.readAt > STANDING_CACHE_MS) entries.delete(userId);
    }
    entries.set(claims.userId, entry);
  }
  const { standing } = entry;
  return standsAgainst(claims, standing && { sessionVersion: standing.sessionVersion, sessionRevoked: standing.revokedSessionIds.includes(claims.sessionId) });
}

/** Forgets a user's cached standing: their sessions just changed (on this node, or another one said so). */
export function forgetSessionStanding(userId: string): void {
  cache().delete(userId);
}
