import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { GET as feedRoute } from "@/app/api/calendar/[token]/route";
import { getDb } from "@/db/index";
import { calendarFeeds, meetings } from "@/db/schema/meetings";
import { AppError } from "@/lib/errors";
import { calendarFeedIcs, createCalendarFeed, loadCalendarFeed, revokeCalendarFeed } from "@/lib/meetings/feeds";
import { cancelMeeting, editMeeting, scheduleMeeting } from "@/lib/meetings/schedule";
import { loadMeetingIcs } from "@/lib/meetings/calendar";
import { createTestClub, createTestUser } from "./factories";

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const origin = "https://club.example.org";
const year = new Date().getUTCFullYear() + 1;

function meeting(overrides: Record<string, unknown> = {}) {
  return {
    title: "Part One",
    date: `${year}-01-14`,
    time: "19:00",
    timeZone: "Europe/Madrid",
    durationMinutes: "90",
    location: "https://meet.example.org/hailsham",
    readingAssignment: "Part One, chapters 1-9",
    notes: "",
    agenda: [],
    repeat: null,
    ...overrides,
  };
}

function events(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
}

function only(ics: string): ICAL.Component {
  const all = events(ics);
  expect(all).toHaveLength(1);
  return all[0] as ICAL.Component;
}

function instant(event: ICAL.Component, name: string): Date {
  const value = event.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  return value.toJSDate();
}

function uids(ics: string): string[] {
  return events(ics).map((event) => String(event.getFirstPropertyValue("uid")));
}

async function schedule(clubId: string, userId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const { meetingIds } = await scheduleMeeting({ clubId, userId, body: meeting(overrides) });
  const [id] = meetingIds;
  if (!id) throw new Error("no meeting scheduled");
  return id;
}

describe("a meeting's .ics file", () => {
  it("parses back with a stable UID, the sequence, the time, and CONFIRMED until cancelled", async () => {
    const moderator = await createTestUser("Moderator");
    const club = await createTestClub({ members: [{ userId: moderator.id, role: "owner" }] });
    const meetingId = await schedule(club.clubId, moderator.id);

    const first = await loadMeetingIcs({ meetingId, userId: moderator.id, body: { origin } });
    expect(first.filename).toBe("part-one.ics");
    const event = only(first.body);
    expect(event.getFirstPropertyValue("uid")).toBe(`session-${meetingId}@chapterhouse`);
    expect(event.getFirstPropertyValue("sequence")).toBe(0);
    expect(event.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(instant(event, "dtstart")).toEqual(new Date(`${year}-01-14T18:00:00Z`));
    expect(instant(event, "dtend")).toEqual(new Date(`${year}-01-14T19:30:00Z`));
    expect(event.getFirstPropertyValue("url")).toBe(`${origin}/clubs/${club.clubId}/meetings/${meetingId}`);
    expect(String(event.getFirstPropertyValue("description"))).toContain("Reading: Part One, chapters 1-9");

    await editMeeting({ clubId: club.clubId, meetingId, userId: moderator.id, body: meeting({ time: "20:00" }) });
    const edited = only((await loadMeetingIcs({ meetingId, userId: moderator.id, body: { origin } })).body);
    expect(edited.getFirstPropertyValue("uid")).toBe(`session-${meetingId}@chapterhouse`);
    expect(edited.getFirstPropertyValue("sequence")).toBe(1);
    expect(instant(edited, "dtstart")).toEqual(new Date(`${year}-01-14T19:00:00Z`));

    await cancelMeeting({ clubId: club.clubId, meetingId, userId: moderator.id });
    const cancelled = only((await loadMeetingIcs({ meetingId, userId: moderator.id, body: { origin } })).body);
    expect(cancelled.getFirstPropertyValue("uid")).toBe(`session-${meetingId}@chapterhouse`);
    expect(cancelled.getFirstPropertyValue("sequence")).toBe(2);
    expect(cancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("is not found for a stranger, or for an id that is not a meeting", async () => {
    const moderator = await createTestUser("Moderator");
    const stranger = await createTestUser("Stranger");
    const club = await createTestClub({ members: [{ userId: moderator.id, role: "owner" }] });
    const meetingId = await schedule(club.clubId, moderator.id);
    expect((await failure(loadMeetingIcs({ meetingId, userId: stranger.id, body: { origin } }))).code).toBe("not_found");
    expect((await failure(loadMeetingIcs({ meetingId: "not-an-id", userId: moderator.id, body: { origin } }))).code).toBe("not_found");
    expect((await failure(loadMeetingIcs({ meetingId: club.roomIds[0], userId: moderator.id, body: { origin } }))).code).toBe("not_found");
  });
});

describe("a member's calendar feed", () => {
  async function feedSetting() {
    const reader = await createTestUser("Reader");
    const host = await createTestUser("Host");
    const mine = await createTestClub({ members: [{ userId: host.id, role: "owner" }, { userId: reader.id, role: "member" }] });
    const alsoMine = await createTestClub({ members: [{ userId: host.id, role: "owner" }, { userId: reader.id, role: "moderator" }] });
    const notMine = await createTestClub({ members: [{ userId: host.id, role: "owner" }] });
    return { reader, host, mine, alsoMine, notMine };
  }

  function tokenOf(path: string): string {
    return path.replace("/api/calendar/", "");
  }

  it("lists the meetings of the member's clubs only, cancelled ones marked, from 60 days ago on", async () => {
    const { reader, host, mine, alsoMine, notMine } = await feedSetting();
    const upcoming = await schedule(mine.clubId, host.id);
    const cancelled = await schedule(alsoMine.clubId, host.id, { date: `${year}-02-04` });
    await cancelMeeting({ clubId: alsoMine.clubId, meetingId: cancelled, userId: host.id });
    const elsewhere = await schedule(notMine.clubId, host.id);
    // Meetings in the past can't be scheduled, so these two are moved back directly.
    const recent = await schedule(mine.clubId, host.id, { date: `${year}-03-04` });
    const old = await schedule(mine.clubId, host.id, { date: `${year}-03-11` });
    const day = 24 * 60 * 60 * 1000;
    await getDb().update(meetings).set({ startsAt: new Date(Date.now() - 30 * day) }).where(eq(meetings.id, recent));
    await getDb().update(meetings).set({ startsAt: new Date(Date.now() - 90 * day) }).where(eq(meetings.id, old));

    const feed = await createCalendarFeed({ userId: reader.id });
    const ics = await calendarFeedIcs({ token: tokenOf(feed.path), origin });

    expect(uids(ics).sort()).toEqual([upcoming, cancelled, recent].map((id) => `session-${id}@chapterhouse`).sort());
    expect(uids(ics)).not.toContain(`session-${elsewhere}@chapterhouse`);
    const statuses = Object.fromEntries(events(ics).map((event) => [event.getFirstPropertyValue("uid"), event.getFirstPropertyValue("status")]));
    expect(statuses[`session-${cancelled}@chapterhouse`]).toBe("CANCELLED");
    expect(statuses[`session-${upcoming}@chapterhouse`]).toBe("CONFIRMED");
  });

  it("stops working once revoked, and a new link replaces the old one", async () => {
    const { reader, host, mine } = await feedSetting();
    await schedule(mine.clubId, host.id);
    const first = await createCalendarFeed({ userId: reader.id });
    expect(tokenOf(first.path)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await loadCalendarFeed({ userId: reader.id })).toEqual(first);

    await revokeCalendarFeed({ userId: reader.id });
    expect((await failure(calendarFeedIcs({ token: tokenOf(first.path), origin }))).code).toBe("not_found");
    expect(await loadCalendarFeed({ userId: reader.id })).toBeNull();

    const second = await createCalendarFeed({ userId: reader.id });
    const third = await createCalendarFeed({ userId: reader.id });
    expect((await failure(calendarFeedIcs({ token: tokenOf(second.path), origin }))).code).toBe("not_found");
    expect(events(await calendarFeedIcs({ token: tokenOf(third.path), origin }))).toHaveLength(1);
    const active = await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, reader.id));
    expect(active.filter((row) => row.revokedAt === null).map((row) => row.token)).toEqual([tokenOf(third.path)]);
  });

  it("is served by token alone as private, uncached text/calendar, and a revoked or malformed token gets 404", async () => {
    const { reader, host, mine } = await feedSetting();
    const meetingId = await schedule(mine.clubId, host.id);
    const feed = await createCalendarFeed({ userId: reader.id });
    const token = tokenOf(feed.path);
    const call = (value: string) => feedRoute(new Request(`${origin}/api/calendar/${value}`, { headers: { host: "club.example.org" } }), { params: Promise.resolve({ token: value }) });

    const response = await call(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(uids(await response.text())).toEqual([`session-${meetingId}@chapterhouse`]);

    expect((await call("not a token")).status).toBe(404);
    await revokeCalendarFeed({ userId: reader.id });
    const revoked = await call(token);
    expect(revoked.status).toBe(404);
    expect(revoked.headers.get("cache-control")).toBe("private, no-store");
  });
});
