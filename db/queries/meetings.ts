import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { rooms } from "@/db/schema/discussion";
import { rsvps, meetingAgenda, meetings } from "@/db/schema/meetings";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** What a moderator sets on a meeting; the start instant comes separately. */
export type MeetingValues = {
  title: string;
  timeZone: string;
  durationMinutes: number;
  location: string | null;
  readingAssignment: string | null;
  readingTarget: number | null;
  notes: string | null;
};

const meetingColumns = {
  id: meetings.id,
  clubId: meetings.clubId,
  bookId: meetings.bookId,
  seriesId: meetings.seriesId,
  title: meetings.title,
  startsAt: meetings.startsAt,
  timeZone: meetings.timeZone,
  durationMinutes: meetings.durationMinutes,
  location: meetings.location,
  readingAssignment: meetings.readingAssignment,
  readingTarget: meetings.readingTarget,
  notes: meetings.notes,
  sequence: meetings.sequence,
  cancelledAt: meetings.cancelledAt,
  currentRoomId: meetings.currentRoomId,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
};

export type MeetingRow = {
  id: string;
  clubId: string;
  bookId: string | null;
  seriesId: string | null;
  title: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  location: string | null;
  readingAssignment: string | null;
  readingTarget: number | null;
  notes: string | null;
  sequence: number;
  cancelledAt: Date | null;
  currentRoomId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

// A meeting is over once its last minute has passed; computed in SQL so "next" and "past" agree
// with meetingPhase() without loading every row.
const endsAt = sql`${meetings.startsAt} + ${meetings.durationMinutes} * interval '1 minute'`;

async function writeAgenda(tx: Transaction, meetingId: string, roomIds: string[]) {
  if (roomIds.length === 0) return;
  await tx.insert(meetingAgenda).values(roomIds.map((roomId, index) => ({ meetingId, roomId, position: index + 1 })));
}

/**
 * One meeting or a whole series: every meeting with its agenda, written together or not at all.
 * Meetings of a series share `seriesId`; each is a row of its own, editable on its own.
 */
export async function createMeetings(input: {
  clubId: string;
  bookId: string | null;
  createdById: string;
  seriesId: string | null;
  values: MeetingValues;
  starts: Date[];
  agenda: string[];
  /** More writes that commit with the meetings (their notifications), given them soonest first. */
  alongside?: (tx: Transaction, created: { id: string; startsAt: Date }[]) => Promise<void>;
}): Promise<{ id: string; startsAt: Date }[]> {
  return getDb().transaction(async (tx) => {
    const created = await tx
      .insert(meetings)
      .values(
        input.starts.map((startsAt) => ({
          clubId: input.clubId,
          bookId: input.bookId,
          createdById: input.createdById,
          seriesId: input.seriesId,
          startsAt,
          ...input.values,
        })),
      )
      .returning({ id: meetings.id, startsAt: meetings.startsAt });
    for (const meeting of created) await writeAgenda(tx, meeting.id, input.agenda);
    const sorted = created.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await input.alongside?.(tx, sorted);
    return sorted;
  });
}

export type MeetingUpdateResult =
  | { status: "updated"; startsAtChanged: boolean; sequence: number }
  | { status: "not_found" }
  | { status: "cancelled" };

/**
 * Replaces a meeting's details and agenda, raising its SEQUENCE so calendars replace their copy.
 * The row is locked first, so a concurrent cancel either happens before (and the edit is
 * refused) or after.
 */
export async function updateMeeting(input: {
  clubId: string;
  meetingId: string;
  values: MeetingValues;
  startsAt: Date;
  agenda: string[];
}): Promise<MeetingUpdateResult> {
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({ startsAt: meetings.startsAt, durationMinutes: meetings.durationMinutes, cancelledAt: meetings.cancelledAt })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.clubId, input.clubId)))
      .for("update");
    if (!current) return { status: "not_found" };
    if (current.cancelledAt) return { status: "cancelled" };
    const [updated] = await tx
      .update(meetings)
      .set({
        ...input.values,
        startsAt: input.startsAt,
        sequence: sql`${meetings.sequence} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(meetings.id, input.meetingId))
      .returning({ sequence: meetings.sequence });
    await tx.delete(meetingAgenda).where(eq(meetingAgenda.meetingId, input.meetingId));
    await writeAgenda(tx, input.meetingId, input.agenda);
    const startsAtChanged =
      current.startsAt.getTime() !== input.startsAt.getTime() || current.durationMinutes !== input.values.durationMinutes;
    return { status: "updated", startsAtChanged, sequence: updated?.sequence ?? 0 };
  });
}

/** Marks a meeting cancelled (it stays listed, marked); cancelling twice changes nothing. */
export async function markMeetingCancelled(input: { clubId: string; meetingId: string }): Promise<"cancelled" | "already_cancelled" | "not_found"> {
  const [row] = await getDb()
    .update(meetings)
    .set({ cancelledAt: sql`now()`, sequence: sql`${meetings.sequence} + 1`, updatedAt: sql`now()` })
    .where(and(eq(meetings.id, input.meetingId), eq(meetings.clubId, input.clubId), isNull(meetings.cancelledAt)))
    .returning({ id: meetings.id });
  if (row) return "cancelled";
  const [existing] = await getDb()
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.id, input.meetingId), eq(meetings.clubId, input.clubId)))
    .limit(1);
  return existing ? "already_cancelled" : "not_found";
}

/** A meeting of this club; an id from another club finds nothing. */
export async function getClubMeeting(input: { clubId: string; meetingId: string }): Promise<MeetingRow | null> {
  const [row] = await getDb()
    .select(meetingColumns)
    .from(meetings)
    .where(and(eq(meetings.id, input.meetingId), eq(meetings.clubId, input.clubId)))
    .limit(1);
  return row ?? null;
}

/** A meeting with its club's name, for exports that start from the meeting id alone. */
export async function getMeetingWithClub(input: { meetingId: string }) {
  const [row] = await getDb()
    .select({ ...meetingColumns, clubName: clubs.name })
    .from(meetings)
    .innerJoin(clubs, eq(clubs.id, meetings.clubId))
    .where(eq(meetings.id, input.meetingId))
    .limit(1);
  return row ?? null;
}

/** The agenda in its order, with each room's question; rooms archived since are still listed. */
export async function listMeetingAgenda(input: { meetingId: string }) {
  return getDb()
    .select({
      roomId: meetingAgenda.roomId,
      position: meetingAgenda.position,
      question: rooms.question,
      roomPosition: rooms.position,
      archivedAt: rooms.archivedAt,
    })
    .from(meetingAgenda)
    .innerJoin(rooms, eq(rooms.id, meetingAgenda.roomId))
    .where(eq(meetingAgenda.meetingId, input.meetingId))
    .orderBy(asc(meetingAgenda.position));
}

/** Which of these room ids are rooms of the club's given book that are still open for discussion. */
export async function findAgendaRooms(input: { clubId: string; bookId: string; roomIds: string[] }): Promise<string[]> {
  if (input.roomIds.length === 0) return [];
  const rows = await getDb()
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(inArray(rooms.id, input.roomIds), eq(rooms.clubId, input.clubId), eq(rooms.bookId, input.bookId), isNull(rooms.archivedAt)));
  return rows.map((row) => row.id);
}

const goingCount = sql<number>`(select count(*)::int from ${rsvps} where ${rsvps.meetingId} = ${meetings.id} and ${rsvps.status} = 'going')`;

function viewerRsvp(userId: string) {
  return sql<string | null>`(select ${rsvps.status}::text from ${rsvps} where ${rsvps.meetingId} = ${meetings.id} and ${rsvps.userId} = ${userId})`;
}

/** A club's meetings in time order, each with how many are going and what the viewer said. */
export async function listClubMeetings(input: { clubId: string; userId: string; endedBefore?: Date; endingAfter?: Date; order: "asc" | "desc"; limit: number }) {
  const conditions = [eq(meetings.clubId, input.clubId)];
  if (input.endingAfter) conditions.push(sql`${endsAt} > ${input.endingAfter.toISOString()}::timestamptz`);
  if (input.endedBefore) conditions.push(sql`${endsAt} <= ${input.endedBefore.toISOString()}::timestamptz`);
  return getDb()
    .select({ ...meetingColumns, goingCount, viewerRsvp: viewerRsvp(input.userId) })
    .from(meetings)
    .where(and(...conditions))
    .orderBy(input.order === "asc" ? asc(meetings.startsAt) : desc(meetings.startsAt), asc(meetings.id))
    .limit(input.limit);
}

/** The first meeting of the club that has not ended and is not cancelled. */
export async function getNextClubMeeting(input: { clubId: string; userId: string; now: Date }) {
  const [row] = await getDb()
    .select({ ...meetingColumns, goingCount, viewerRsvp: viewerRsvp(input.userId) })
    .from(meetings)
    .where(and(eq(meetings.clubId, input.clubId), isNull(meetings.cancelledAt), sql`${endsAt} > ${input.now.toISOString()}::timestamptz`))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(1);
  return row ?? null;
}

/**
 * For each of the user's clubs that has one, its next meeting that has not ended and is not
 * cancelled, with the user's role there (lib/ decides whether that role may see meetings).
 */
export async function listNextMeetingsForUser(input: { userId: string; now: Date }) {
  const rows = await getDb()
    .selectDistinctOn([meetings.clubId], {
      id: meetings.id,
      clubId: meetings.clubId,
      title: meetings.title,
      startsAt: meetings.startsAt,
      timeZone: meetings.timeZone,
      durationMinutes: meetings.durationMinutes,
      readingAssignment: meetings.readingAssignment,
      viewerRsvp: viewerRsvp(input.userId),
      viewerRole: clubMembers.role,
    })
    .from(meetings)
    .innerJoin(clubMembers, and(eq(clubMembers.clubId, meetings.clubId), eq(clubMembers.userId, input.userId)))
    .where(and(isNull(meetings.cancelledAt), sql`${endsAt} > ${input.now.toISOString()}::timestamptz`))
    .orderBy(asc(meetings.clubId), asc(meetings.startsAt), asc(meetings.id));
  return rows;
}

/**
 * Every meeting, cancelled ones included, of every club the user belongs to, starting from
 * `since`, with the user's role in its club (lib/ decides whether that role may see meetings).
 */
export async function listFeedMeetings(input: { userId: string; since: Date }) {
  return getDb()
    .select({ ...meetingColumns, clubName: clubs.name, viewerRole: clubMembers.role })
    .from(meetings)
    .innerJoin(clubs, eq(clubs.id, meetings.clubId))
    .innerJoin(clubMembers, and(eq(clubMembers.clubId, meetings.clubId), eq(clubMembers.userId, input.userId)))
    .where(gte(meetings.startsAt, input.since))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
}
