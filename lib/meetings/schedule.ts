import "server-only";
import { getBookShape } from "@/db/queries/reading";
import { isPointOf } from "@/lib/books/points";
// The doors that write meetings: scheduling, editing and cancelling (moderators), and RSVPs
// (members). Each is a door (lib/doors/door.ts): the club and meeting resolved for the caller,
// the payload parsed, then everything checked before one transaction writes, and reminders
// touched after it committed.
import { randomUUID } from "node:crypto";
import { Temporal } from "@js-temporal/polyfill";
import { listMeetingRsvps, upsertRsvp } from "@/db/queries/rsvps";
import { createMeetings, findAgendaRooms, listMeetingAgenda, markMeetingCancelled, updateMeeting, type MeetingValues } from "@/db/queries/meetings";
import { ensure, resolveClub, resolveClubMeetings, resolveMeetingOfClub, type ClubAccess } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import { can, canEditMeeting, canRsvpToMeeting } from "@/lib/permissions";
import { notifyOfScheduledMeetings } from "@/lib/notifications/meetings";
import { scheduleMeetingReminders, withdrawMeetingReminders } from "@/lib/reminders/schedule";
import { repeatStarts, resolveLocalStart, meetingPhase } from "@/lib/meetings/time";
import { clubMeetingParams, clubMeetingsParams, meetingInput, rsvpInput, scheduleMeetingInput, type MeetingInput } from "@/lib/validation/meetings";
import { requireClubWithBook } from "./club";
import { summarize } from "./views";
import { errorText, type ErrorText } from "@/lib/i18n/error-text";

const scheduleRefusal = errorText("meeting.refuseSchedule");
const cancelledRefusal = errorText("meeting.cancelledNoChange");

/** The club for a member who may schedule there; strangers find no club, members are told it's for moderators. */
async function resolveScheduler(input: { clubId: string; userId: string }): Promise<ClubAccess> {
  const access = await resolveClub(input);
  ensure(can(access.role, "meeting:schedule"), scheduleRefusal);
  return access;
}

async function resolveScheduledMeeting({ params, userId }: { params: { clubId: string; meetingId: string }; userId: string }) {
  return resolveMeetingOfClub({ club: await resolveScheduler({ clubId: params.clubId, userId }), meetingId: params.meetingId });
}

/**
 * Why a start can't be used, as the field it belongs to and its message. Said from the form's own
 * values (lib/meetings/time.ts checks the zone, then the date, then the time, in that order), so
 * the message is in the reader's language whatever words time.ts keeps for the form's preview.
 */
function startProblem(
  result: { reason: string; occurrence?: number | null },
  local: { date: string; time: string; timeZone: string },
  repeat: { everyWeeks: number; count: number } | null,
): AppError {
  const date = occurrenceDate(local.date, result.occurrence ?? null, repeat);
  const values = { date, time: local.time, zone: local.timeZone };
  const [field, problem]: [string, ErrorText] =
    result.reason === "unknown_zone"
      ? ["timeZone", errorText("meeting.unknownZone", { zone: local.timeZone })]
      : result.reason === "gap"
        ? ["time", errorText("meeting.gap", values)]
        : result.reason === "ambiguous"
          ? ["choice", errorText("meeting.twice", values)]
          : !isCalendarDate(local.date)
            ? ["date", errorText("meeting.badDate", { date: local.date })]
            : ["time", errorText("meeting.badTime", { time: local.time })];
  const message =
    result.occurrence && repeat ? errorText("meeting.inSeries", { occurrence: result.occurrence, count: repeat.count, problem }) : problem;
  return new AppError("bad_request", message, { [field]: message });
}

/** Whether `date` is a real day written YYYY-MM-DD. */
function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  try {
    Temporal.PlainDate.from(date, { overflow: "reject" });
    return true;
  } catch {
    return false;
  }
}

/** The day of the series' `occurrence`th meeting (1-based), YYYY-MM-DD; `date` itself for the first or a single meeting. */
function occurrenceDate(date: string, occurrence: number | null, repeat: { everyWeeks: number } | null): string {
  if (!occurrence || occurrence === 1 || !repeat || !isCalendarDate(date)) return date;
  return Temporal.PlainDate.from(date).add({ weeks: (occurrence - 1) * repeat.everyWeeks }).toString();
}

/** Every start the moderator asked for, never shifted: a gap or an unresolved double time is refused. */
function resolveStarts(data: MeetingInput, repeat: { everyWeeks: number; count: number } | null): Date[] {
  const local = { date: data.date, time: data.time, timeZone: data.timeZone };
  const choice = data.choice ?? undefined;
  if (repeat) {
    const result = repeatStarts({ ...local, ...repeat }, choice);
    if (!result.ok) throw startProblem(result, local, repeat);
    return result.starts;
  }
  const result = resolveLocalStart(local, choice);
  if (!result.ok) throw startProblem(result, local, null);
  return [result.startsAt];
}

function refusePast(startsAt: Date, now: Date): void {
  if (startsAt.getTime() > now.getTime()) return;
  const message = errorText("meeting.past");
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
  const message = errorText("meeting.agendaElsewhere");
  throw new AppError("bad_request", message, { agenda: message });
}

/** A chapter target must be a point of the meeting's book (a meeting with no book can only have none). */
async function checkReadingTarget(input: { bookId: string | null; target: number | null }): Promise<void> {
  if (input.target === null) return;
  const shape = input.bookId ? await getBookShape({ bookId: input.bookId }) : null;
  if (input.bookId && isPointOf(input.target, shape)) return;
  const message = shape ? errorText("meeting.readingTargetOutside", { chapters: shape.chapters }) : errorText("meeting.readingTargetNoChapters");
  throw new AppError("bad_request", message, { readingTarget: message });
}

function meetingValues(data: MeetingInput): MeetingValues {
  return {
    title: data.title,
    timeZone: data.timeZone,
    durationMinutes: data.durationMinutes,
    location: data.location,
    readingAssignment: data.readingAssignment,
    readingTarget: data.readingTarget,
    notes: data.notes,
  };
}

// ---- writes ----

/**
 * A moderator schedules one meeting, or a series every N weeks at the same local time. All of it
 * is checked before anything is written, and then written in one transaction.
 */
export const scheduleMeeting = door({
  params: clubMeetingsParams,
  what: "club",
  resolve: ({ params, userId }) => resolveScheduler({ clubId: params.clubId, userId }),
  body: scheduleMeetingInput,
  act: async ({ params, body, userId, now }) => {
    const { clubId } = params;
    const starts = resolveStarts(body, body.repeat);
    const [first] = starts;
    if (!first) throw new AppError("bad_request", errorText("meeting.startMissing"));
    refusePast(first, now);
    const club = await requireClubWithBook(clubId);
    const bookId = club.book?.id ?? null;
    await checkAgenda({ clubId, bookId, agenda: body.agenda });
    await checkReadingTarget({ bookId, target: body.readingTarget });

    let notified: string[] = [];
    const created = await createMeetings({
      clubId,
      bookId,
      createdById: userId,
      seriesId: starts.length > 1 ? randomUUID() : null,
      values: meetingValues(body),
      starts,
      agenda: body.agenda,
      // The other members hear of it in the same transaction (docs/decisions/0014).
      alongside: async (tx, meetings) => {
        notified = await notifyOfScheduledMeetings(tx, { clubId, clubName: club.name, schedulerId: userId, title: body.title, timeZone: body.timeZone, meetings });
      },
    });
    // After the commit: reminders are for meetings that exist. (They never throw: a queue failure
    // is logged and repaired by the queue's own check, and the meeting stays scheduled.)
    for (const meeting of created) await scheduleMeetingReminders({ meetingId: meeting.id });
    return done({ meetingIds: created.map((meeting) => meeting.id), clubId }, { type: "notifications:changed", userIds: notified });
  },
});

/** A moderator changes one meeting (only that one, even in a series); calendars see a new SEQUENCE. */
export const editMeeting = door({
  params: clubMeetingParams,
  what: "meeting",
  resolve: async (input) => {
    const access = await resolveScheduledMeeting(input);
    // Said before the payload is read: no edit of a cancelled meeting can succeed.
    if (!canEditMeeting(access.role, { cancelled: access.meeting.cancelledAt !== null })) throw new AppError("conflict", cancelledRefusal);
    return access;
  },
  body: meetingInput,
  act: async ({ params, body, target, now }) => {
    const { clubId } = params;
    const { meeting } = target;
    const [startsAt] = resolveStarts(body, null);
    if (!startsAt) throw new AppError("bad_request", errorText("meeting.startMissing"));
    // A meeting that already happened may still get its notes fixed; only a new time must be ahead.
    if (startsAt.getTime() !== meeting.startsAt.getTime()) refusePast(startsAt, now);
    const club = await requireClubWithBook(clubId);
    const current = await listMeetingAgenda({ meetingId: meeting.id });
    await checkAgenda({ clubId, bookId: club.book?.id ?? null, agenda: body.agenda, alreadyOnAgenda: current.map((item) => item.roomId) });
    await checkReadingTarget({ bookId: meeting.bookId, target: body.readingTarget });

    const result = await updateMeeting({ clubId, meetingId: meeting.id, values: meetingValues(body), startsAt, agenda: body.agenda });
    if (result.status === "not_found") throw notFound("meeting");
    if (result.status === "cancelled") throw new AppError("conflict", cancelledRefusal);
    if (result.startsAtChanged) await scheduleMeetingReminders({ meetingId: meeting.id });
    return done({ meetingId: meeting.id, clubId });
  },
});

/** A moderator cancels a meeting: it stays listed, marked cancelled, and calendars drop it. */
export const cancelMeeting = door({
  params: clubMeetingParams,
  what: "meeting",
  resolve: resolveScheduledMeeting,
  act: async ({ params, target }) => {
    const { meeting } = target;
    const result = await markMeetingCancelled({ clubId: params.clubId, meetingId: meeting.id });
    if (result === "not_found") throw notFound("meeting");
    if (result === "cancelled") await withdrawMeetingReminders({ meetingId: meeting.id });
    return done({ meetingId: meeting.id, clubId: params.clubId });
  },
});

/** A member answers going / maybe / not going (`body` is the answer), and may change it until the meeting ends. */
export const setRsvp = door({
  params: clubMeetingParams,
  what: "meeting",
  resolve: async ({ params, userId }) => {
    const club = await resolveClubMeetings({ clubId: params.clubId, userId });
    if (!can(club.role, "meeting:rsvp")) throw notFound("meeting");
    return resolveMeetingOfClub({ club, meetingId: params.meetingId });
  },
  body: rsvpInput,
  act: async ({ body: status, target, userId, now }) => {
    const { meeting } = target;
    const cancelled = meeting.cancelledAt !== null;
    if (!canRsvpToMeeting(target.role, { cancelled, ended: meetingPhase(meeting, now) === "past" })) {
      throw new AppError("conflict", errorText(cancelled ? "meeting.cancelledNoRsvp" : "meeting.ended"));
    }
    await upsertRsvp({ meetingId: meeting.id, userId, status });
    return done({ status, summary: summarize(await listMeetingRsvps({ meetingId: meeting.id })) });
  },
});
