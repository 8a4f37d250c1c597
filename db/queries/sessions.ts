import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { revokedSessions, users } from "@/db/schema/users";

// Which sessions of a user still count: the user's session version (raised to end them all) and
// the sessions signed out one at a time. See docs/decisions/0010-sessions-that-end.md.

export type SessionStanding = { sessionVersion: number; revokedSessionIds: string[] };

/** The user's session version and the ids of their signed-out sessions not yet expired; null for no such user. */
export async function readSessionStanding(input: { userId: string }): Promise<SessionStanding | null> {
  const db = getDb();
  const [user] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user) return null;
  const revoked = await db
    .select({ sessionId: revokedSessions.sessionId })
    .from(revokedSessions)
    .where(and(eq(revokedSessions.userId, input.userId), gt(revokedSessions.expiresAt, sql`now()`)));
  return { sessionVersion: user.sessionVersion, revokedSessionIds: revoked.map((row) => row.sessionId) };
}

/**
 * The signed-in user for one request, with what decides whether their token still counts: the
 * current session version and whether this token's session was signed out. One round trip.
 */
export async function findSessionUser(input: {
  userId: string;
  sessionId: string;
}): Promise<{ id: string; name: string; email: string; locale: string | null; sessionVersion: number; sessionRevoked: boolean } | null> {
  const [row] = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      sessionVersion: users.sessionVersion,
      sessionRevoked: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sessionId} = ${input.sessionId} and ${revokedSessions.userId} = ${users.id})`,
    })
    .from(users)
    .where(eq(users.id, input.userId))
    .limit(1);
  return row ?? null;
}

/** Raises the user's session version, ending every session signed in before. The new version, or null for no such user. */
export async function bumpSessionVersion(input: { userId: string }): Promise<number | null> {
  const [row] = await getDb()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, input.userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}

/**
 * Records one signed-out session until `expiresAt` (when no token of it can be valid any more),
 * and prunes the records that have expired, everyone's: the table stays as small as the number
 * of sign-outs within one session lifetime. Signing out the same session twice is harmless.
 */
export async function revokeSession(input: { userId: string; sessionId: string; expiresAt: Date }): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, sql`now()`));
    await tx
      .insert(revokedSessions)
      .values({ sessionId: input.sessionId, userId: input.userId, expiresAt: input.expiresAt })
      .onConflictDoNothing();
  });
}
