import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { calendarFeeds } from "@/db/schema/meetings";
import { users } from "@/db/schema/users";

/**
 * Gives the user a new feed token. Any feed they had is revoked in the same transaction, so a
 * person has at most one working feed URL and making a new one retires the old one.
 */
export async function replaceCalendarFeed(input: { userId: string; token: string }): Promise<{ token: string; createdAt: Date }> {
  return getDb().transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(calendarFeeds.userId, input.userId), isNull(calendarFeeds.revokedAt)));
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({ userId: input.userId, token: input.token })
      .returning({ token: calendarFeeds.token, createdAt: calendarFeeds.createdAt });
    if (!feed) throw new Error("The calendar feed row was not returned after insert.");
    return feed;
  });
}

export async function getActiveCalendarFeed(input: { userId: string }): Promise<{ token: string; createdAt: Date } | null> {
  const [row] = await getDb()
    .select({ token: calendarFeeds.token, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, input.userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row ?? null;
}

/** Revokes every working feed of the user; returns how many there were. */
export async function revokeCalendarFeeds(input: { userId: string }): Promise<number> {
  const rows = await getDb()
    .update(calendarFeeds)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(calendarFeeds.userId, input.userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return rows.length;
}

/** The owner of a working feed token, with their languages (the feed's words follow them); a revoked or unknown token names nobody. */
export async function findCalendarFeedOwner(input: {
  token: string;
}): Promise<{ userId: string; locale: string | null; browserLocale: string | null } | null> {
  const [row] = await getDb()
    .select({ userId: calendarFeeds.userId, locale: users.locale, browserLocale: users.browserLocale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.token, input.token), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  return row ?? null;
}
