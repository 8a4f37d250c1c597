import { describe, expect, it } from "vitest";
import { reminderEmail, reminderMessage, type ReminderMeeting } from "@/lib/reminders/message";
import { planReminders, reminderDedupeKey, remindersOutOfDate, reminderStillUseful } from "@/lib/reminders/plan";

const plain = (text: string): string => text.replace(/\s/g, " ");

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const startsAt = new Date("2026-03-12T18:00:00Z");
const before = (ms: number) => new Date(startsAt.getTime() - ms);

describe("planReminders", () => {
  it("plans both reminders, a day and an hour before, for a meeting three days ahead", () => {
    expect(planReminders({ startsAt, cancelledAt: null }, before(3 * DAY))).toEqual([
      { kind: "24h", sendAt: before(DAY) },
      { kind: "1h", sendAt: before(HOUR) },
    ]);
  });

  it("skips the day-before reminder once its moment has passed", () => {
    expect(planReminders({ startsAt, cancelledAt: null }, before(12 * HOUR)).map((plan) => plan.kind)).toEqual(["1h"]);
  });

  it("plans nothing inside the last hour", () => {
    expect(planReminders({ startsAt, cancelledAt: null }, before(30 * 60_000))).toEqual([]);
  });

  it("plans nothing for a cancelled meeting", () => {
    expect(planReminders({ startsAt, cancelledAt: before(4 * DAY) }, before(3 * DAY))).toEqual([]);
  });
});

describe("reminderStillUseful", () => {
  it("sends a day-before reminder that runs a few hours late", () => {
    expect(reminderStillUseful("24h", startsAt, before(20 * HOUR))).toBe(true);
  });

  it("drops a day-before reminder once the hour-before one is due", () => {
    expect(reminderStillUseful("24h", startsAt, before(50 * 60_000))).toBe(false);
  });

  it("drops any reminder once the meeting has begun", () => {
    expect(reminderStillUseful("1h", startsAt, startsAt)).toBe(false);
  });
});

describe("reminderDedupeKey", () => {
  it("names the meeting, kind, start and member, so a moved meeting earns a new key", () => {
    const key = (at: Date) => reminderDedupeKey({ meetingId: "s1", kind: "1h", startsAt: at, userId: "u1" });
    expect(key(startsAt)).toBe("reminder:s1:1h:2026-03-12T18:00:00.000Z:u1");
    expect(key(new Date(startsAt.getTime() + DAY))).not.toBe(key(startsAt));
  });
});

describe("remindersOutOfDate", () => {
  const meeting = { startsAt, cancelledAt: null };
  const both = [
    { kind: "24h", sendAt: before(DAY) },
    { kind: "1h", sendAt: before(HOUR) },
  ];

  it("is false when the recorded jobs match the meeting", () => {
    expect(remindersOutOfDate(meeting, both, before(3 * DAY))).toBe(false);
  });

  it("is true for an upcoming meeting with no jobs", () => {
    expect(remindersOutOfDate(meeting, [], before(3 * DAY))).toBe(true);
  });

  it("is true when the meeting moved after its jobs were queued", () => {
    expect(remindersOutOfDate({ startsAt: new Date(startsAt.getTime() + HOUR), cancelledAt: null }, both, before(3 * DAY))).toBe(true);
  });

  it("is true for a cancelled meeting that still has jobs, and false once it has none", () => {
    expect(remindersOutOfDate({ startsAt, cancelledAt: before(2 * DAY) }, both, before(DAY / 2))).toBe(true);
    expect(remindersOutOfDate({ startsAt, cancelledAt: before(2 * DAY) }, [], before(DAY / 2))).toBe(false);
  });

  it("does not ask for a day-before job whose moment has passed", () => {
    expect(remindersOutOfDate(meeting, [{ kind: "1h", sendAt: before(HOUR) }], before(12 * HOUR))).toBe(false);
  });
});

describe("reminder messages", () => {
  const meeting: ReminderMeeting = {
    id: "meeting-1",
    clubId: "club-1",
    clubName: "The Hailsham Circle",
    title: "Part One",
    startsAt,
    timeZone: "Europe/Madrid",
    location: null,
    readingAssignment: "Chapters 1–9",
  };

  it("titles the notification with the club, the meeting and how soon it starts", () => {
    expect(reminderMessage(meeting, "24h").title).toBe("The Hailsham Circle: Part One starts in 24 hours");
    expect(reminderMessage(meeting, "1h").title).toBe("The Hailsham Circle: Part One starts in 1 hour");
  });

  it("gives the time in the meeting's own zone and the reading assignment", () => {
    const message = reminderMessage(meeting, "24h");
    expect(message.body.split("\n").map(plain)).toEqual(["Thursday, March 12, 2026 at 7:00 PM CET", "Before then, read: Chapters 1–9"]);
    expect(message.path).toBe("/clubs/club-1/meetings/meeting-1");
  });

  it("leaves out the reading when the meeting has none", () => {
    expect(plain(reminderMessage({ ...meeting, readingAssignment: "  " }, "1h").body)).toBe("Thursday, March 12, 2026 at 7:00 PM CET");
  });

  it("emails a full link, the zone's name and only the details the meeting has", () => {
    const email = reminderEmail({ meeting, kind: "1h", recipientName: "Kathy", baseUrl: "https://club.example.org/" });
    expect(email.subject).toBe("The Hailsham Circle: Part One starts in 1 hour");
    expect(email.text).toContain("Hello Kathy,");
    expect(email.text).toContain("\nhttps://club.example.org/clubs/club-1/meetings/meeting-1\n");
    expect(email.text).toContain("(Europe/Madrid)");
    expect(email.text).not.toContain("Where:");
    expect(reminderEmail({ meeting: { ...meeting, location: "https://meet.example/abc" }, kind: "1h", recipientName: "Kathy", baseUrl: "https://club.example.org" }).text).toContain(
      "Where: https://meet.example/abc",
    );
  });
});
