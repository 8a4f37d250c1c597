// What meeting pages and components receive: plain data, dates as ISO strings (UTC instants).
import type { MeetingRow } from "@/db/queries/meetings";
import type { RsvpStatus } from "@/db/schema/meetings";
import type { MeetingPhase } from "@/lib/meetings/time";


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
  /** The chapter target as a point's rank, "" for none (a select's value). */
  readingTarget: string;
  notes: string;
  agenda: string[];
};

const RSVP_STATUSES: RsvpStatus[] = ["going", "maybe", "not_going"];

export function isLink(location: string | null): boolean {
  return location !== null && /^https?:\/\//i.test(location);
}

export function toView(row: MeetingRow): MeetingView {
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

export function asRsvp(value: string | null): RsvpStatus | null {
  return RSVP_STATUSES.find((status) => status === value) ?? null;
}

export function meetingHref(clubId: string, meetingId: string): string {
  return `/clubs/${clubId}/meetings/${meetingId}`;
}

/** Who answered what, by name and by count, in the order the rows came (the query sorts them). */
export function summarize(rows: { name: string; status: RsvpStatus }[]): RsvpSummary {
  const names: Record<RsvpStatus, string[]> = { going: [], maybe: [], not_going: [] };
  for (const row of rows) names[row.status].push(row.name);
  return { names, counts: { going: names.going.length, maybe: names.maybe.length, not_going: names.not_going.length } };
}
