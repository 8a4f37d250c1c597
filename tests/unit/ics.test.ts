import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { icsFilename, meetingDescription, meetingsToIcs, type MeetingEvent } from "@/lib/meetings/ics";
import { rfc5545Problems } from "./rfc5545";

const meeting = (overrides: Partial<MeetingEvent> = {}): MeetingEvent => ({
  id: "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b",
  title: "Never Let Me Go, part one",
  startsAt: new Date("2026-03-12T18:00:00Z"),
  durationMinutes: 90,
  timeZone: "Europe/Madrid",
  location: "https://meet.example/club",
  description: "Reading: chapters 1-6",
  url: "https://chapterhouse.example/clubs/c1/meetings/s1",
  sequence: 0,
  cancelled: false,
  updatedAt: new Date("2026-03-01T09:15:00Z"),
  clubName: "Tuesday Readers",
  ...overrides,
});

const parse = (ics: string): ICAL.Component => new ICAL.Component(ICAL.parse(ics));

const events = (ics: string): ICAL.Component[] => parse(ics).getAllSubcomponents("vevent");

const only = (ics: string): ICAL.Component => {
  const [event, ...rest] = events(ics);
  if (!event || rest.length > 0) throw new Error(`expected one VEVENT, got ${rest.length + (event ? 1 : 0)}`);
  return event;
};

const text = (component: ICAL.Component, name: string): unknown => component.getFirstPropertyValue(name);

const instant = (component: ICAL.Component, name: string): Date => {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  return value.toJSDate();
};

const calendar = (list: MeetingEvent[], locale: "en" | "es" = "en"): string => meetingsToIcs({ calendarName: "Tuesday Readers", events: list, locale });

describe("meetingsToIcs", () => {
  it("gives a meeting the same UID every time it is exported", () => {
    const first = only(calendar([meeting()]));
    const second = only(calendar([meeting({ title: "Renamed", sequence: 4, updatedAt: new Date() })]));
    expect(text(first, "uid")).toBe("session-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b@chapterhouse");
    expect(text(second, "uid")).toBe(text(first, "uid"));
  });

  it("gives different meetings different UIDs", () => {
    const uids = events(calendar([meeting(), meeting({ id: "other-meeting" })])).map((event) => text(event, "uid"));
    expect(uids).toEqual([
      "session-6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b@chapterhouse",
      "session-other-meeting@chapterhouse",
    ]);
  });

  it("writes the sequence and the update time as DTSTAMP", () => {
    const event = only(calendar([meeting({ sequence: 7 })]));
    expect(text(event, "sequence")).toBe(7);
    expect(instant(event, "dtstamp")).toEqual(new Date("2026-03-01T09:15:00Z"));
  });

  it("writes the start and end as the exact instants", () => {
    const event = only(calendar([meeting()]));
    expect(instant(event, "dtstart")).toEqual(new Date("2026-03-12T18:00:00Z"));
    expect(instant(event, "dtend")).toEqual(new Date("2026-03-12T19:30:00Z"));
  });

  it("writes times in UTC rather than a TZID without a VTIMEZONE", () => {
    const ics = calendar([meeting()]);
    expect(ics).toContain("DTSTART:20260312T180000Z");
    expect(ics).not.toContain("TZID");
  });

  it("marks a cancelled meeting CANCELLED and others CONFIRMED", () => {
    const statuses = events(calendar([meeting(), meeting({ id: "gone", cancelled: true })])).map((event) =>
      text(event, "status"),
    );
    expect(statuses).toEqual(["CONFIRMED", "CANCELLED"]);
  });

  it("prefixes the summary with the club name", () => {
    expect(text(only(calendar([meeting()])), "summary")).toBe("Tuesday Readers: Never Let Me Go, part one");
  });

  it("round-trips commas, semicolons and newlines in summary, location and description", () => {
    const event = only(
      calendar([
        meeting({
          clubName: "Books, Wine; Friends",
          title: "Part 1; chapters 1, 2\nand 3",
          location: "Café Central, Calle Mayor 5; 2nd floor\nRing twice",
          description: "Reading: ch. 1, 2; 3\nBring snacks\\drinks",
          url: null,
        }),
      ]),
    );
    expect(text(event, "summary")).toBe("Books, Wine; Friends: Part 1; chapters 1, 2\nand 3");
    expect(text(event, "location")).toBe("Café Central, Calle Mayor 5; 2nd floor\nRing twice");
    expect(text(event, "description")).toBe("Reading: ch. 1, 2; 3\nBring snacks\\drinks");
  });

  it("ends the description with the labelled link back and writes it as URL too", () => {
    const event = only(calendar([meeting()]));
    expect(text(event, "description")).toBe(
      "Reading: chapters 1-6\n\nMeeting page: https://chapterhouse.example/clubs/c1/meetings/s1",
    );
    expect(text(event, "url")).toBe("https://chapterhouse.example/clubs/c1/meetings/s1");
  });

  it("leaves out location, description and URL when there are none", () => {
    const event = only(calendar([meeting({ location: null, description: null, url: null })]));
    expect(event.hasProperty("location")).toBe(false);
    expect(event.hasProperty("description")).toBe(false);
    expect(event.hasProperty("url")).toBe(false);
  });

  it("identifies Chapterhouse as the producer", () => {
    const root = parse(meetingsToIcs({ calendarName: "Tuesday Readers", events: [], method: "PUBLISH", locale: "en" }));
    expect(text(root, "prodid")).toBe("-//Chapterhouse//Chapterhouse//EN");
    expect(text(root, "method")).toBe("PUBLISH");
  });

  it("escapes the calendar name so it cannot add lines to the feed", () => {
    const ics = meetingsToIcs({ calendarName: "Club; one, two\nBEGIN:VEVENT", events: [], locale: "en" });
    // ical.js reads NAME and X-WR-CALNAME as unknown-typed and hands back the raw escaped text.
    expect(text(parse(ics), "x-wr-calname")).toBe("Club\\; one\\, two\\nBEGIN:VEVENT");
    expect(ics).toContain("NAME:Club\\; one\\, two\\nBEGIN:VEVENT\r\n");
    expect(parse(ics).getAllSubcomponents("vevent")).toHaveLength(0);
  });

  it("refuses an id that could break out of the UID line", () => {
    expect(() => calendar([meeting({ id: "x\r\nSTATUS:CANCELLED" })])).toThrow(/plain identifier/);
  });
});

describe("the file's own words, in the subscriber's language", () => {
  it("says Cancelled, the link's label and the product's language in English", () => {
    const ics = calendar([meeting({ cancelled: true, description: null })]);
    const event = only(ics);
    expect(text(event, "summary")).toBe("Cancelled: Tuesday Readers: Never Let Me Go, part one");
    expect(text(event, "description")).toBe("Meeting page: https://chapterhouse.example/clubs/c1/meetings/s1");
    expect(text(parse(ics), "prodid")).toBe("-//Chapterhouse//Chapterhouse//EN");
  });

  it("says them in Spanish for a Spanish subscriber, leaving the club's own words as written", () => {
    const ics = calendar([meeting({ cancelled: true, description: meetingDescription({ readingAssignment: "Part One", notes: "Bring a passage." }, "es") })], "es");
    const event = only(ics);
    expect(text(event, "summary")).toBe("Cancelada: Tuesday Readers: Never Let Me Go, part one");
    expect(text(event, "description")).toBe("Lectura: Part One\n\nBring a passage.\n\nPágina de la reunión: https://chapterhouse.example/clubs/c1/meetings/s1");
    expect(text(parse(ics), "prodid")).toBe("-//Chapterhouse//Chapterhouse//ES");
    expect(rfc5545Problems(ics)).toEqual([]);
  });

  it("keeps an uncancelled meeting's summary the club's and the meeting's names alone in Spanish too", () => {
    expect(text(only(calendar([meeting()], "es")), "summary")).toBe("Tuesday Readers: Never Let Me Go, part one");
  });
});

describe("meetingDescription", () => {
  it("puts the reading assignment before the notes", () => {
    expect(meetingDescription({ readingAssignment: "Chapters 1-6", notes: "Bring a question." }, "en")).toBe(
      "Reading: Chapters 1-6\n\nBring a question.",
    );
  });

  it("is empty when there is nothing to say", () => {
    expect(meetingDescription({ readingAssignment: null, notes: "  " }, "en")).toBeNull();
  });
});

describe("icsFilename", () => {
  it.each([
    ["Never Let Me Go, part one", "never-let-me-go-part-one.ics"],
    ["Cien años de soledad: ¿qué pasó?", "cien-anos-de-soledad-que-paso.ics"],
    ["../../etc/passwd", "etc-passwd.ics"],
    ['Quote "this"\r\nheader', "quote-this-header.ics"],
    ["ノルウェイの森", "meeting.ics"],
    ["", "meeting.ics"],
  ])("turns %j into %j", (title, filename) => {
    expect(icsFilename(title)).toBe(filename);
  });

  it("keeps long titles short", () => {
    expect(icsFilename("a".repeat(200)).length).toBeLessThanOrEqual(64);
  });
});

describe("meetingsToIcs against the RFC 5545 grammar (a strict checker, not only ical.js)", () => {
  // Every C0 control, DEL, a C1 control and lone surrogates: rows stored before input refused them.
  const hostile = `A\u000BB ${Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join("")}\u007f\u0085 \ud800 \udc00 ;,\\ "quoted" é 😀`;

  it("passes the strict checker for an ordinary calendar", () => {
    expect(rfc5545Problems(calendar([meeting(), meeting({ id: "second", cancelled: true })]))).toEqual([]);
  });

  it("writes a title of `A\\u000BB` as text a calendar may hold", () => {
    const ics = calendar([meeting({ title: "A\u000BB" })]);
    expect(rfc5545Problems(ics)).toEqual([]);
    expect(text(only(ics), "summary")).toBe("Tuesday Readers: A B");
  });

  it.each(["title", "location", "description", "clubName"] as const)("keeps %s within the grammar whatever it holds", (field) => {
    const ics = calendar([meeting({ [field]: hostile })]);
    expect(rfc5545Problems(ics)).toEqual([]);
    // Line breaks survive as line breaks; tab, quotes, ";", "," and "\" survive as themselves.
    const event = only(ics);
    const written = String(text(event, field === "title" || field === "clubName" ? "summary" : field));
    expect(written).toContain(';,\\ "quoted" é 😀');
    expect(written).toContain("\t");
    expect(written).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it("keeps the calendar's name within the grammar", () => {
    const ics = meetingsToIcs({ calendarName: hostile, events: [meeting()], locale: "en" });
    expect(rfc5545Problems(ics)).toEqual([]);
  });

  it("leaves out a URL that is not one", () => {
    const ics = calendar([meeting({ url: "not a url\u0000" })]);
    expect(rfc5545Problems(ics)).toEqual([]);
    expect(text(only(ics), "url")).toBeNull();
  });

  it("the checker itself refuses the raw control character ical-generator used to write", () => {
    expect(rfc5545Problems("BEGIN:VCALENDAR\r\nSUMMARY:A\u000BB\r\nEND:VCALENDAR\r\n")).toEqual([
      'SUMMARY holds a control character: "A\\u000bB"',
      'SUMMARY is not valid TEXT: "A\\u000bB"',
    ]);
    expect(rfc5545Problems("BEGIN:VCALENDAR\nSUMMARY:a,b\r\nEND:VCALENDAR\r\n").length).toBeGreaterThan(0);
  });
});
