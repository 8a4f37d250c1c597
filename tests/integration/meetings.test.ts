import { asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { rsvps, meetingAgenda, meetings } from "@/db/schema/meetings";
import { AppError } from "@/lib/errors";
import { cancelMeeting, editMeeting, scheduleMeeting, setRsvp } from "@/lib/meetings/schedule";
import { loadNextMeeting, loadRecentPastMeetings, loadMeetingPage, loadMeetingsPage } from "@/lib/meetings/pages";
import { createTestClub, createTestUser } from "./factories";
import { fieldWords } from "@/tests/error-words";

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function setting() {
  const moderator = await createTestUser("Moderator");
  const member = await createTestUser("Member");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: moderator.id, role: "moderator" },
      { userId: member.id, role: "member" },
    ],
    questions: ["What did Hailsham teach?", "Why does Kathy keep the tape?", "What is Madame's gallery for?"],
  });
  return { moderator, member, stranger, club };
}

/** Every meeting of the club with its agenda and RSVPs: what "nothing changed" is checked against. */
async function clubState(clubId: string) {
  const db = getDb();
  const rows = await db.select().from(meetings).where(eq(meetings.clubId, clubId)).orderBy(asc(meetings.startsAt), asc(meetings.id));
  const ids = rows.map((row) => row.id);
  const agenda = ids.length ? await db.select().from(meetingAgenda).where(inArray(meetingAgenda.meetingId, ids)).orderBy(asc(meetingAgenda.meetingId), asc(meetingAgenda.position)) : [];
  const answers = ids.length ? await db.select().from(rsvps).where(inArray(rsvps.meetingId, ids)).orderBy(asc(rsvps.meetingId), asc(rsvps.userId)) : [];
  return { rows, agenda, answers };
}

// Dates a year ahead, so "in the past" never catches up with the tests. Madrid changes its
// clocks on the last Sunday of March (02:00 -> 03:00) and of October (03:00 -> 02:00).
const year = new Date().getUTCFullYear() + 1;

function lastSunday(month: number): Date {
  const day = new Date(Date.UTC(year, month + 1, 0));
  day.setUTCDate(day.getUTCDate() - day.getUTCDay());
  return day;
}

function isoDate(day: Date, plusDays = 0): string {
  const copy = new Date(day);
  copy.setUTCDate(copy.getUTCDate() + plusDays);
  return copy.toISOString().slice(0, 10);
}

const springForward = lastSunday(2);
const fallBack = lastSunday(9);

function meeting(overrides: Record<string, unknown> = {}) {
  return {
    title: "  Part One  ",
    date: `${year}-01-14`,
    time: "19:00",
    timeZone: "Europe/Madrid",
    durationMinutes: "90",
    location: "https://meet.example.org/hailsham",
    readingAssignment: "Part One, chapters 1-9",
    notes: "Bring a favourite line.",
    agenda: [],
    repeat: null,
    ...overrides,
  };
}

describe("a moderator scheduling a meeting", () => {
  it("stores a Madrid evening as the exact UTC instant, with its zone, details and agenda in order", async () => {
    const { moderator, club } = await setting();
    const agenda = [club.roomIds[2], club.roomIds[0]];
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting({ agenda }) });

    const { rows, agenda: stored } = await clubState(club.clubId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: meetingIds[0],
      title: "Part One",
      startsAt: new Date(`${year}-01-14T18:00:00Z`),
      timeZone: "Europe/Madrid",
      durationMinutes: 90,
      location: "https://meet.example.org/hailsham",
      readingAssignment: "Part One, chapters 1-9",
      notes: "Bring a favourite line.",
      bookId: club.bookId,
      seriesId: null,
      sequence: 0,
      cancelledAt: null,
      createdById: moderator.id,
    });
    expect(stored.map((item) => [item.roomId, item.position])).toEqual([
      [club.roomIds[2], 1],
      [club.roomIds[0], 2],
    ]);
  });

  it("keeps a place written in words as it is, and uses 90 minutes when no length is given", async () => {
    const { moderator, club } = await setting();
    await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting({ location: "Library: room 2", durationMinutes: "" }) });
    const [row] = (await clubState(club.clubId)).rows;
    expect(row).toMatchObject({ location: "Library: room 2", durationMinutes: 90 });
  });

  it("repeats every 2 weeks, 4 times, across the March clock change, staying at 19:00 Madrid time", async () => {
    const { moderator, club } = await setting();
    const start = isoDate(springForward, -17);
    const { meetingIds } = await scheduleMeeting({
      clubId: club.clubId,
      userId: moderator.id,
      body: meeting({ date: start, repeat: { everyWeeks: "2", count: "4" }, agenda: [club.roomIds[1]] }),
    });

    const { rows, agenda } = await clubState(club.clubId);
    expect(rows.map((row) => row.id)).toEqual(meetingIds);
    // Winter (UTC+1) for the first two, summer (UTC+2) after the change: 19:00 local throughout.
    expect(rows.map((row) => row.startsAt.toISOString())).toEqual([
      `${isoDate(springForward, -17)}T18:00:00.000Z`,
      `${isoDate(springForward, -3)}T18:00:00.000Z`,
      `${isoDate(springForward, 11)}T17:00:00.000Z`,
      `${isoDate(springForward, 25)}T17:00:00.000Z`,
    ]);
    const seriesIds = new Set(rows.map((row) => row.seriesId));
    expect(seriesIds.size).toBe(1);
    expect([...seriesIds][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(agenda).toHaveLength(4);
  });

  it("refuses a time that the spring-forward jump skips, and writes nothing", async () => {
    const { moderator, club } = await setting();
    const error = await failure(
      scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting({ date: isoDate(springForward), time: "02:30" }) }),
    );
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/doesn't exist in Europe\/Madrid/);
    expect(error.fields?.time).toBeDefined();
    expect((await clubState(club.clubId)).rows).toHaveLength(0);
  });

  it("refuses a time that happens twice in the fall-back hour until told which one, then stores that one", async () => {
    const { moderator, club } = await setting();
    const values = meeting({ date: isoDate(fallBack), time: "02:30" });
    const error = await failure(scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: values }));
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/happens twice/);
    expect(error.fields?.choice).toBeDefined();
    expect((await clubState(club.clubId)).rows).toHaveLength(0);

    await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: { ...values, choice: "earlier" } });
    await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: { ...values, choice: "later" } });
    // 02:30 summer time (UTC+2) is 00:30Z; 02:30 winter time (UTC+1) is an hour later.
    expect((await clubState(club.clubId)).rows.map((row) => row.startsAt.toISOString())).toEqual([
      `${isoDate(fallBack)}T00:30:00.000Z`,
      `${isoDate(fallBack)}T01:30:00.000Z`,
    ]);
  });

  it.each([
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone", /time zone/],
    ["a date in the past", { date: "2020-03-05" }, "date", /already passed/],
    ["a meeting that would end before it starts", { durationMinutes: "0" }, "durationMinutes", /end before it starts/],
    ["a meeting longer than ten hours", { durationMinutes: "601" }, "durationMinutes", /15 minutes to 10 hours/],
    ["an empty title", { title: "   " }, "title", /title/],
    ["a title over 200 characters", { title: "x".repeat(201) }, "title", /200/],
    ["a link that is not http or https", { location: "javascript:alert(1)" }, "location", /https/],
    ["a link without its scheme", { location: "www.example.org/meet" }, "location", /https/],
    ["a date that does not exist", { date: `${year}-02-30` }, "date", /isn't a date/],
    ["repeating every 9 weeks", { repeat: { everyWeeks: "9", count: "4" } }, "repeat.everyWeeks", /1 to 8 weeks/],
    ["a series of one", { repeat: { everyWeeks: "1", count: "1" } }, "repeat.count", /2 to 52/],
  ])("refuses %s with a clear message, and writes nothing", async (_name, overrides, field, message) => {
    const { moderator, club } = await setting();
    const error = await failure(scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting(overrides) }));
    expect(error.code).toBe("bad_request");
    expect(fieldWords(error.fields)[field]).toMatch(message);
    expect((await clubState(club.clubId)).rows).toHaveLength(0);
  });

  it("shows the agenda in its order, each question under its own number", async () => {
    const { moderator, member, club } = await setting();
    const { meetingIds } = await scheduleMeeting({
      clubId: club.clubId,
      userId: moderator.id,
      body: meeting({ agenda: [club.roomIds[2], club.roomIds[0]] }),
    });
    const page = await loadMeetingPage({ clubId: club.clubId, meetingId: meetingIds[0] ?? "", userId: member.id });
    expect(page.agenda.map((item) => [item.roomId, item.position])).toEqual([
      [club.roomIds[2], 3],
      [club.roomIds[0], 1],
    ]);
  });

  it("refuses an agenda question from another club, and writes nothing", async () => {
    const { moderator, club } = await setting();
    const other = await createTestClub({ members: [{ userId: moderator.id, role: "owner" }] });
    const error = await failure(
      scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting({ agenda: [club.roomIds[0], other.roomIds[0]] }) }),
    );
    expect(error.code).toBe("bad_request");
    expect(fieldWords(error.fields).agenda).toMatch(/isn't one of this club's questions/);
    expect((await clubState(club.clubId)).rows).toHaveLength(0);
    expect((await clubState(other.clubId)).rows).toHaveLength(0);
  });

  it("refuses an agenda id that names no room at all, or the same question twice", async () => {
    const { moderator, club } = await setting();
    const unknown = await failure(
      scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting({ agenda: ["00000000-0000-4000-8000-000000000000"] }) }),
    );
    expect(unknown.code).toBe("bad_request");
    const twice = await failure(scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting({ agenda: [club.roomIds[0], club.roomIds[0]] }) }));
    expect(fieldWords(twice.fields).agenda).toMatch(/only once/);
    expect((await clubState(club.clubId)).rows).toHaveLength(0);
  });
});

describe("who may schedule", () => {
  it("tells a member that scheduling is for moderators, and writes nothing", async () => {
    const { member, club } = await setting();
    const error = await failure(scheduleMeeting({ clubId: club.clubId, userId: member.id, body: meeting() }));
    expect(error.code).toBe("forbidden");
    expect((await clubState(club.clubId)).rows).toHaveLength(0);
  });

  it("answers a stranger as if the club did not exist, and writes nothing", async () => {
    const { stranger, club } = await setting();
    const error = await failure(scheduleMeeting({ clubId: club.clubId, userId: stranger.id, body: meeting() }));
    expect(error.code).toBe("not_found");
    expect((await clubState(club.clubId)).rows).toHaveLength(0);
  });
});

describe("changing a meeting", () => {
  it("moves it, replaces its agenda, and raises its sequence and update time", async () => {
    const { moderator, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting({ agenda: [club.roomIds[0]] }) });
    const [before] = (await clubState(club.clubId)).rows;

    await editMeeting({
      clubId: club.clubId,
      meetingId: meetingIds[0],
      userId: moderator.id,
      body: meeting({ title: "Part One, again", time: "18:30", agenda: [club.roomIds[1], club.roomIds[0]], location: "" }),
    });

    const { rows, agenda } = await clubState(club.clubId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: "Part One, again", startsAt: new Date(`${year}-01-14T17:30:00Z`), location: null, sequence: 1 });
    expect(rows[0]?.updatedAt.getTime()).toBeGreaterThan(before?.updatedAt.getTime() ?? Infinity);
    expect(agenda.map((item) => item.roomId)).toEqual([club.roomIds[1], club.roomIds[0]]);
  });

  it("lets a past meeting's notes be fixed, but not a new time in the past", async () => {
    const { moderator, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting() });
    const meetingId = meetingIds[0];
    const later = new Date(`${year}-02-01T00:00:00Z`);
    await editMeeting({ clubId: club.clubId, meetingId, userId: moderator.id, body: meeting({ notes: "Thanks, all." }), now: later });
    const moved = await failure(editMeeting({ clubId: club.clubId, meetingId, userId: moderator.id, body: meeting({ date: `${year}-01-20` }), now: later }));
    expect(fieldWords(moved.fields).date).toMatch(/already passed/);
    const [row] = (await clubState(club.clubId)).rows;
    expect(row).toMatchObject({ notes: "Thanks, all.", sequence: 1, startsAt: new Date(`${year}-01-14T18:00:00Z`) });
  });

  it("refuses a member (forbidden) and a stranger (not found), changing nothing", async () => {
    const { moderator, member, stranger, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting() });
    const before = await clubState(club.clubId);
    const asMember = await failure(editMeeting({ clubId: club.clubId, meetingId: meetingIds[0], userId: member.id, body: meeting({ title: "Mine now" }) }));
    const asStranger = await failure(editMeeting({ clubId: club.clubId, meetingId: meetingIds[0], userId: stranger.id, body: meeting({ title: "Mine now" }) }));
    expect(asMember.code).toBe("forbidden");
    expect(asStranger.code).toBe("not_found");
    expect(await clubState(club.clubId)).toEqual(before);
  });

  it("does not find another club's meeting through this club", async () => {
    const { moderator, club } = await setting();
    const other = await createTestClub({ members: [{ userId: moderator.id, role: "owner" }] });
    const { meetingIds } = await scheduleMeeting({ clubId: other.clubId, userId: moderator.id, body: meeting() });
    const before = await clubState(other.clubId);
    const error = await failure(editMeeting({ clubId: club.clubId, meetingId: meetingIds[0], userId: moderator.id, body: meeting({ title: "Moved" }) }));
    expect(error.code).toBe("not_found");
    expect((await failure(loadMeetingPage({ clubId: club.clubId, meetingId: meetingIds[0] ?? "", userId: moderator.id }))).code).toBe("not_found");
    expect(await clubState(other.clubId)).toEqual(before);
  });
});

describe("cancelling a meeting", () => {
  it("marks it cancelled, raises its sequence, and keeps it listed", async () => {
    const { moderator, member, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting() });
    const meetingId = meetingIds[0] ?? "";

    await cancelMeeting({ clubId: club.clubId, meetingId, userId: moderator.id });

    const [row] = (await clubState(club.clubId)).rows;
    expect(row?.cancelledAt).toBeInstanceOf(Date);
    expect(row?.sequence).toBe(1);
    const page = await loadMeetingsPage({ clubId: club.clubId, userId: member.id });
    expect(page.next).toBeNull();
    expect(page.upcoming.map((meeting) => [meeting.id, meeting.cancelledAt !== null])).toEqual([[meetingId, true]]);
    expect(await loadNextMeeting({ clubId: club.clubId, userId: member.id })).toBeNull();
  });

  it("is not undone or bumped again by a second cancel, and a cancelled meeting can't be changed", async () => {
    const { moderator, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting() });
    const meetingId = meetingIds[0] ?? "";
    await cancelMeeting({ clubId: club.clubId, meetingId, userId: moderator.id });
    const before = await clubState(club.clubId);
    await cancelMeeting({ clubId: club.clubId, meetingId, userId: moderator.id });
    const edit = await failure(editMeeting({ clubId: club.clubId, meetingId, userId: moderator.id, body: meeting({ title: "Back on" }) }));
    expect(edit.code).toBe("conflict");
    expect(await clubState(club.clubId)).toEqual(before);
  });

  it("refuses a member (forbidden) and a stranger (not found), changing nothing", async () => {
    const { moderator, member, stranger, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting() });
    const before = await clubState(club.clubId);
    expect((await failure(cancelMeeting({ clubId: club.clubId, meetingId: meetingIds[0], userId: member.id }))).code).toBe("forbidden");
    expect((await failure(cancelMeeting({ clubId: club.clubId, meetingId: meetingIds[0], userId: stranger.id }))).code).toBe("not_found");
    expect(await clubState(club.clubId)).toEqual(before);
  });
});

describe("RSVPs", () => {
  it("records an answer, lets it change, and counts everyone's by name", async () => {
    const { moderator, member, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting() });
    const meetingId = meetingIds[0] ?? "";

    await setRsvp({ clubId: club.clubId, meetingId, userId: member.id, body: "maybe" });
    await setRsvp({ clubId: club.clubId, meetingId, userId: moderator.id, body: "going" });
    const changed = await setRsvp({ clubId: club.clubId, meetingId, userId: member.id, body: "going" });

    expect(changed.status).toBe("going");
    expect(changed.summary.counts).toEqual({ going: 2, maybe: 0, not_going: 0 });
    expect([...changed.summary.names.going].sort()).toEqual([member.name, moderator.name].sort());
    const { answers } = await clubState(club.clubId);
    expect(answers.map((answer) => answer.status)).toEqual(["going", "going"]);

    const page = await loadMeetingPage({ clubId: club.clubId, meetingId, userId: member.id });
    expect(page.viewerRsvp).toBe("going");
    expect(page.rsvps.counts.going).toBe(2);
    const next = await loadNextMeeting({ clubId: club.clubId, userId: member.id });
    expect(next).toMatchObject({ meetingId, viewerRsvp: "going", goingCount: 2, readingAssignment: "Part One, chapters 1-9" });
  });

  it("answers a stranger with not found and records nothing", async () => {
    const { moderator, stranger, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting() });
    const error = await failure(setRsvp({ clubId: club.clubId, meetingId: meetingIds[0], userId: stranger.id, body: "going" }));
    expect(error.code).toBe("not_found");
    expect((await clubState(club.clubId)).answers).toHaveLength(0);
  });

  it("refuses an answer that is not going, maybe or not going, and one for a cancelled meeting", async () => {
    const { moderator, member, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting() });
    const meetingId = meetingIds[0] ?? "";
    expect((await failure(setRsvp({ clubId: club.clubId, meetingId, userId: member.id, body: "definitely" }))).code).toBe("bad_request");
    await cancelMeeting({ clubId: club.clubId, meetingId, userId: moderator.id });
    expect((await failure(setRsvp({ clubId: club.clubId, meetingId, userId: member.id, body: "going" }))).code).toBe("conflict");
    expect((await clubState(club.clubId)).answers).toHaveLength(0);
  });
});

describe("reading meetings", () => {
  it("shows strangers nothing: the list, a meeting and the next-meeting card are all not found", async () => {
    const { moderator, stranger, club } = await setting();
    const { meetingIds } = await scheduleMeeting({ clubId: club.clubId, userId: moderator.id, body: meeting() });
    expect((await failure(loadMeetingsPage({ clubId: club.clubId, userId: stranger.id }))).code).toBe("not_found");
    expect((await failure(loadMeetingPage({ clubId: club.clubId, meetingId: meetingIds[0] ?? "", userId: stranger.id }))).code).toBe("not_found");
    expect((await failure(loadNextMeeting({ clubId: club.clubId, userId: stranger.id }))).code).toBe("not_found");
  });

  it("puts the soonest meeting first as next, and ended ones under past", async () => {
    const { moderator, member, club } = await setting();
    const { meetingIds } = await scheduleMeeting({
      clubId: club.clubId,
      userId: moderator.id,
      body: meeting({ date: `${year}-01-07`, repeat: { everyWeeks: "1", count: "3" } }),
    });
    const [first, second, third] = meetingIds;
    // Between the first meeting's end and the second's start.
    const now = new Date(`${year}-01-10T12:00:00Z`);
    const page = await loadMeetingsPage({ clubId: club.clubId, userId: member.id, now });
    expect(page.next?.meetingId).toBe(second);
    expect(page.upcoming.map((meeting) => meeting.id)).toEqual([third]);
    expect(page.past.map((meeting) => meeting.id)).toEqual([first]);
    const recent = await loadRecentPastMeetings({ clubId: club.clubId, userId: member.id, body: { limit: 3 }, now: new Date(`${year}-02-01T12:00:00Z`) });
    expect(recent.map((meeting) => meeting.id)).toEqual([third, second, first]);

    const during = await loadMeetingPage({ clubId: club.clubId, meetingId: second ?? "", userId: member.id, now: new Date(`${year}-01-14T18:30:00Z`) });
    expect(during.phase).toBe("live");
  });
});
