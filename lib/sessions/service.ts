import { randomUUID } from "node:crypto";
import { getClubWithBook } from "@/db/queries/clubs";
import { listBookRooms } from "@/db/queries/rooms";
import { listSessionRsvps, upsertRsvp } from "@/db/queries/rsvps";
import {
  createSessions,
  findAgendaRooms,
  getClubSession,
  getNextClubSession,
  getSessionWithClub,
  listClubSessions,
  listNextSessionsForUser,
  listSessionAgenda,
  markSessionCancelled,
  updateSession,
  type SessionRow,
  type SessionValues,
} from "@/db/queries/sessions";
import type { ClubRole } from "@/db/schema/clubs";
import type { RsvpStatus } from "@/db/schema/sessions";
import { requireClubPermission, requireMember } from "@/lib/club-access";
import { icsFilename, sessionDescription, sessionsToIcs } from "@/lib/calendar/ics";
import { AppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { scheduleSessionReminders, withdrawSessionReminders } from "@/lib/reminders/schedule";
import { repeatStarts, resolveLocalStart, sessionPhase, toLocalInputs, type SessionPhase } from "@/lib/sessions/time";
import { parseInput } from "@/lib/validation/parse";
import { uuidParam } from "@/lib/validation/ids";
import { rsvpInput, scheduleSessionInput, sessionInput, type SessionInput } from "@/lib/validation/sessions";

// ---- what pages and components receive (plain data: dates as ISO strings) ----

export type SessionView = {
  id: string;
  clubId: string;
  seriesId: string | null;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  location: string | null;
  /** True when `location` is an http(s) link (a video call) rather than a place in words. */
  locationIsLink: boolean;
  readingAssignment: string | null;
  notes: string | null;
  sequence: number;
  cancelledAt: string | null;
  updatedAt: string;
};

export type SessionListItem = SessionView & { goingCount: number; viewerRsvp: RsvpStatus | null; phase: SessionPhase };

export type AgendaItemView = { roomId: string; position: number; question: string; archived: boolean };

export type RsvpSummary = {
  counts: Record<RsvpStatus, number>;
  names: Record<RsvpStatus, string[]>;
};

/** What the club page's "next meeting" card needs; see components/session/next-session-card.tsx. */
export type NextSessionView = {
  clubId: string;
  sessionId: string;
  href: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  location: string | null;
  locationIsLink: boolean;
  readingAssignment: string | null;
  phase: SessionPhase;
  goingCount: number;
  viewerRsvp: RsvpStatus | null;
};

export type SessionFormRoom = { id: string; position: number; question: string };

export type SessionFormInitial = {
  title: string;
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: number;
  location: string;
  readingAssignment: string;
  notes: string;
  agenda: string[];
};

const scheduleRefusal = "Only the club's owner and moderators can schedule, change or cancel meetings.";

const RSVP_STATUSES: RsvpStatus[] = ["going", "maybe", "not_going"];

export function isLink(location: string | null): boolean {
  return location !== null && /^https?:\/\//i.test(location);
}

function toView(row: SessionRow): SessionView {
  return {
    id: row.id,
    clubId: row.clubId,
    seriesId: row.seriesId,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    location: row.location,
    locationIsLink: isLink(row.location),
    readingAssignment: row.readingAssignment,
    notes: row.notes,
    sequence: row.sequence,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function asRsvp(value: string | null): RsvpStatus | null {
  return RSVP_STATUSES.find((status) => status === value) ?? null;
}

export function sessionHref(clubId: string, sessionId: string): string {
  return `/clubs/${clubId}/sessions/${sessionId}`;
}

// ---- access ----

/** A member's role in the club, for reading its meetings; strangers find no club. */
async function requireSessionViewer(input: { clubId: unknown; userId: string }): Promise<{ clubId: string; role: ClubRole }> {
  const access = await requireMember(input);
  if (!can(access.role, "session:view")) throw notFound("This club");
  return access;
}

async function requireScheduler(input: { clubId: unknown; userId: string }) {
  return requireClubPermission({ ...input, action: "session:schedule", refusal: scheduleRefusal });
}

/** The club's session with this id; a malformed id or another club's session is simply not found. */
async function requireClubSession(input: { clubId: string; sessionId: unknown }): Promise<SessionRow> {
  const parsed = uuidParam.safeParse(input.sessionId);
  if (!parsed.success) throw notFound("This meeting");
  const session = await getClubSession({ clubId: input.clubId, sessionId: parsed.data });
  if (!session) throw notFound("This meeting");
  return session;
}

async function requireClub(clubId: string) {
  const club = await getClubWithBook({ clubId });
  if (!club) throw notFound("This club");
  return club;
}

// ---- turning the form into instants ----

function startProblem(result: { reason: string; message: string }): AppError {
  const field =
    result.reason === "unknown_zone"
      ? "timeZone"
      : result.reason === "ambiguous"
        ? "choice"
        : result.reason === "invalid" && /isn't a date/.test(result.message)
          ? "date"
          : "time";
  return new AppError("bad_request", result.message, { [field]: result.message });
}

/** Every start the moderator asked for, never shifted: a gap or an unresolved double time is refused. */
function resolveStarts(data: SessionInput, repeat: { everyWeeks: number; count: number } | null): Date[] {
  const local = { date: data.date, time: data.time, timeZone: data.timeZone };
  const choice = data.choice ?? undefined;
  if (repeat) {
    const result = repeatStarts({ ...local, ...repeat }, choice);
    if (!result.ok) throw startProblem(result);
    return result.starts;
  }
  const result = resolveLocalStart(local, choice);
  if (!result.ok) throw startProblem(result);
  return [result.startsAt];
}

function refusePast(startsAt: Date, now: Date): void {
  if (startsAt.getTime() > now.getTime()) return;
  const message = "That time has already passed. Choose a day and time in the future.";
  throw new AppError("bad_request", message, { date: message });
}

/**
 * The agenda may only name open questions of the club's current book (plus, when editing,
 * questions the meeting already had, which may belong to an earlier book by now).
 */
async function checkAgenda(input: { clubId: string; bookId: string | null; agenda: string[]; alreadyOnAgenda?: string[] }): Promise<void> {
  const kept = new Set(input.alreadyOnAgenda ?? []);
  const added = input.agenda.filter((roomId) => !kept.has(roomId));
  if (added.length === 0) return;
  const found = input.bookId ? new Set(await findAgendaRooms({ clubId: input.clubId, bookId: input.bookId, roomIds: added })) : new Set<string>();
  if (added.every((roomId) => found.has(roomId))) return;
  const message = "One of the agenda questions isn't one of this club's questions for the current book. Reload the page and choose again.";
  throw new AppError("bad_request", message, { agenda: message });
}

function sessionValues(data: SessionInput): SessionValues {
  return {
    title: data.title,
    timeZone: data.timeZone,
    durationMinutes: data.durationMinutes,
    location: data.location,
    readingAssignment: data.readingAssignment,
    notes: data.notes,
  };
}

// ---- writes ----

/**
 * A moderator schedules one meeting, or a series every N weeks at the same local time. All of it
 * is checked before anything is written, and then written in one transaction.
 */
export async function scheduleSession(input: { clubId: unknown; userId: string; values: unknown; now?: Date }): Promise<{ sessionIds: string[]; clubId: string }> {
  const { clubId } = await requireScheduler(input);
  const data = parseInput(scheduleSessionInput, input.values);
  const starts = resolveStarts(data, data.repeat);
  const [first] = starts;
  if (!first) throw new AppError("bad_request", "Choose when the meeting starts.");
  refusePast(first, input.now ?? new Date());
  const club = await requireClub(clubId);
  const bookId = club.book?.id ?? null;
  await checkAgenda({ clubId, bookId, agenda: data.agenda });

  const created = await createSessions({
    clubId,
    bookId,
    createdById: input.userId,
    seriesId: starts.length > 1 ? randomUUID() : null,
    values: sessionValues(data),
    starts,
    agenda: data.agenda,
  });
  // After the commit: reminders are for meetings that exist. (They never throw: a queue failure
  // is logged and repaired by the queue's own check, and the meeting stays scheduled.)
  for (const session of created) await scheduleSessionReminders({ sessionId: session.id });
  return { sessionIds: created.map((session) => session.id), clubId };
}

/** A moderator changes one meeting (only that one, even in a series); calendars see a new SEQUENCE. */
export async function editSession(input: { clubId: unknown; sessionId: unknown; userId: string; values: unknown; now?: Date }): Promise<{ sessionId: string; clubId: string }> {
  const { clubId } = await requireScheduler(input);
  const session = await requireClubSession({ clubId, sessionId: input.sessionId });
  if (session.cancelledAt) throw new AppError("conflict", "This meeting was cancelled, so it can't be changed.");
  const data = parseInput(sessionInput, input.values);
  const [startsAt] = resolveStarts(data, null);
  if (!startsAt) throw new AppError("bad_request", "Choose when the meeting starts.");
  // A meeting that already happened may still get its notes fixed; only a new time must be ahead.
  if (startsAt.getTime() !== session.startsAt.getTime()) refusePast(startsAt, input.now ?? new Date());
  const club = await requireClub(clubId);
  const current = await listSessionAgenda({ sessionId: session.id });
  await checkAgenda({ clubId, bookId: club.book?.id ?? null, agenda: data.agenda, alreadyOnAgenda: current.map((item) => item.roomId) });

  const result = await updateSession({ clubId, sessionId: session.id, values: sessionValues(data), startsAt, agenda: data.agenda });
  if (result.status === "not_found") throw notFound("This meeting");
  if (result.status === "cancelled") throw new AppError("conflict", "This meeting was cancelled, so it can't be changed.");
  if (result.startsAtChanged) await scheduleSessionReminders({ sessionId: session.id });
  return { sessionId: session.id, clubId };
}

/** A moderator cancels a meeting: it stays listed, marked cancelled, and calendars drop it. */
export async function cancelSession(input: { clubId: unknown; sessionId: unknown; userId: string }): Promise<{ sessionId: string; clubId: string }> {
  const { clubId } = await requireScheduler(input);
  const session = await requireClubSession({ clubId, sessionId: input.sessionId });
  const result = await markSessionCancelled({ clubId, sessionId: session.id });
  if (result === "not_found") throw notFound("This meeting");
  if (result === "cancelled") await withdrawSessionReminders({ sessionId: session.id });
  return { sessionId: session.id, clubId };
}

/** A member answers going / maybe / not going, and may change their answer until the meeting ends. */
export async function setRsvp(input: { clubId: unknown; sessionId: unknown; userId: string; status: unknown; now?: Date }): Promise<{ status: RsvpStatus; summary: RsvpSummary }> {
  const { clubId, role } = await requireSessionViewer(input);
  if (!can(role, "session:rsvp")) throw notFound("This meeting");
  const session = await requireClubSession({ clubId, sessionId: input.sessionId });
  const status = parseInput(rsvpInput, input.status);
  if (session.cancelledAt) throw new AppError("conflict", "This meeting was cancelled, so there's nothing to reply to.");
  if (sessionPhase(session, input.now ?? new Date()) === "past") throw new AppError("conflict", "This meeting has already ended.");
  await upsertRsvp({ sessionId: session.id, userId: input.userId, status });
  return { status, summary: summarize(await listSessionRsvps({ sessionId: session.id })) };
}

function summarize(rows: { name: string; status: RsvpStatus }[]): RsvpSummary {
  const names: Record<RsvpStatus, string[]> = { going: [], maybe: [], not_going: [] };
  for (const row of rows) names[row.status].push(row.name);
  return { names, counts: { going: names.going.length, maybe: names.maybe.length, not_going: names.not_going.length } };
}

// ---- reads ----

/** The club's Meetings page: the next meeting, the rest of what is coming, and what has been. */
export async function loadSessionsPage(input: { clubId: string; userId: string; now?: Date }) {
  const { clubId, role } = await requireSessionViewer(input);
  const now = input.now ?? new Date();
  const [club, upcomingRows, pastRows] = await Promise.all([
    requireClub(clubId),
    listClubSessions({ clubId, userId: input.userId, endingAfter: now, order: "asc", limit: 200 }),
    listClubSessions({ clubId, userId: input.userId, endedBefore: now, order: "desc", limit: 50 }),
  ]);
  const item = (row: ClubSessionRow) => toListItem(row, now);
  const nextRow = upcomingRows.find((row) => row.cancelledAt === null) ?? null;
  return {
    club: { id: club.id, name: club.name },
    role,
    next: nextRow ? toNextView(nextRow, now) : null,
    upcoming: upcomingRows.filter((row) => row !== nextRow).map(item),
    past: pastRows.map(item),
  };
}

type ClubSessionRow = Awaited<ReturnType<typeof listClubSessions>>[number];

function toListItem(row: ClubSessionRow, now: Date): SessionListItem {
  return { ...toView(row), goingCount: row.goingCount, viewerRsvp: asRsvp(row.viewerRsvp), phase: sessionPhase(row, now) };
}

/** The club's most recent past meetings, newest first, for the club page. */
export async function loadRecentPastSessions(input: { clubId: string; userId: string; limit: number; now?: Date }): Promise<SessionListItem[]> {
  const { clubId } = await requireSessionViewer(input);
  const now = input.now ?? new Date();
  const rows = await listClubSessions({ clubId, userId: input.userId, endedBefore: now, order: "desc", limit: input.limit });
  return rows.map((row) => toListItem(row, now));
}

/** One meeting: its plan, agenda and RSVPs, and where it stands in time. */
export async function loadSessionPage(input: { clubId: string; sessionId: string; userId: string; now?: Date }) {
  const { clubId, role } = await requireSessionViewer(input);
  const session = await requireClubSession({ clubId, sessionId: input.sessionId });
  const now = input.now ?? new Date();
  const [club, agenda, rsvps] = await Promise.all([
    requireClub(clubId),
    listSessionAgenda({ sessionId: session.id }),
    listSessionRsvps({ sessionId: session.id }),
  ]);
  return {
    club: { id: club.id, name: club.name },
    role,
    session: toView(session),
    currentRoomId: session.currentRoomId,
    phase: sessionPhase(session, now),
    // In agenda order, each labelled with the room's own question number, as everywhere else.
    agenda: agenda.map((item): AgendaItemView => ({ roomId: item.roomId, position: item.roomPosition, question: item.question, archived: item.archivedAt !== null })),
    rsvps: summarize(rsvps),
    viewerRsvp: rsvps.find((row) => row.userId === input.userId)?.status ?? null,
  };
}

/**
 * The scheduling form: the current book's questions to pick the agenda from and, when editing,
 * the meeting as the moderator typed it (in its own zone). Members get their role back and a
 * page that says this is for moderators.
 */
export async function loadSessionForm(input: { clubId: string; userId: string; sessionId?: string }) {
  const { clubId, role } = await requireSessionViewer(input);
  const club = await requireClub(clubId);
  const session = input.sessionId === undefined ? null : await requireClubSession({ clubId, sessionId: input.sessionId });
  const bookRooms = club.book ? await listBookRooms({ bookId: club.book.id }) : [];
  const rooms: SessionFormRoom[] = bookRooms.map((room) => ({ id: room.id, position: room.position, question: room.question }));
  let initial: SessionFormInitial | null = null;
  if (session) {
    const agenda = await listSessionAgenda({ sessionId: session.id });
    // Questions already on the agenda stay choosable even if they are from an earlier book.
    for (const item of agenda) {
      if (!rooms.some((room) => room.id === item.roomId)) rooms.push({ id: item.roomId, position: item.roomPosition, question: item.question });
    }
    const local = toLocalInputs(session.startsAt, session.timeZone);
    initial = {
      title: session.title,
      date: local.date,
      time: local.time,
      timeZone: session.timeZone,
      durationMinutes: session.durationMinutes,
      location: session.location ?? "",
      readingAssignment: session.readingAssignment ?? "",
      notes: session.notes ?? "",
      agenda: agenda.map((item) => item.roomId),
    };
  }
  return {
    club: { id: club.id, name: club.name },
    book: club.book ? { id: club.book.id, title: club.book.title } : null,
    role,
    rooms,
    session: session ? toView(session) : null,
    initial,
  };
}

/** The club's next meeting for the card on the club page, or null when nothing is planned. */
export async function loadNextSession(input: { clubId: string; userId: string; now?: Date }): Promise<NextSessionView | null> {
  const { clubId } = await requireSessionViewer(input);
  const now = input.now ?? new Date();
  const row = await getNextClubSession({ clubId, userId: input.userId, now });
  return row ? toNextView(row, now) : null;
}

function toNextView(row: SessionRow & { goingCount: number; viewerRsvp: string | null }, now: Date): NextSessionView {
  return {
    clubId: row.clubId,
    sessionId: row.id,
    href: sessionHref(row.clubId, row.id),
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    location: row.location,
    locationIsLink: isLink(row.location),
    readingAssignment: row.readingAssignment,
    phase: sessionPhase(row, now),
    goingCount: row.goingCount,
    viewerRsvp: asRsvp(row.viewerRsvp),
  };
}

export type HomeNextSession = {
  sessionId: string;
  href: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  phase: SessionPhase;
  viewerRsvp: RsvpStatus | null;
};

/** For the home page: each of the user's clubs' next meeting, keyed by club id. */
export async function loadNextSessionsByClub(input: { userId: string; now?: Date }): Promise<Record<string, HomeNextSession>> {
  const now = input.now ?? new Date();
  const rows = await listNextSessionsForUser({ userId: input.userId, now });
  const byClub: Record<string, HomeNextSession> = {};
  for (const row of rows) {
    byClub[row.clubId] = {
      sessionId: row.id,
      href: sessionHref(row.clubId, row.id),
      title: row.title,
      startsAt: row.startsAt.toISOString(),
      durationMinutes: row.durationMinutes,
      timeZone: row.timeZone,
      phase: sessionPhase(row, now),
      viewerRsvp: asRsvp(row.viewerRsvp),
    };
  }
  return byClub;
}

// ---- calendar exports ----

type ExportableSession = SessionRow & { clubName: string };

/** A session as a calendar event, linking back to its page on this site. */
export function toCalendarEvent(session: ExportableSession, origin: string) {
  return {
    id: session.id,
    title: session.title,
    startsAt: session.startsAt,
    durationMinutes: session.durationMinutes,
    timeZone: session.timeZone,
    location: session.location,
    description: sessionDescription({ readingAssignment: session.readingAssignment, notes: session.notes }),
    url: origin ? `${origin}${sessionHref(session.clubId, session.id)}` : null,
    sequence: session.sequence,
    cancelled: session.cancelledAt !== null,
    updatedAt: session.updatedAt,
    clubName: session.clubName,
  };
}

/** One meeting as an .ics file, for members of its club only (everyone else: not found). */
export async function loadSessionIcs(input: { sessionId: unknown; userId: string; origin: string }): Promise<{ filename: string; body: string }> {
  const parsed = uuidParam.safeParse(input.sessionId);
  if (!parsed.success) throw notFound("This meeting");
  const session = await getSessionWithClub({ sessionId: parsed.data });
  if (!session) throw notFound("This meeting");
  await requireSessionViewer({ clubId: session.clubId, userId: input.userId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") throw notFound("This meeting");
    throw error;
  });
  const body = sessionsToIcs({ calendarName: session.clubName, events: [toCalendarEvent(session, input.origin)], method: "PUBLISH" });
  return { filename: icsFilename(session.title), body };
}
