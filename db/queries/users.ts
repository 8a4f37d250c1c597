import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { users } from "@/db/schema/users";

export type UserSummary = { id: string; email: string; name: string };

export async function findUserByEmail(email: string) {
  const [row] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

/** Creates a user, or returns null when the email is already taken (checked by the unique index). */
export async function createUser(input: { email: string; name: string; passwordHash: string | null }): Promise<UserSummary | null> {
  const [row] = await getDb()
    .insert(users)
    .values({ email: input.email.toLowerCase(), name: input.name, passwordHash: input.passwordHash })
    .onConflictDoNothing()
    .returning({ id: users.id, email: users.email, name: users.name });
  return row ?? null;
}

export async function getUserProfile(input: { userId: string }): Promise<(UserSummary & { hasPassword: boolean; createdAt: Date }) | null> {
  const [row] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, input.userId))
    .limit(1);
  return row ?? null;
}

/** The stored hash, read only to verify a password the user typed. */
export async function getUserPasswordHash(input: { userId: string }): Promise<{ passwordHash: string | null } | null> {
  const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).limit(1);
  return row ?? null;
}

export async function updateUserName(input: { userId: string; name: string }): Promise<UserSummary | null> {
  const [row] = await getDb()
    .update(users)
    .set({ name: input.name })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id, email: users.email, name: users.name });
  return row ?? null;
}

/**
 * Replaces the password hash only if it is still the one the caller verified against (null for
 * an account without a password), so two changes at once cannot undo each other unnoticed. In
 * the same write it raises the session version, ending every session signed in with the old
 * password. Returns the new session version, or null when the hash had changed meanwhile.
 */
export async function replaceUserPasswordHash(input: {
  userId: string;
  expectedHash: string | null;
  passwordHash: string;
}): Promise<{ sessionVersion: number } | null> {
  const [row] = await getDb()
    .update(users)
    .set({ passwordHash: input.passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, input.userId), input.expectedHash === null ? isNull(users.passwordHash) : eq(users.passwordHash, input.expectedHash)))
    .returning({ sessionVersion: users.sessionVersion });
  return row ?? null;
}

/** The member's language settings: their profile choice and what their browser last asked for (both "en"/"es" or null). */
export async function getUserLocales(input: { userId: string }): Promise<{ locale: string | null; browserLocale: string | null } | null> {
  const [row] = await getDb()
    .select({ locale: users.locale, browserLocale: users.browserLocale })
    .from(users)
    .where(eq(users.id, input.userId))
    .limit(1);
  return row ?? null;
}

/** Sets the member's profile language choice (null: follow the browser). */
export async function updateUserLocale(input: { userId: string; locale: string | null }): Promise<void> {
  await getDb().update(users).set({ locale: input.locale }).where(eq(users.id, input.userId));
}

/** Remembers what the member's browser asked for, for what is sent when no browser asks (emails). */
export async function rememberBrowserLocale(input: { userId: string; browserLocale: string }): Promise<void> {
  await getDb()
    .update(users)
    .set({ browserLocale: input.browserLocale })
    .where(and(eq(users.id, input.userId), sql`${users.browserLocale} is distinct from ${input.browserLocale}`));
}
