import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { rsvps, type RsvpStatus } from "@/db/schema/meetings";
import { users } from "@/db/schema/users";
import { isActiveAccount } from "./former-members";

/** Sets a member's answer, replacing any earlier one. */
export async function upsertRsvp(input: { meetingId: string; userId: string; status: RsvpStatus }): Promise<void> {
  await getDb()
    .insert(rsvps)
    .values({ meetingId: input.meetingId, userId: input.userId, status: input.status })
    .onConflictDoUpdate({ target: [rsvps.meetingId, rsvps.userId], set: { status: input.status, updatedAt: sql`now()` } });
}

/** Everyone who answered, by name (a deleted account's answers are removed with it, and never listed). */
export async function listMeetingRsvps(input: { meetingId: string }) {
  return getDb()
    .select({ userId: rsvps.userId, name: users.name, status: rsvps.status })
    .from(rsvps)
    .innerJoin(users, eq(users.id, rsvps.userId))
    .where(and(eq(rsvps.meetingId, input.meetingId), isActiveAccount(users)))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
}
