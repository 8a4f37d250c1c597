import { randomUUID } from "node:crypto";
import { getClubWithBook } from "@/db/queries/clubs";
import { listBookRooms } from "@/db/queries/rooms";
import { listMeetingRsvps, upsertRsvp } from "@/db/queries/rsvps";
import {
  createMeetings,
  findAgendaRooms,
  getClubMeeting,
  getNextClubMeeting,
  getMeetingWithClub,
  listClubMeetings,
  listNextMeetingsForUser,
  listMeetingAgenda,
  markMeetingCancelled,
  updateMeeting,
  type MeetingRow,
  type MeetingValues,
} from "@/db/queries/meetings";
import type { ClubRole } from "@/db/schema/clubs";
import type { RsvpStatus } from "@/db/schema/meetings";
import { requireClubPermission, requireMember } from "@/lib/club-access";
import { icsFilename, meetingDescription, meetingsToIcs } from "@/lib/calendar/ics";
import { AppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { scheduleMeetingReminders, withdrawMeetingReminders } from "@/lib/reminders/schedule";
import { repeatStarts, resolveLocalStart, meetingPhase, toLocalInputs, type MeetingPhase } from "@/lib/meetings/time";
import { parseInput } from "@/lib/validation/parse";
import { uuidParam } from "@/lib/validation/ids";
import { rsvpInput, scheduleMeetingInput, meetingInput, type MeetingInput } from "@/lib/validation/meetings";

// ---- what pages and components receive (plain data: dates as ISO strings) ----

export type MeetingView = {
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

export type MeetingListItem = MeetingView & { goingCount: number; viewerRsvp: RsvpStatus | null; phase: MeetingPhase };

export type AgendaItemView = { roomId: string; position: number; question: string; archived: boolean };

export type RsvpSummary = {
  counts: Record<RsvpStatus, number>;
  names: Record<RsvpStatus, string[]>;
};

/** What the club page's "next meeting" card needs; see components/meeting/next-meeting-card.tsx. */
export type NextMeetingView = {
  clubId: string;
  meetingId: string;
  href: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  location: string | null;
  locationIsLink: boolean;
  readingAssignment: string | null;
  phase: MeetingPhase;
  goingCount: number;
  viewerRsvp: RsvpStatus | null;
};

export type MeetingFormRoom = { id: string; position: number; question: string };

export type MeetingFormInitial = {
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

function toView(row: MeetingRow): MeetingView {
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

export function meetingHref(clubId: string, meetingId: string): string {
  return `/clubs/${clubId}/meetings/${meetingId}`;
}

// ---- access ----

/** A member's role in the club, for reading its meetings; strangers find no club. */
async function requireMeetingViewer(input: { clubId: unknown; userId: string }): Promise<{ clubId: string; role: ClubRole }> {
  const access = await requireMember(input);
  if (!can(access.role, "meeting:view")) throw notFound("This club");
  return access;
}

async function requireScheduler(input: { clubId: unknown; userId: string }) {
  return requireClubPermission({ ...input, action: "meeting:schedule", refusal: scheduleRefusal });
}

/** The club's meeting with this id; a malformed id or another club's meeting is simply not found. */
async function requireClubMeeting(input: { clubId: string; meetingId: unknown }): Promise<MeetingRow> {
  const parsed = uuidParam.safeParse(input.meetingId);
  if (!parsed.success) throw notFound("This meeting");
  const meeting = await getClubMeeting({ clubId: input.clubId, meetingId: parsed.data });
  if (!meeting) throw notFound("This meeting");
  return meeting;
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
function resolveStarts(data: MeetingInput, repeat: { everyWeeks: number; count: number } | null): Date[] {
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

function meetingValues(data: MeetingInput): MeetingValues {
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
export async function scheduleMeeting(input: { clubId: unknown; userId: string; values: unknown; now?: Date }): Promise<{ meetingIds: string[]; clubId: string }> {
  const { clubId } = await requireScheduler(input);
  const data = parseInput(scheduleMeetingInput, input.values);
  const starts = resolveStarts(data, data.repeat);
  const [first] = starts;
  if (!first) throw new AppError("bad_request", "Choose when the meeting starts.");
  refusePast(first, input.now ?? new Date());
  const club = await requireClub(clubId);
  const bookId = club.book?.id ?? null;
  await checkAgenda({ clubId, bookId, agenda: data.agenda });

  const created = await createMeetings({
    clubId,
    bookId,
    createdById: input.userId,
    seriesId: starts.length > 1 ? randomUUID() : null,
    values: meetingValues(data),
    starts,
    agenda: data.agenda,
  });
  // After the commit: reminders are for meetings that exist. (They never throw: a queue failure
  // is logged and repaired by the queue's own check, and the meeting stays scheduled.)
  for (const meeting of created) await scheduleMeetingReminders({ meetingId: meeting.id });
  return { meetingIds: created.map((meeting) => meeting.id), clubId };
}

/** A moderator changes one meeting (only that one, even in a series); calendars see a new SEQUENCE. */
export async function editMeeting(input: { clubId: unknown; meetingId: unknown; userId: string; values: unknown; now?: Date }): Promise<{ meetingId: string; clubId: string }> {
  const { clubId } = await requireScheduler(input);
  const meeting = await requireClubMeeting({ clubId, meetingId: input.meetingId });
  if (meeting.cancelledAt) throw new AppError("conflict", "This meeting was cancelled, so it can't be changed.");
  const data = parseInput(meetingInput, input.values);
  const [startsAt] = resolveStarts(data, null);
  if (!startsAt) throw new AppError("bad_request", "Choose when the meeting starts.");
  // A meeting that already happened may still get its notes fixed; only a new time must be ahead.
  if (startsAt.getTime() !== meeting.startsAt.getTime()) refusePast(startsAt, input.now ?? new Date());
  const club = await requireClub(clubId);
  const current = await listMeetingAgenda({ meetingId: meeting.id });
  await checkAgenda({ clubId, bookId: club.book?.id ?? null, agenda: data.agenda, alreadyOnAgenda: current.map((item) => item.roomId) });

  const result = await updateMeeting({ clubId, meetingId: meeting.id, values: meetingValues(data), startsAt, agenda: data.agenda });
  if (result.status === "not_found") throw notFound("This meeting");
  if (result.status === "cancelled") throw new AppError("conflict", "This meeting was cancelled, so it can't be changed.");
  if (result.startsAtChanged) await scheduleMeetingReminders({ meetingId: meeting.id });
  return { meetingId: meeting.id, clubId };
}

/** A moderator cancels a meeting: it stays listed, marked cancelled, and calendars drop it. */
export async function cancelMeeting(input: { clubId: unknown; meetingId: unknown; userId: string }): Promise<{ meetingId: string; clubId: string }> {
  const { clubId } = await requireScheduler(input);
  const meeting = await requireClubMeeting({ clubId, meetingId: input.meetingId });
  const result = await markMeetingCancelled({ clubId, meetingId: meeting.id });
  if (result === "not_found") throw notFound("This meeting");
  if (result === "cancelled") await withdrawMeetingReminders({ meetingId: meeting.id });
  return { meetingId: meeting.id, clubId };
}

/** A member answers going / maybe / not going, and may change their answer until the meeting ends. */
export async function setRsvp(input: { clubId: unknown; meetingId: unknown; userId: string; status: unknown; now?: Date }): Promise<{ status: RsvpStatus; summary: RsvpSummary }> {
  const { clubId, role } = await requireMeetingViewer(input);
  if (!can(role, "meeting:rsvp")) throw notFound("This meeting");
  const meeting = await requireClubMeeting({ clubId, meetingId: input.meetingId });
  const status = parseInput(rsvpInput, input.status);
  if (meeting.cancelledAt) throw new AppError("conflict", "This meeting was cancelled, so there's nothing to reply to.");
  if (meetingPhase(meeting, input.now ?? new Date()) === "past") throw new AppError("conflict", "This meeting has already ended.");
  await upsertRsvp({ meetingId: meeting.id, userId: input.userId, status });
  return { status, summary: summarize(await listMeetingRsvps({ meetingId: meeting.id })) };
}

function summarize(rows: { name: string; status: RsvpStatus }[]): RsvpSummary {
  const names: Record<RsvpStatus, string[]> = { going: [], maybe: [], not_going: [] };
  for (const row of rows) names[row.status].push(row.name);
  return { names, counts: { going: names.going.length, maybe: names.maybe.length, not_going: names.not_going.length } };
}

// ---- reads ----

/** The club's Meetings page: the next meeting, the rest of what is coming, and what has been. */
export async function loadMeetingsPage(input: { clubId: string; userId: string; now?: Date }) {
  const { clubId, role } = await requireMeetingViewer(input);
  const now = input.now ?? new Date();
  const [club, upcomingRows, pastRows] = await Promise.all([
    requireClub(clubId),
    listClubMeetings({ clubId, userId: input.userId, endingAfter: now, order: "asc", limit: 200 }),
    listClubMeetings({ clubId, userId: input.userId, endedBefore: now, order: "desc", limit: 50 }),
  ]);
  const item = (row: ClubMeetingRow) => toListItem(row, now);
  const nextRow = upcomingRows.find((row) => row.cancelledAt === null) ?? null;
  return {
    club: { id: club.id, name: club.name },
    role,
    next: nextRow ? toNextView(nextRow, now) : null,
    upcoming: upcomingRows.filter((row) => row !== nextRow).map(item),
    past: pastRows.map(item),
  };
}

type ClubMeetingRow = Awaited<ReturnType<typeof listClubMeetings>>[number];

function toListItem(row: ClubMeetingRow, now: Date): MeetingListItem {
  return { ...toView(row), goingCount: row.goingCount, viewerRsvp: asRsvp(row.viewerRsvp), phase: meetingPhase(row, now) };
}

/** The club's most recent past meetings, newest first, for the club page. */
export async function loadRecentPastMeetings(input: { clubId: string; userId: string; limit: number; now?: Date }): Promise<MeetingListItem[]> {
  const { clubId } = await requireMeetingViewer(input);
  const now = input.now ?? new Date();
  const rows = await listClubMeetings({ clubId, userId: input.userId, endedBefore: now, order: "desc", limit: input.limit });
  return rows.map((row) => toListItem(row, now));
}

/** One meeting: its plan, agenda and RSVPs, and where it stands in time. */
export async function loadMeetingPage(input: { clubId: string; meetingId: string; userId: string; now?: Date }) {
  const { clubId, role } = await requireMeetingViewer(input);
  const meeting = await requireClubMeeting({ clubId, meetingId: input.meetingId });
  const now = input.now ?? new Date();
  const [club, agenda, rsvps] = await Promise.all([
    requireClub(clubId),
    listMeetingAgenda({ meetingId: meeting.id }),
    listMeetingRsvps({ meetingId: meeting.id }),
  ]);
  return {
    club: { id: club.id, name: club.name },
    role,
    meeting: toView(meeting),
    currentRoomId: meeting.currentRoomId,
    phase: meetingPhase(meeting, now),
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
export async function loadMeetingForm(input: { clubId: string; userId: string; meetingId?: string }) {
  const { clubId, role } = await requireMeetingViewer(input);
  const club = await requireClub(clubId);
  const meeting = input.meetingId === undefined ? null : await requireClubMeeting({ clubId, meetingId: input.meetingId });
  const bookRooms = club.book ? await listBookRooms({ bookId: club.book.id }) : [];
  const rooms: MeetingFormRoom[] = bookRooms.map((room) => ({ id: room.id, position: room.position, question: room.question }));
  let initial: MeetingFormInitial | null = null;
  if (meeting) {
    const agenda = await listMeetingAgenda({ meetingId: meeting.id });
    // Questions already on the agenda stay choosable even if they are from an earlier book.
    for (const item of agenda) {
      if (!rooms.some((room) => room.id === item.roomId)) rooms.push({ id: item.roomId, position: item.roomPosition, question: item.question });
    }
    const local = toLocalInputs(meeting.startsAt, meeting.timeZone);
    initial = {
      title: meeting.title,
      date: local.date,
      time: local.time,
      timeZone: meeting.timeZone,
      durationMinutes: meeting.durationMinutes,
      location: meeting.location ?? "",
      readingAssignment: meeting.readingAssignment ?? "",
      notes: meeting.notes ?? "",
      agenda: agenda.map((item) => item.roomId),
    };
  }
  return {
    club: { id: club.id, name: club.name },
    book: club.book ? { id: club.book.id, title: club.book.title } : null,
    role,
    rooms,
    meeting: meeting ? toView(meeting) : null,
    initial,
  };
}

/** The club's next meeting for the card on the club page, or null when nothing is planned. */
export async function loadNextMeeting(input: { clubId: string; userId: string; now?: Date }): Promise<NextMeetingView | null> {
  const { clubId } = await requireMeetingViewer(input);
  const now = input.now ?? new Date();
  const row = await getNextClubMeeting({ clubId, userId: input.userId, now });
  return row ? toNextView(row, now) : null;
}

function toNextView(row: MeetingRow & { goingCount: number; viewerRsvp: string | null }, now: Date): NextMeetingView {
  return {
    clubId: row.clubId,
    meetingId: row.id,
    href: meetingHref(row.clubId, row.id),
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    location: row.location,
    locationIsLink: isLink(row.location),
    readingAssignment: row.readingAssignment,
    phase: meetingPhase(row, now),
    goingCount: row.goingCount,
    viewerRsvp: asRsvp(row.viewerRsvp),
  };
}

export type HomeNextMeeting = {
  meetingId: string;
  href: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  phase: MeetingPhase;
  viewerRsvp: RsvpStatus | null;
};

/** For the home page: each of the user's clubs' next meeting, keyed by club id. */
export async function loadNextMeetingsByClub(input: { userId: string; now?: Date }): Promise<Record<string, HomeNextMeeting>> {
  const now = input.now ?? new Date();
  const rows = await listNextMeetingsForUser({ userId: input.userId, now });
  const byClub: Record<string, HomeNextMeeting> = {};
  for (const row of rows) {
    byClub[row.clubId] = {
      meetingId: row.id,
      href: meetingHref(row.clubId, row.id),
      title: row.title,
      startsAt: row.startsAt.toISOString(),
      durationMinutes: row.durationMinutes,
      timeZone: row.timeZone,
      phase: meetingPhase(row, now),
      viewerRsvp: asRsvp(row.viewerRsvp),
    };
  }
  return byClub;
}

// ---- calendar exports ----

type ExportableMeeting = MeetingRow & { clubName: string };

/** A meeting as a calendar event, linking back to its page on this site. */
export function toCalendarEvent(meeting: ExportableMeeting, origin: string) {
  return {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    timeZone: meeting.timeZone,
    location: meeting.location,
    description: meetingDescription({ readingAssignment: meeting.readingAssignment, notes: meeting.notes }),
    url: origin ? `${origin}${meetingHref(meeting.clubId, meeting.id)}` : null,
    sequence: meeting.sequence,
    cancelled: meeting.cancelledAt !== null,
    updatedAt: meeting.updatedAt,
    clubName: meeting.clubName,
  };
}

/** One meeting as an .ics file, for members of its club only (everyone else: not found). */
export async function loadMeetingIcs(input: { meetingId: unknown; userId: string; origin: string }): Promise<{ filename: string; body: string }> {
  const parsed = uuidParam.safeParse(input.meetingId);
  if (!parsed.success) throw notFound("This meeting");
  const meeting = await getMeetingWithClub({ meetingId: parsed.data });
  if (!meeting) throw notFound("This meeting");
  await requireMeetingViewer({ clubId: meeting.clubId, userId: input.userId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") throw notFound("This meeting");
    throw error;
  });
  const body = meetingsToIcs({ calendarName: meeting.clubName, events: [toCalendarEvent(meeting, input.origin)], method: "PUBLISH" });
  return { filename: icsFilename(meeting.title), body };
}
