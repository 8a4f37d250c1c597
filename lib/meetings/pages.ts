import "server-only";
import { getBookShape } from "@/db/queries/reading";
// Reads for pages: the meetings list, one meeting, its form, and the next meeting per club. Each
// is a door (lib/doors/door.ts) whose `now` (the door call's clock) places meetings in time.
import { listBookRooms } from "@/db/queries/rooms";
import { listMeetingRsvps } from "@/db/queries/rsvps";
import { getNextClubMeeting, listClubMeetings, listNextMeetingsForUser, listMeetingAgenda, type MeetingRow } from "@/db/queries/meetings";
import type { RsvpStatus } from "@/db/schema/meetings";
import { resolveClubMeetings, resolveMeetingOfClub, resolveSelf } from "@/lib/access";
import { can } from "@/lib/permissions";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { meetingPhase, toLocalInputs, type MeetingPhase } from "@/lib/meetings/time";
import { clubMeetingParams, clubMeetingsParams, meetingFormParams, recentPastMeetingsQuery } from "@/lib/validation/meetings";
import { requireClubWithBook } from "./club";
import {
  asRsvp,
  isLink,
  meetingHref,
  summarize,
  toView,
  type AgendaItemView,
  type MeetingFormInitial,
  type MeetingFormRoom,
  type MeetingListItem,
  type NextMeetingView,
} from "./views";

/** The club's Meetings page: the next meeting, the rest of what is coming, and what has been. */
export const loadMeetingsPage = door({
  params: clubMeetingsParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClubMeetings({ clubId: params.clubId, userId }),
  act: async ({ params, target, userId, now }) => {
    const { clubId } = params;
    const [club, upcomingRows, pastRows] = await Promise.all([
      requireClubWithBook(clubId),
      listClubMeetings({ clubId, userId, endingAfter: now, order: "asc", limit: 200 }),
      listClubMeetings({ clubId, userId, endedBefore: now, order: "desc", limit: 50 }),
    ]);
    const item = (row: ClubMeetingRow) => toListItem(row, now);
    const nextRow = upcomingRows.find((row) => row.cancelledAt === null) ?? null;
    return done({
      club: { id: club.id, name: club.name },
      role: target.role,
      next: nextRow ? toNextView(nextRow, now) : null,
      upcoming: upcomingRows.filter((row) => row !== nextRow).map(item),
      past: pastRows.map(item),
    });
  },
});

type ClubMeetingRow = Awaited<ReturnType<typeof listClubMeetings>>[number];

function toListItem(row: ClubMeetingRow, now: Date): MeetingListItem {
  return { ...toView(row), goingCount: row.goingCount, viewerRsvp: asRsvp(row.viewerRsvp), phase: meetingPhase(row, now) };
}

/** The club's most recent past meetings (`body.limit` of them), newest first, for the club page. */
export const loadRecentPastMeetings = door({
  params: clubMeetingsParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClubMeetings({ clubId: params.clubId, userId }),
  body: recentPastMeetingsQuery,
  act: async ({ params, body, userId, now }) => {
    const rows = await listClubMeetings({ clubId: params.clubId, userId, endedBefore: now, order: "desc", limit: body.limit });
    return done(rows.map((row) => toListItem(row, now)));
  },
});

/** One meeting: its plan, agenda and RSVPs, and where it stands in time. */
export const loadMeetingPage = door({
  params: clubMeetingParams,
  what: "meeting",
  resolve: async ({ params, userId }) => resolveMeetingOfClub({ club: await resolveClubMeetings({ clubId: params.clubId, userId }), meetingId: params.meetingId }),
  act: async ({ params, target, userId, now }) => {
    const { meeting } = target;
    const [club, agenda, rsvps] = await Promise.all([
      requireClubWithBook(params.clubId),
      listMeetingAgenda({ meetingId: meeting.id }),
      listMeetingRsvps({ meetingId: meeting.id }),
    ]);
    return done({
      club: { id: club.id, name: club.name },
      role: target.role,
      meeting: toView(meeting),
      currentRoomId: meeting.currentRoomId,
      phase: meetingPhase(meeting, now),
      // In agenda order, each labelled with the room's own question number, as everywhere else.
      agenda: agenda.map((item): AgendaItemView => ({ roomId: item.roomId, position: item.roomPosition, question: item.question, archived: item.archivedAt !== null })),
      rsvps: summarize(rsvps),
      viewerRsvp: rsvps.find((row) => row.userId === userId)?.status ?? null,
    });
  },
});

/**
 * The scheduling form: the current book's questions to pick the agenda from and, when editing
 * (`meetingId` given), the meeting as the moderator typed it (in its own zone). Members get their
 * role back and a page that says this is for moderators.
 */
export const loadMeetingForm = door({
  params: meetingFormParams,
  what: "meeting",
  resolve: async ({ params, userId }) => {
    const club = await resolveClubMeetings({ clubId: params.clubId, userId });
    const meeting = params.meetingId === undefined ? null : (await resolveMeetingOfClub({ club, meetingId: params.meetingId })).meeting;
    return { ...club, meeting };
  },
  act: async ({ params, target }) => {
    const { meeting } = target;
    const club = await requireClubWithBook(params.clubId);
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
        readingTarget: meeting.readingTarget === null ? "" : String(meeting.readingTarget),
        notes: meeting.notes ?? "",
        agenda: agenda.map((item) => item.roomId),
      };
    }
    // The chapters a target can name: the meeting's own book when editing, else the current one.
    const targetBookId = meeting ? meeting.bookId : (club.book?.id ?? null);
    const shape = targetBookId ? await getBookShape({ bookId: targetBookId }) : null;
    return done({
      club: { id: club.id, name: club.name },
      book: club.book ? { id: club.book.id, title: club.book.title } : null,
      shape,
      role: target.role,
      rooms,
      meeting: meeting ? toView(meeting) : null,
      initial,
    });
  },
});

/** The club's next meeting for the card on the club page, or null when nothing is planned. */
export const loadNextMeeting = door({
  params: clubMeetingsParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClubMeetings({ clubId: params.clubId, userId }),
  act: async ({ params, userId, now }) => {
    const row = await getNextClubMeeting({ clubId: params.clubId, userId, now });
    return done<NextMeetingView | null>(row ? toNextView(row, now) : null);
  },
});

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

type HomeNextMeeting = {
  meetingId: string;
  href: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  phase: MeetingPhase;
  viewerRsvp: RsvpStatus | null;
};

/**
 * For the home page: each of the user's clubs' next meeting, keyed by club id. It names no club,
 * so the caller's own rows are all it reaches; the role in each club decides what is shown.
 */
export const loadNextMeetingsByClub = door({
  params: noParams,
  what: "page",
  resolve: resolveSelf,
  act: async ({ userId, now }) => {
    const rows = (await listNextMeetingsForUser({ userId, now })).filter((row) => can(row.viewerRole, "meeting:view"));
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
    return done(byClub);
  },
});
