import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { books } from "@/db/schema/clubs";
import { rooms } from "@/db/schema/discussion";
import { meetings } from "@/db/schema/meetings";
import { readingProgress } from "@/db/schema/reading";
import { importQuestions } from "@/lib/books/questions";
import { END_RANK } from "@/lib/books/points";
import { liftRoomVeil, loadBookReading, loadRoomVeil, setReadingProgress, updateBookShape, updateRoomReach } from "@/lib/books/reading";
import { AppError } from "@/lib/errors";
import { editMeeting } from "@/lib/meetings/schedule";
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

const nlmgParts = "Part One, chapters 1–9\nPart Two, chapters 10–17\nPart Three, chapters 18–23";

/** A club with a moderator and two members, whose book has Never Let Me Go's shape. */
async function setting() {
  const moderator = await createTestUser("Emily");
  const kathy = await createTestUser("Kathy");
  const ruth = await createTestUser("Ruth");
  const club = await createTestClub({
    members: [
      { userId: moderator.id, role: "moderator" },
      { userId: kathy.id, role: "member" },
      { userId: ruth.id, role: "member" },
    ],
  });
  await updateBookShape({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id, body: { chapters: "", parts: nlmgParts } });
  return { moderator, kathy, ruth, club };
}

async function storedShape(bookId: string) {
  const [row] = await getDb().select({ shape: books.shape }).from(books).where(eq(books.id, bookId));
  return row?.shape ?? null;
}

describe("a book's shape", () => {
  it("is saved from the quick form, parts and all", async () => {
    const { club } = await setting();
    expect(await storedShape(club.bookId)).toEqual({
      chapters: 23,
      parts: [
        { title: "Part One", first: 1, last: 9 },
        { title: "Part Two", first: 10, last: 17 },
        { title: "Part Three", first: 18, last: 23 },
      ],
    });
  });

  it.each([
    ["overlapping parts", { chapters: "", parts: "Part One, chapters 1–9\nPart Two, chapters 8–17" }, "overlap"],
    ["a gap between parts", { chapters: "", parts: "Part One, chapters 1–9\nPart Two, chapters 12–17" }, "gaps"],
    ["a count the parts don't reach", { chapters: "30", parts: nlmgParts }, "30 chapters"],
    ["no chapters at all", { chapters: "0", parts: "" }, "at least one chapter"],
  ])("refuses %s with a 400 and keeps the old shape", async (_, body, message) => {
    const { moderator, club } = await setting();
    const before = await storedShape(club.bookId);
    const error = await failure(updateBookShape({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id, body }));
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain(message);
    expect(await storedShape(club.bookId)).toEqual(before);
  });

  it("can be edited later to a plain chapter count", async () => {
    const { moderator, club } = await setting();
    await updateBookShape({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id, body: { chapters: "12", parts: "" } });
    expect(await storedShape(club.bookId)).toEqual({ chapters: 12, parts: [] });
  });
});

describe("reading progress", () => {
  it("is private to moderators by default, and shown to members once shared", async () => {
    const { moderator, kathy, ruth, club } = await setting();
    await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 12 } });

    const ruthSees = await loadBookReading({ clubId: club.clubId, bookId: club.bookId, userId: ruth.id });
    expect(ruthSees.others.map((other) => other.name)).not.toContain(kathy.name);
    const moderatorSees = await loadBookReading({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id });
    expect(moderatorSees.others).toContainEqual({ name: kathy.name, reached: 12, shared: false });

    await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 12, shared: true } });
    const ruthSeesNow = await loadBookReading({ clubId: club.clubId, bookId: club.bookId, userId: ruth.id });
    expect(ruthSeesNow.others).toContainEqual({ name: kathy.name, reached: 12, shared: true });
  });

  it("keeps the sharing choice when only the chapter changes", async () => {
    const { kathy, club } = await setting();
    await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 3, shared: true } });
    const moved = await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 4 } });
    expect(moved).toEqual({ reached: 4, shared: true });
  });

  it("refuses a chapter the book doesn't have, and changes nothing", async () => {
    const { kathy, club } = await setting();
    await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 5 } });
    const error = await failure(setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 24 } }));
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain("23 chapters");
    const [row] = await getDb().select().from(readingProgress).where(eq(readingProgress.userId, kathy.id));
    expect(row?.reached).toBe(5);
  });

  it("offers only the start and the end for a book with no chapters", async () => {
    const member = await createTestUser("Reader");
    const club = await createTestClub({ members: [{ userId: member.id, role: "member" }] });
    expect((await failure(setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: member.id, body: { reached: 3 } }))).code).toBe("bad_request");
    expect(await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: member.id, body: { reached: END_RANK } })).toMatchObject({ reached: END_RANK });
  });
});

describe("the reading schedule", () => {
  it("lists the meetings' chapter targets in order, marking what the member has read", async () => {
    const { moderator, kathy, club } = await setting();
    const db = getDb();
    const soon = new Date(Date.now() + 7 * 86_400_000);
    const later = new Date(Date.now() + 21 * 86_400_000);
    const base = { clubId: club.clubId, bookId: club.bookId, timeZone: "Europe/London", durationMinutes: 90, createdById: moderator.id };
    await db.insert(meetings).values([
      { ...base, title: "Part Two", startsAt: later, readingTarget: 17 },
      { ...base, title: "Part One", startsAt: soon, readingTarget: 9, readingAssignment: "Part One" },
      { ...base, title: "No target", startsAt: soon },
    ]);
    await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 12 } });
    const { schedule } = await loadBookReading({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id });
    expect(schedule.map(({ title, target, done }) => ({ title, target, done }))).toEqual([
      { title: "Part One", target: 9, done: true },
      { title: "Part Two", target: 17, done: false },
    ]);
  });

  it("takes a meeting's chapter target from the meeting form, checked against the book", async () => {
    const { moderator, club } = await setting();
    const [meeting] = await getDb()
      .insert(meetings)
      .values({ clubId: club.clubId, bookId: club.bookId, title: "First", startsAt: new Date(Date.now() + 7 * 86_400_000), timeZone: "Europe/London", durationMinutes: 60 })
      .returning({ id: meetings.id, startsAt: meetings.startsAt });
    const date = new Date(meeting!.startsAt).toISOString();
    const local = { date: date.slice(0, 10), time: new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", minute: "2-digit" }).format(meeting!.startsAt) };
    const values = { title: "First", ...local, timeZone: "Europe/London", durationMinutes: 60, location: "", readingAssignment: "Up to the cottages", notes: "", agenda: [] };
    const error = await failure(editMeeting({ clubId: club.clubId, meetingId: meeting!.id, userId: moderator.id, body: { ...values, readingTarget: 40 } }));
    expect(fieldWords(error.fields).readingTarget).toContain("23 chapters");
    await editMeeting({ clubId: club.clubId, meetingId: meeting!.id, userId: moderator.id, body: { ...values, readingTarget: 9 } });
    const [row] = await getDb().select({ readingTarget: meetings.readingTarget, readingAssignment: meetings.readingAssignment }).from(meetings).where(eq(meetings.id, meeting!.id));
    expect(row).toEqual({ readingTarget: 9, readingAssignment: "Up to the cottages" });
  });
});

describe("how far a room reaches", () => {
  it("veils a room past the reader's progress until they lift it, and remembers the lift", async () => {
    const { moderator, kathy, ruth, club } = await setting();
    const [roomId] = club.roomIds;
    await updateRoomReach({ clubId: club.clubId, roomId, userId: moderator.id, body: { reach: END_RANK } });
    await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 5 } });
    await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: ruth.id, body: { reached: END_RANK } });

    expect(await loadRoomVeil({ roomId, userId: kathy.id })).toMatchObject({ veiled: true, reach: END_RANK });
    expect(await loadRoomVeil({ roomId, userId: ruth.id })).toMatchObject({ veiled: false });
    const { warnings } = await loadBookReading({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id });
    expect(warnings[roomId!]).toBe(END_RANK);

    await liftRoomVeil({ roomId, userId: kathy.id });
    expect(await loadRoomVeil({ roomId, userId: kathy.id })).toMatchObject({ veiled: false });
    expect((await loadBookReading({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id })).warnings).toEqual({});
  });

  it("lifts by itself once the reader reaches the room's point", async () => {
    const { moderator, kathy, club } = await setting();
    const [roomId] = club.roomIds;
    await updateRoomReach({ clubId: club.clubId, roomId, userId: moderator.id, body: { reach: 17 } });
    await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 16 } });
    expect(await loadRoomVeil({ roomId, userId: kathy.id })).toMatchObject({ veiled: true, reach: 17 });
    await setReadingProgress({ clubId: club.clubId, bookId: club.bookId, userId: kathy.id, body: { reached: 17 } });
    expect(await loadRoomVeil({ roomId, userId: kathy.id })).toMatchObject({ veiled: false });
  });

  it("veils moderators too, and never veils a room whose reach isn't said", async () => {
    const { moderator, kathy, club } = await setting();
    const [ending, open] = club.roomIds;
    await updateRoomReach({ clubId: club.clubId, roomId: ending, userId: moderator.id, body: { reach: END_RANK } });
    expect(await loadRoomVeil({ roomId: ending, userId: moderator.id })).toMatchObject({ veiled: true });
    expect(await loadRoomVeil({ roomId: open, userId: kathy.id })).toMatchObject({ veiled: false, reach: null });
  });

  it("refuses a reach past the book's chapters", async () => {
    const { moderator, club } = await setting();
    const [roomId] = club.roomIds;
    const error = await failure(updateRoomReach({ clubId: club.clubId, roomId, userId: moderator.id, body: { reach: 30 } }));
    expect(error.code).toBe("bad_request");
    const [row] = await getDb().select({ reach: rooms.reach }).from(rooms).where(eq(rooms.id, roomId!));
    expect(row?.reach).toBeNull();
  });

  it("is created with the reach the moderator confirmed in the guide review", async () => {
    const { moderator, club } = await setting();
    const { created } = await importQuestions({
      clubId: club.clubId,
      bookId: club.bookId,
      userId: moderator.id,
      body: { questions: [{ text: "What happens at the Cottages?", section: "Part Two", reach: 17 }, { text: "Anything else?", section: null }] },
    });
    expect(created).toBe(2);
    const rows = await getDb().select({ question: rooms.question, reach: rooms.reach }).from(rooms).where(eq(rooms.bookId, club.bookId));
    expect(rows).toContainEqual({ question: "What happens at the Cottages?", reach: 17 });
    expect(rows).toContainEqual({ question: "Anything else?", reach: null });
    const error = await failure(
      importQuestions({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id, body: { questions: [{ text: "Too far?", section: null, reach: 99 }] } }),
    );
    expect(error.message).toContain("Question 1");
  });
});
