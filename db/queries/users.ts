import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { users } from "@/db/schema/users";

export type UserSummary = { id: string; email: string; name: string };

export async function findUserByEmail(email: string) {
  const [row] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function findUserById(id: string): Promise<UserSummary | null> {
  const [row] = await getDb()
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, id))
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

export async function countUsers(): Promise<number> {
  const [row] = await getDb().select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}
