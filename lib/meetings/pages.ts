// Reads for pages: the meetings list, one meeting, its form, and the next meeting per club.
import { listBookRooms } from "@/db/queries/rooms";
import { listMeetingRsvps } from "@/db/queries/rsvps";
import { getNextClubMeeting, listClubMeetings, listNextMeetingsForUser, listMeetingAgenda, type MeetingRow } from "@/db/queries/meetings";
import type { RsvpStatus } from "@/db/schema/meetings";
import { meetingPhase, toLocalInputs, type MeetingPhase } from "@/lib/meetings/time";
import { MeetingListItem, AgendaItemView, NextMeetingView, MeetingFormRoom, MeetingFormInitial, isLink, toView, asRsvp, meetingHref } from "./views";
import { requireMeetingViewer, requireClubMeeting, requireClub } from "./access";
import { summarize } from "./schedule";


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
