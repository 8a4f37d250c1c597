import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { rooms } from "@/db/schema/discussion";
import { rsvps, sessionAgenda, sessions } from "@/db/schema/sessions";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** What a moderator sets on a meeting; the start instant comes separately. */
export type SessionValues = {
  title: string;
  timeZone: string;
  durationMinutes: number;
  location: string | null;
  readingAssignment: string | null;
  notes: string | null;
};

const sessionColumns = {
  id: sessions.id,
  clubId: sessions.clubId,
  bookId: sessions.bookId,
  seriesId: sessions.seriesId,
  title: sessions.title,
  startsAt: sessions.startsAt,
  timeZone: sessions.timeZone,
  durationMinutes: sessions.durationMinutes,
  location: sessions.location,
  readingAssignment: sessions.readingAssignment,
  notes: sessions.notes,
  sequence: sessions.sequence,
  cancelledAt: sessions.cancelledAt,
  currentRoomId: sessions.currentRoomId,
  createdAt: sessions.createdAt,
  updatedAt: sessions.updatedAt,
};

export type SessionRow = {
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
  notes: string | null;
  sequence: number;
  cancelledAt: Date | null;
  currentRoomId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

// A session is over once its last minute has passed; computed in SQL so "next" and "past" agree
// with sessionPhase() without loading every row.
const endsAt = sql`${sessions.startsAt} + ${sessions.durationMinutes} * interval '1 minute'`;

async function writeAgenda(tx: Transaction, sessionId: string, roomIds: string[]) {
  if (roomIds.length === 0) return;
  await tx.insert(sessionAgenda).values(roomIds.map((roomId, index) => ({ sessionId, roomId, position: index + 1 })));
}

/**
 * One meeting or a whole series: every session with its agenda, written together or not at all.
 * Sessions of a series share `seriesId`; each is a row of its own, editable on its own.
 */
export async function createSessions(input: {
  clubId: string;
  bookId: string | null;
  createdById: string;
  seriesId: string | null;
  values: SessionValues;
  starts: Date[];
  agenda: string[];
}): Promise<{ id: string; startsAt: Date }[]> {
  return getDb().transaction(async (tx) => {
    const created = await tx
      .insert(sessions)
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
      .returning({ id: sessions.id, startsAt: sessions.startsAt });
    for (const session of created) await writeAgenda(tx, session.id, input.agenda);
    return created.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  });
}

export type SessionUpdateResult =
  | { status: "updated"; startsAtChanged: boolean; sequence: number }
  | { status: "not_found" }
  | { status: "cancelled" };

/**
 * Replaces a session's details and agenda, raising its SEQUENCE so calendars replace their copy.
 * The row is locked first, so a concurrent cancel either happens before (and the edit is
 * refused) or after.
 */
export async function updateSession(input: {
  clubId: string;
  sessionId: string;
  values: SessionValues;
  startsAt: Date;
  agenda: string[];
}): Promise<SessionUpdateResult> {
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({ startsAt: sessions.startsAt, durationMinutes: sessions.durationMinutes, cancelledAt: sessions.cancelledAt })
      .from(sessions)
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.clubId, input.clubId)))
      .for("update");
    if (!current) return { status: "not_found" };
    if (current.cancelledAt) return { status: "cancelled" };
    const [updated] = await tx
      .update(sessions)
      .set({
        ...input.values,
        startsAt: input.startsAt,
        sequence: sql`${sessions.sequence} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(sessions.id, input.sessionId))
      .returning({ sequence: sessions.sequence });
    await tx.delete(sessionAgenda).where(eq(sessionAgenda.sessionId, input.sessionId));
    await writeAgenda(tx, input.sessionId, input.agenda);
    const startsAtChanged =
      current.startsAt.getTime() !== input.startsAt.getTime() || current.durationMinutes !== input.values.durationMinutes;
    return { status: "updated", startsAtChanged, sequence: updated?.sequence ?? 0 };
  });
}

/** Marks a session cancelled (it stays listed, marked); cancelling twice changes nothing. */
export async function markSessionCancelled(input: { clubId: string; sessionId: string }): Promise<"cancelled" | "already_cancelled" | "not_found"> {
  const [row] = await getDb()
    .update(sessions)
    .set({ cancelledAt: sql`now()`, sequence: sql`${sessions.sequence} + 1`, updatedAt: sql`now()` })
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.clubId, input.clubId), isNull(sessions.cancelledAt)))
    .returning({ id: sessions.id });
  if (row) return "cancelled";
  const [existing] = await getDb()
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.clubId, input.clubId)))
    .limit(1);
  return existing ? "already_cancelled" : "not_found";
}

/** A session of this club; an id from another club finds nothing. */
export async function getClubSession(input: { clubId: string; sessionId: string }): Promise<SessionRow | null> {
  const [row] = await getDb()
    .select(sessionColumns)
    .from(sessions)
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.clubId, input.clubId)))
    .limit(1);
  return row ?? null;
}

/** A session with its club's name, for exports that start from the session id alone. */
export async function getSessionWithClub(input: { sessionId: string }) {
  const [row] = await getDb()
    .select({ ...sessionColumns, clubName: clubs.name })
    .from(sessions)
    .innerJoin(clubs, eq(clubs.id, sessions.clubId))
    .where(eq(sessions.id, input.sessionId))
    .limit(1);
  return row ?? null;
}

/** The agenda in its order, with each room's question; rooms archived since are still listed. */
export async function listSessionAgenda(input: { sessionId: string }) {
  return getDb()
    .select({
      roomId: sessionAgenda.roomId,
      position: sessionAgenda.position,
      question: rooms.question,
      roomPosition: rooms.position,
      archivedAt: rooms.archivedAt,
    })
    .from(sessionAgenda)
    .innerJoin(rooms, eq(rooms.id, sessionAgenda.roomId))
    .where(eq(sessionAgenda.sessionId, input.sessionId))
    .orderBy(asc(sessionAgenda.position));
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

const goingCount = sql<number>`(select count(*)::int from ${rsvps} where ${rsvps.sessionId} = ${sessions.id} and ${rsvps.status} = 'going')`;

function viewerRsvp(userId: string) {
  return sql<string | null>`(select ${rsvps.status}::text from ${rsvps} where ${rsvps.sessionId} = ${sessions.id} and ${rsvps.userId} = ${userId})`;
}

/** A club's sessions in time order, each with how many are going and what the viewer said. */
export async function listClubSessions(input: { clubId: string; userId: string; endedBefore?: Date; endingAfter?: Date; order: "asc" | "desc"; limit: number }) {
  const conditions = [eq(sessions.clubId, input.clubId)];
  if (input.endingAfter) conditions.push(sql`${endsAt} > ${input.endingAfter.toISOString()}::timestamptz`);
  if (input.endedBefore) conditions.push(sql`${endsAt} <= ${input.endedBefore.toISOString()}::timestamptz`);
  return getDb()
    .select({ ...sessionColumns, goingCount, viewerRsvp: viewerRsvp(input.userId) })
    .from(sessions)
    .where(and(...conditions))
    .orderBy(input.order === "asc" ? asc(sessions.startsAt) : desc(sessions.startsAt), asc(sessions.id))
    .limit(input.limit);
}

/** The first session of the club that has not ended and is not cancelled. */
export async function getNextClubSession(input: { clubId: string; userId: string; now: Date }) {
  const [row] = await getDb()
    .select({ ...sessionColumns, goingCount, viewerRsvp: viewerRsvp(input.userId) })
    .from(sessions)
    .where(and(eq(sessions.clubId, input.clubId), isNull(sessions.cancelledAt), sql`${endsAt} > ${input.now.toISOString()}::timestamptz`))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(1);
  return row ?? null;
}

/** For each of the user's clubs that has one, its next session that has not ended and is not cancelled. */
export async function listNextSessionsForUser(input: { userId: string; now: Date }) {
  const rows = await getDb()
    .selectDistinctOn([sessions.clubId], {
      id: sessions.id,
      clubId: sessions.clubId,
      title: sessions.title,
      startsAt: sessions.startsAt,
      timeZone: sessions.timeZone,
      durationMinutes: sessions.durationMinutes,
      readingAssignment: sessions.readingAssignment,
      viewerRsvp: viewerRsvp(input.userId),
    })
    .from(sessions)
    .innerJoin(clubMembers, and(eq(clubMembers.clubId, sessions.clubId), eq(clubMembers.userId, input.userId)))
    .where(and(isNull(sessions.cancelledAt), sql`${endsAt} > ${input.now.toISOString()}::timestamptz`))
    .orderBy(asc(sessions.clubId), asc(sessions.startsAt), asc(sessions.id));
  return rows;
}

/** Every session, cancelled ones included, of every club the user belongs to, starting from `since`. */
export async function listFeedSessions(input: { userId: string; since: Date }) {
  return getDb()
    .select({ ...sessionColumns, clubName: clubs.name })
    .from(sessions)
    .innerJoin(clubs, eq(clubs.id, sessions.clubId))
    .innerJoin(clubMembers, and(eq(clubMembers.clubId, sessions.clubId), eq(clubMembers.userId, input.userId)))
    .where(gte(sessions.startsAt, input.since))
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
}
