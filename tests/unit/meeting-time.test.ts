import { describe, expect, it } from "vitest";
import {
  formatInZone,
  formatLocalParts,
  formatStartOption,
  formatTimeRange,
  isValidTimeZone,
  relativeHint,
  repeatStarts,
  resolveLocalStart,
  meetingPhase,
  meetingWindow,
  toLocalInputs,
  zoneLabel,
} from "@/lib/meetings/time";

// ICU separates "7:00" from "PM" with a narrow no-break space and pads range dashes with thin
// spaces; which ones it uses has changed between ICU releases, so compare with plain spaces.
const plain = (text: string): string => text.replace(/\s/g, " ");

const utc = (iso: string): Date => new Date(iso);

describe("isValidTimeZone", () => {
  it.each(["Europe/Madrid", "America/New_York", "Asia/Kolkata", "UTC"])("accepts the IANA zone %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(["", "Mars/Olympus", "not a zone", "+02:00", "-05:00", "Europe/"])("rejects %j", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe("resolveLocalStart", () => {
  it("resolves a winter evening in Madrid to the exact UTC instant", () => {
    expect(resolveLocalStart({ date: "2026-03-12", time: "19:00", timeZone: "Europe/Madrid" })).toEqual({
      ok: true,
      startsAt: utc("2026-03-12T18:00:00Z"),
    });
  });

  it("resolves a summer evening in New York to the exact UTC instant", () => {
    expect(resolveLocalStart({ date: "2026-07-01", time: "19:00", timeZone: "America/New_York" })).toEqual({
      ok: true,
      startsAt: utc("2026-07-01T23:00:00Z"),
    });
  });

  it("refuses a time skipped by the spring-forward jump in Madrid and names the jump", () => {
    const result = resolveLocalStart({ date: "2026-03-29", time: "02:30", timeZone: "Europe/Madrid" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("gap");
    expect(result.options).toBeUndefined();
    expect(plain(result.message)).toBe(
      "2:30 AM on Sunday, March 29, 2026 doesn't exist in Europe/Madrid: clocks jump from 2:00 to 3:00. Choose another time.",
    );
  });

  it("refuses a time skipped by the spring-forward jump in New York even when a choice is given", () => {
    const result = resolveLocalStart({ date: "2026-03-08", time: "02:30", timeZone: "America/New_York" }, "later");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("gap");
    expect(plain(result.message)).toBe(
      "2:30 AM on Sunday, March 8, 2026 doesn't exist in America/New_York: clocks jump from 2:00 to 3:00. Choose another time.",
    );
  });

  it("refuses the repeated hour in Madrid and offers both readings an hour apart", () => {
    const result = resolveLocalStart({ date: "2026-10-25", time: "02:30", timeZone: "Europe/Madrid" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("ambiguous");
    expect(plain(result.message)).toBe(
      "2:30 AM on Sunday, October 25, 2026 happens twice in Europe/Madrid: clocks go back from 3:00 to 2:00. Choose which one you mean.",
    );
    const options = (result.options ?? []).map((option) => ({ ...option, label: plain(option.label) }));
    expect(options).toEqual([
      { choice: "earlier", startsAt: utc("2026-10-25T00:30:00Z"), label: "2:30 AM CEST (UTC+2)" },
      { choice: "later", startsAt: utc("2026-10-25T01:30:00Z"), label: "2:30 AM CET (UTC+1)" },
    ]);
  });

  it.each([
    ["earlier", "2026-10-25T00:30:00Z"],
    ["later", "2026-10-25T01:30:00Z"],
  ] as const)("resolves the repeated hour in Madrid with the %s choice", (choice, expected) => {
    const result = resolveLocalStart({ date: "2026-10-25", time: "02:30", timeZone: "Europe/Madrid" }, choice);
    expect(result).toEqual({ ok: true, startsAt: utc(expected) });
  });

  it("refuses the repeated hour in New York and labels the options EDT and EST", () => {
    const result = resolveLocalStart({ date: "2026-11-01", time: "01:30", timeZone: "America/New_York" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("ambiguous");
    expect((result.options ?? []).map((option) => [option.choice, option.startsAt, plain(option.label)])).toEqual([
      ["earlier", utc("2026-11-01T05:30:00Z"), "1:30 AM EDT (UTC-4)"],
      ["later", utc("2026-11-01T06:30:00Z"), "1:30 AM EST (UTC-5)"],
    ]);
  });

  it("resolves the repeated hour in New York with a choice", () => {
    const input = { date: "2026-11-01", time: "01:30", timeZone: "America/New_York" };
    expect(resolveLocalStart(input, "earlier")).toEqual({ ok: true, startsAt: utc("2026-11-01T05:30:00Z") });
    expect(resolveLocalStart(input, "later")).toEqual({ ok: true, startsAt: utc("2026-11-01T06:30:00Z") });
  });

  it.each(["Mars/Olympus", "", "+02:00"])("refuses the unknown zone %j", (timeZone) => {
    const result = resolveLocalStart({ date: "2026-03-12", time: "19:00", timeZone });
    expect(result).toMatchObject({ ok: false, reason: "unknown_zone" });
  });

  it.each([
    ["2026-02-30", "19:00"],
    ["2026-13-01", "19:00"],
    ["2026-3-12", "19:00"],
    ["12/03/2026", "19:00"],
    ["2026-03-12", "25:00"],
    ["2026-03-12", "19:60"],
    ["2026-03-12", "7:00"],
    ["2026-03-12", "19:00:30"],
  ])("refuses the malformed date/time %s %s", (date, time) => {
    const result = resolveLocalStart({ date, time, timeZone: "Europe/Madrid" });
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
  });
});

describe("repeatStarts", () => {
  it("keeps 19:00 Madrid time across the March change, moving the UTC hour from 18 to 17", () => {
    const result = repeatStarts({ date: "2026-03-19", time: "19:00", timeZone: "Europe/Madrid", everyWeeks: 1, count: 3 });
    expect(result).toEqual({
      ok: true,
      starts: [utc("2026-03-19T18:00:00Z"), utc("2026-03-26T18:00:00Z"), utc("2026-04-02T17:00:00Z")],
    });
  });

  it("keeps 19:00 Madrid time across the October change, moving the UTC hour from 17 to 18", () => {
    const result = repeatStarts({ date: "2026-10-22", time: "19:00", timeZone: "Europe/Madrid", everyWeeks: 1, count: 2 });
    expect(result).toEqual({ ok: true, starts: [utc("2026-10-22T17:00:00Z"), utc("2026-10-29T18:00:00Z")] });
  });

  it("keeps 19:00 New York time across the March change", () => {
    const result = repeatStarts({ date: "2026-03-05", time: "19:00", timeZone: "America/New_York", everyWeeks: 1, count: 2 });
    expect(result).toEqual({ ok: true, starts: [utc("2026-03-06T00:00:00Z"), utc("2026-03-12T23:00:00Z")] });
  });

  it("spaces meetings by the given number of weeks", () => {
    const result = repeatStarts({ date: "2026-01-08", time: "19:00", timeZone: "Europe/Madrid", everyWeeks: 3, count: 3 });
    expect(result).toEqual({
      ok: true,
      starts: [utc("2026-01-08T18:00:00Z"), utc("2026-01-29T18:00:00Z"), utc("2026-02-19T18:00:00Z")],
    });
  });

  it("refuses a series whose third meeting falls in the spring-forward gap, naming it", () => {
    const result = repeatStarts({ date: "2026-03-15", time: "02:30", timeZone: "Europe/Madrid", everyWeeks: 1, count: 4 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("gap");
    expect(result.occurrence).toBe(3);
    expect(plain(result.message)).toBe(
      "Meeting 3 of 4: 2:30 AM on Sunday, March 29, 2026 doesn't exist in Europe/Madrid: clocks jump from 2:00 to 3:00. Choose another time.",
    );
  });

  it("refuses a series that reaches the repeated hour unless a choice is given", () => {
    const input = { date: "2026-10-18", time: "02:30", timeZone: "Europe/Madrid", everyWeeks: 1, count: 3 };
    expect(repeatStarts(input)).toMatchObject({ ok: false, reason: "ambiguous", occurrence: 2 });
    expect(repeatStarts(input, "later")).toEqual({
      ok: true,
      starts: [utc("2026-10-18T00:30:00Z"), utc("2026-10-25T01:30:00Z"), utc("2026-11-01T01:30:00Z")],
    });
  });

  it.each([
    [0, 4],
    [9, 4],
    [1.5, 4],
    [1, 0],
    [1, 53],
  ])("refuses every %s weeks for %s meetings as a whole", (everyWeeks, count) => {
    const result = repeatStarts({ date: "2026-01-08", time: "19:00", timeZone: "Europe/Madrid", everyWeeks, count });
    expect(result).toMatchObject({ ok: false, reason: "invalid", occurrence: null });
  });

  it("refuses an unknown zone before looking at any meeting", () => {
    const result = repeatStarts({ date: "2026-01-08", time: "19:00", timeZone: "Nowhere/Else", everyWeeks: 1, count: 2 });
    expect(result).toMatchObject({ ok: false, reason: "unknown_zone", occurrence: null });
  });
});

describe("formatInZone", () => {
  it("shows a Madrid meeting in Madrid time with the European abbreviation", () => {
    expect(plain(formatInZone(utc("2026-03-12T18:00:00Z"), "Europe/Madrid"))).toBe(
      "Thursday, March 12, 2026 at 7:00 PM CET",
    );
  });

  it("shows a Madrid 19:00 meeting at 10:00 AM in Los Angeles while both are on standard time", () => {
    expect(plain(formatInZone(utc("2026-02-12T18:00:00Z"), "America/Los_Angeles"))).toBe(
      "Thursday, February 12, 2026 at 10:00 AM PST",
    );
  });

  it("shows a Madrid 19:00 meeting at 11:00 AM in Los Angeles in the weeks the US has switched and Europe has not", () => {
    expect(plain(formatInZone(utc("2026-03-12T18:00:00Z"), "America/Los_Angeles"))).toBe(
      "Thursday, March 12, 2026 at 11:00 AM PDT",
    );
  });

  it("shows a Madrid 19:00 meeting at 10:00 AM in Los Angeles again once both are on summer time", () => {
    expect(plain(formatInZone(utc("2026-04-02T17:00:00Z"), "America/Los_Angeles"))).toBe(
      "Thursday, April 2, 2026 at 10:00 AM PDT",
    );
  });

  it("uses the reader's language and its own abbreviation", () => {
    expect(plain(formatInZone(utc("2026-03-12T18:00:00Z"), "Europe/Madrid", "de"))).toBe(
      "Donnerstag, 12. März 2026 um 19:00 MEZ",
    );
  });

  it("falls back to a GMT offset where English has no abbreviation", () => {
    expect(plain(formatInZone(utc("2026-03-12T18:00:00Z"), "Asia/Tokyo"))).toBe(
      "Friday, March 13, 2026 at 3:00 AM GMT+9",
    );
  });
});

describe("formatTimeRange", () => {
  it("shows an evening meeting as one range with one zone", () => {
    expect(plain(formatTimeRange(utc("2026-03-12T18:00:00Z"), 90, "Europe/Madrid", "en"))).toBe("7:00 – 8:30 PM CET");
  });

  it("shows the same range in a second zone", () => {
    expect(plain(formatTimeRange(utc("2026-03-12T18:00:00Z"), 90, "America/New_York", "en"))).toBe(
      "2:00 – 3:30 PM EDT",
    );
  });

  it("shows a range that crosses noon with both day periods", () => {
    expect(plain(formatTimeRange(utc("2026-03-12T10:30:00Z"), 120, "Europe/Madrid", "en"))).toBe(
      "11:30 AM – 1:30 PM CET",
    );
  });
});

describe("zoneLabel", () => {
  it.each([
    ["Europe/Madrid", "Central European Time (Europe/Madrid)"],
    ["America/Los_Angeles", "Pacific Time (America/Los_Angeles)"],
    ["UTC", "Coordinated Universal Time (UTC)"],
  ])("names %s for people and exactly", (zone, label) => {
    expect(zoneLabel(zone, utc("2026-03-12T18:00:00Z"))).toBe(label);
  });
});

describe("relativeHint", () => {
  const now = utc("2026-03-12T12:00:00Z");
  const after = (ms: number): Date => new Date(now.getTime() + ms);
  const minutes = 60_000;
  const hours = 60 * minutes;
  const days = 24 * hours;

  it.each([
    [0, "now"],
    [30_000, "now"],
    [-30_000, "now"],
    [5 * minutes, "in 5 minutes"],
    [-5 * minutes, "5 minutes ago"],
    [2 * hours, "in 2 hours"],
    [-3 * hours, "3 hours ago"],
    [1 * days, "tomorrow"],
    [-1 * days, "yesterday"],
    [3 * days, "in 3 days"],
    [7 * days, "next week"],
    [14 * days, "in 2 weeks"],
    [30 * days, "next month"],
    [92 * days, "in 3 months"],
    [400 * days, "next year"],
  ])("describes %s ms ahead as %j", (offset, expected) => {
    expect(relativeHint(after(offset), now)).toBe(expected);
  });

  it("uses the reader's language", () => {
    expect(relativeHint(after(3 * days), now, "es")).toBe("dentro de 3 días");
  });
});

describe("toLocalInputs", () => {
  it("gives back the date and time the moderator typed", () => {
    const input = { date: "2026-03-12", time: "19:00", timeZone: "Europe/Madrid" };
    const result = resolveLocalStart(input);
    if (!result.ok) throw new Error(result.message);
    expect(toLocalInputs(result.startsAt, input.timeZone)).toEqual({ date: "2026-03-12", time: "19:00" });
  });

  it("shows both readings of the repeated hour as the same wall-clock time", () => {
    expect(toLocalInputs(utc("2026-10-25T00:30:00Z"), "Europe/Madrid")).toEqual({ date: "2026-10-25", time: "02:30" });
    expect(toLocalInputs(utc("2026-10-25T01:30:00Z"), "Europe/Madrid")).toEqual({ date: "2026-10-25", time: "02:30" });
  });

  it("shows the local date when it differs from the UTC date", () => {
    expect(toLocalInputs(utc("2026-03-13T02:00:00Z"), "America/Los_Angeles")).toEqual({
      date: "2026-03-12",
      time: "19:00",
    });
  });
});

describe("meetingWindow and meetingPhase", () => {
  const meeting = { startsAt: utc("2026-03-12T18:00:00Z"), durationMinutes: 90 };

  it("ends the window after the duration", () => {
    expect(meetingWindow(meeting.startsAt, meeting.durationMinutes)).toEqual({
      startsAt: utc("2026-03-12T18:00:00Z"),
      endsAt: utc("2026-03-12T19:30:00Z"),
    });
  });

  it.each([
    ["2026-03-12T17:59:59.999Z", "upcoming"],
    ["2026-03-12T18:00:00.000Z", "live"],
    ["2026-03-12T19:29:59.999Z", "live"],
    ["2026-03-12T19:30:00.000Z", "past"],
  ] as const)("at %s the meeting is %s", (now, phase) => {
    expect(meetingPhase(meeting, utc(now))).toBe(phase);
  });
});

describe("in Spanish", () => {
  const madridEvening = utc("2026-03-12T18:00:00Z");

  it("writes a Madrid meeting's date in Spanish and keeps the zone's abbreviation", () => {
    expect(plain(formatInZone(madridEvening, "Europe/Madrid", "es"))).toBe("jueves, 12 de marzo de 2026, 19:00 CET");
  });

  it("shows an evening range on the 24-hour clock with one zone", () => {
    expect(plain(formatTimeRange(madridEvening, 90, "Europe/Madrid", "es")).replace(/ /g, "")).toBe("19:00–20:30CET");
  });

  it("falls back to a GMT offset where Spanish has no abbreviation", () => {
    expect(plain(formatInZone(madridEvening, "America/Los_Angeles", "es"))).toBe("jueves, 12 de marzo de 2026, 11:00 GMT-7");
  });

  it("names the zone in Spanish, then exactly", () => {
    expect(zoneLabel("Europe/Madrid", madridEvening, "es")).toBe("hora de Europa central (Europe/Madrid)");
  });

  it.each([
    [5 * 60_000, "dentro de 5 minutos"],
    [24 * 60 * 60_000, "mañana"],
    [-3 * 60 * 60_000, "hace 3 horas"],
    [0, "ahora"],
  ])("describes %s ms ahead as %j", (offset, expected) => {
    expect(relativeHint(new Date(madridEvening.getTime() + offset), madridEvening, "es")).toBe(expected);
  });

  it("words both readings of a repeated hour for a Spanish reader", () => {
    const result = resolveLocalStart({ date: "2026-10-25", time: "02:30", timeZone: "Europe/Madrid" });
    if (result.ok) throw new Error("expected a refusal");
    expect((result.options ?? []).map((option) => plain(formatStartOption(option.startsAt, "Europe/Madrid", "es")))).toEqual([
      "2:30 CEST (UTC+2)",
      "2:30 CET (UTC+1)",
    ]);
    expect(result.problem).toEqual({ code: "ambiguous", date: "2026-10-25", time: "02:30", zone: "Europe/Madrid", from: "3:00", to: "2:00" });
    expect(formatLocalParts("2026-10-25", "02:30", "es")).toEqual({ date: "domingo, 25 de octubre de 2026", time: "2:30" });
  });
});
