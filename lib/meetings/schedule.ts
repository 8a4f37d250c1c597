// Writes: scheduling, editing and cancelling meetings (moderators), and RSVPs (members). Each
// checks everything before writing, writes in one transaction, and touches reminders after commit.
import { randomUUID } from "node:crypto";
import { listMeetingRsvps, upsertRsvp } from "@/db/queries/rsvps";
import { createMeetings, findAgendaRooms, listMeetingAgenda, markMeetingCancelled, updateMeeting, type MeetingValues } from "@/db/queries/meetings";
import type { RsvpStatus } from "@/db/schema/meetings";
import { AppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { scheduleMeetingReminders, withdrawMeetingReminders } from "@/lib/reminders/schedule";
import { repeatStarts, resolveLocalStart, meetingPhase } from "@/lib/meetings/time";
import { parseInput } from "@/lib/validation/parse";
import { rsvpInput, scheduleMeetingInput, meetingInput, type MeetingInput } from "@/lib/validation/meetings";
import { RsvpSummary } from "./views";
import { requireMeetingViewer, requireScheduler, requireClubMeeting, requireClub } from "./access";


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

export function summarize(rows: { name: string; status: RsvpStatus }[]): RsvpSummary {
  const names: Record<RsvpStatus, string[]> = { going: [], maybe: [], not_going: [] };
  for (const row of rows) names[row.status].push(row.name);
  return { names, counts: { going: names.going.length, maybe: names.maybe.length, not_going: names.not_going.length } };
}
