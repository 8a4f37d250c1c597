import { and, eq, gt, inArray } from "drizzle-orm";
import { getDb } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { rsvps, sessionReminderJobs, sessions } from "@/db/schema/sessions";
import { users } from "@/db/schema/users";

export type ReminderJobRow = { kind: string; jobId: string; sendAt: Date };

/** What a reminder needs to know about its session, with the club's name for the message. */
export async function findSessionForReminders(input: { sessionId: string }) {
  const [row] = await getDb()
    .select({
      id: sessions.id,
      clubId: sessions.clubId,
      clubName: clubs.name,
      title: sessions.title,
      startsAt: sessions.startsAt,
      timeZone: sessions.timeZone,
      location: sessions.location,
      readingAssignment: sessions.readingAssignment,
      cancelledAt: sessions.cancelledAt,
    })
    .from(sessions)
    .innerJoin(clubs, eq(clubs.id, sessions.clubId))
    .where(eq(sessions.id, input.sessionId));
  return row ?? null;
}

/**
 * Who gets a session's reminder: members who said going or maybe. Someone who has since left
 * the club keeps their RSVP row but is no longer told about the club's meetings.
 */
export async function listReminderRecipients(input: { sessionId: string; clubId: string }) {
  return getDb()
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(rsvps)
    .innerJoin(clubMembers, and(eq(clubMembers.userId, rsvps.userId), eq(clubMembers.clubId, input.clubId)))
    .innerJoin(users, eq(users.id, rsvps.userId))
    .where(and(eq(rsvps.sessionId, input.sessionId), inArray(rsvps.status, ["going", "maybe"])))
    .orderBy(users.id);
}

export async function listSessionReminderJobs(input: { sessionId: string }): Promise<ReminderJobRow[]> {
  return getDb()
    .select({ kind: sessionReminderJobs.kind, jobId: sessionReminderJobs.jobId, sendAt: sessionReminderJobs.sendAt })
    .from(sessionReminderJobs)
    .where(eq(sessionReminderJobs.sessionId, input.sessionId));
}

/** The session's recorded jobs become exactly `jobs`, in one transaction. */
export async function replaceSessionReminderJobs(input: { sessionId: string; jobs: ReminderJobRow[] }): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.delete(sessionReminderJobs).where(eq(sessionReminderJobs.sessionId, input.sessionId));
    if (input.jobs.length > 0) {
      await tx.insert(sessionReminderJobs).values(input.jobs.map((job) => ({ sessionId: input.sessionId, ...job })));
    }
  });
}

export async function deleteSessionReminderJobs(input: { sessionId: string }): Promise<void> {
  await getDb().delete(sessionReminderJobs).where(eq(sessionReminderJobs.sessionId, input.sessionId));
}

/**
 * Every session that has not started yet, with the reminder jobs recorded for it: what the
 * queue compares at start to catch sessions scheduled while it was not running.
 */
export async function listUpcomingSessionsWithReminderJobs(input: { now: Date }) {
  const rows = await getDb()
    .select({
      id: sessions.id,
      startsAt: sessions.startsAt,
      cancelledAt: sessions.cancelledAt,
      kind: sessionReminderJobs.kind,
      jobId: sessionReminderJobs.jobId,
      sendAt: sessionReminderJobs.sendAt,
    })
    .from(sessions)
    .leftJoin(sessionReminderJobs, eq(sessionReminderJobs.sessionId, sessions.id))
    .where(gt(sessions.startsAt, input.now))
    .orderBy(sessions.startsAt, sessions.id);

  const byId = new Map<string, { id: string; startsAt: Date; cancelledAt: Date | null; jobs: ReminderJobRow[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, startsAt: row.startsAt, cancelledAt: row.cancelledAt, jobs: [] };
    if (row.kind !== null && row.jobId !== null && row.sendAt !== null) {
      entry.jobs.push({ kind: row.kind, jobId: row.jobId, sendAt: row.sendAt });
    }
    byId.set(row.id, entry);
  }
  return [...byId.values()];
}
