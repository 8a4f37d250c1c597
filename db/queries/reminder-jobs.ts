import "server-only";
import { and, eq, gt, inArray } from "drizzle-orm";
import { getDb } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { rsvps, meetingReminderJobs, meetings } from "@/db/schema/meetings";
import { users } from "@/db/schema/users";

export type ReminderJobRow = { kind: string; jobId: string; sendAt: Date };

/** What a reminder needs to know about its meeting, with the club's name for the message. */
export async function findMeetingForReminders(input: { meetingId: string }) {
  const [row] = await getDb()
    .select({
      id: meetings.id,
      clubId: meetings.clubId,
      clubName: clubs.name,
      title: meetings.title,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
      location: meetings.location,
      readingAssignment: meetings.readingAssignment,
      cancelledAt: meetings.cancelledAt,
    })
    .from(meetings)
    .innerJoin(clubs, eq(clubs.id, meetings.clubId))
    .where(eq(meetings.id, input.meetingId));
  return row ?? null;
}

/**
 * Who gets a meeting's reminder: members who said going or maybe, with their languages and zone
 * (the email is written in theirs). Someone who has since left the club keeps their RSVP row but
 * is no longer told about the club's meetings.
 */
export async function listReminderRecipients(input: { meetingId: string; clubId: string }) {
  return getDb()
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      browserLocale: users.browserLocale,
      timeZone: users.timeZone,
    })
    .from(rsvps)
    .innerJoin(clubMembers, and(eq(clubMembers.userId, rsvps.userId), eq(clubMembers.clubId, input.clubId)))
    .innerJoin(users, eq(users.id, rsvps.userId))
    .where(and(eq(rsvps.meetingId, input.meetingId), inArray(rsvps.status, ["going", "maybe"])))
    .orderBy(users.id);
}

export async function listMeetingReminderJobs(input: { meetingId: string }): Promise<ReminderJobRow[]> {
  return getDb()
    .select({ kind: meetingReminderJobs.kind, jobId: meetingReminderJobs.jobId, sendAt: meetingReminderJobs.sendAt })
    .from(meetingReminderJobs)
    .where(eq(meetingReminderJobs.meetingId, input.meetingId));
}

/** The meeting's recorded jobs become exactly `jobs`, in one transaction. */
export async function replaceMeetingReminderJobs(input: { meetingId: string; jobs: ReminderJobRow[] }): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.delete(meetingReminderJobs).where(eq(meetingReminderJobs.meetingId, input.meetingId));
    if (input.jobs.length > 0) {
      await tx.insert(meetingReminderJobs).values(input.jobs.map((job) => ({ meetingId: input.meetingId, ...job })));
    }
  });
}

/**
 * Every meeting that has not started yet, with the reminder jobs recorded for it: what the
 * queue compares at start to catch meetings scheduled while it was not running.
 */
export async function listUpcomingMeetingsWithReminderJobs(input: { now: Date }) {
  const rows = await getDb()
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      cancelledAt: meetings.cancelledAt,
      kind: meetingReminderJobs.kind,
      jobId: meetingReminderJobs.jobId,
      sendAt: meetingReminderJobs.sendAt,
    })
    .from(meetings)
    .leftJoin(meetingReminderJobs, eq(meetingReminderJobs.meetingId, meetings.id))
    .where(gt(meetings.startsAt, input.now))
    .orderBy(meetings.startsAt, meetings.id);

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
