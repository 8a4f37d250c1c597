import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, migrateDatabase } from "@/db/index";
import { findUserByEmail } from "@/db/queries/users";
import { books, clubMembers, clubs } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";
import { meetingAgenda, meetings } from "@/db/schema/meetings";
import { demoAccounts, demoPassword, seedDemo } from "@/db/seed";
import { readingProgress } from "@/db/schema/reading";
import { END_RANK } from "@/lib/books/points";
import { bookShapeInput, shapeFormValues } from "@/lib/validation/book-shape";
import { verifyPassword } from "@/lib/accounts/passwords";
import { createDatabase, dropDatabase } from "@/scripts/test-db";

// The demo seeds only an empty database, so this file gives it one of its own.
const previous = { url: process.env.DATABASE_URL, dir: process.env.PGLITE_DIR };
let cleanup: () => Promise<void>;

beforeAll(async () => {
  await closeDb();
  if (previous.url) {
    const url = await createDatabase("chapterhouse_seed_test");
    process.env.DATABASE_URL = url;
    cleanup = () => dropDatabase(url);
  } else {
    const folder = await mkdtemp(path.join(os.tmpdir(), "chapterhouse-seed-"));
    process.env.PGLITE_DIR = path.join(folder, "pglite");
    cleanup = () => rm(folder, { recursive: true, force: true });
  }
  await migrateDatabase();
});

afterAll(async () => {
  await closeDb();
  await cleanup();
  restoreEnv("DATABASE_URL", previous.url);
  restoreEnv("PGLITE_DIR", previous.dir);
});

/** A demo club by name, with its book. */
async function demoClub(name: string) {
  const db = getDb();
  const [club] = await db.select().from(clubs).where(eq(clubs.name, name));
  if (!club) throw new Error(`${name} not seeded`);
  const [book] = await db.select().from(books).where(eq(books.clubId, club.id));
  return { club, book: book! };
}

const english = "The Hailsham Circle";
const spanish = "Veladas de Hailsham";

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

describe("the demo seed", () => {
  it("creates the Never Let Me Go club with its ten questions as rooms, in the guide's order", async () => {
    expect(await seedDemo()).toEqual({ seeded: true });
    const db = getDb();
    const { club, book } = await demoClub(english);
    expect(book).toMatchObject({ title: "Never Let Me Go", author: "Kazuo Ishiguro", year: 2005 });
    expect(club.currentBookId).toBe(book.id);

    const questions = await db
      .select({ position: rooms.position, question: rooms.question })
      .from(rooms)
      .where(eq(rooms.clubId, club.id))
      .orderBy(asc(rooms.position));
    expect(questions.map((room) => room.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(questions[0]?.question).toBe("What did you think of the way the novel portrayed the theme of mortality?");
    expect(questions[9]?.question).toBe("Do you think Ishiguro was successful in conveying the human cost behind scientific progress?");
  });

  it("creates the demo accounts with the documented password and roles, members of both clubs", async () => {
    const members = await getDb().select({ clubId: clubMembers.clubId, userId: clubMembers.userId, role: clubMembers.role }).from(clubMembers);
    const clubIds = [(await demoClub(english)).club.id, (await demoClub(spanish)).club.id];
    for (const account of demoAccounts) {
      const user = await findUserByEmail(account.email);
      expect(user, account.email).not.toBeNull();
      expect(await verifyPassword(demoPassword, user!.passwordHash!)).toBe(true);
      for (const clubId of clubIds) {
        expect(members.find((member) => member.userId === user!.id && member.clubId === clubId)?.role).toBe(account.role);
      }
    }
    expect(demoAccounts.find((account) => account.email === "emily@example.com")?.role).not.toBe("member");
  });

  it.each([english, spanish])("adds a short threaded conversation in two rooms of %s with matching counters", async (name) => {
    const db = getDb();
    const { club } = await demoClub(name);
    const all = await db
      .select({ roomId: replies.roomId, parentId: replies.parentId, seq: replies.seq })
      .from(replies)
      .innerJoin(rooms, eq(rooms.id, replies.roomId))
      .where(eq(rooms.clubId, club.id));
    const roomIds = [...new Set(all.map((reply) => reply.roomId))];
    expect(roomIds).toHaveLength(2);
    expect(all.some((reply) => reply.parentId !== null)).toBe(true);
    for (const roomId of roomIds) {
      const [room] = await db.select().from(rooms).where(eq(rooms.id, roomId));
      const inRoom = all.filter((reply) => reply.roomId === roomId);
      expect(room?.replyCount).toBe(inRoom.length);
      expect(room?.replySeq).toBe(Math.max(...inRoom.map((reply) => reply.seq)));
    }
  });

  it("schedules the club's next meeting a week ahead with three questions on its agenda", async () => {
    const db = getDb();
    const [meeting] = await db.select().from(meetings).where(eq(meetings.clubId, (await demoClub(english)).club.id));
    expect(meeting?.timeZone).toBe("Europe/London");
    const daysAhead = (meeting!.startsAt.getTime() - Date.now()) / 86_400_000;
    expect(daysAhead).toBeGreaterThan(5);
    expect(daysAhead).toBeLessThan(8);
    expect(await db.select().from(meetingAgenda).where(eq(meetingAgenda.meetingId, meeting!.id))).toHaveLength(3);
  });

  it("gives the book its real shape, a spoiler summary, a reading target and some progress", async () => {
    const db = getDb();
    const { club, book } = await demoClub(english);
    expect(bookShapeInput.parse(shapeFormValues(book!.shape))).toEqual(book!.shape);
    expect(book!.shape).toEqual({
      chapters: 23,
      parts: [
        { title: "Part One", first: 1, last: 9 },
        { title: "Part Two", first: 10, last: 17 },
        { title: "Part Three", first: 18, last: 23 },
      ],
    });
    expect(book!.summary).toContain("deferrals never existed");
    expect(book!.description).not.toMatch(/clone|donation|deferr/i);
    const [meeting] = await db.select().from(meetings).where(eq(meetings.clubId, club.id));
    expect(meeting?.readingTarget).toBe(9);
    const ending = await db.select({ reach: rooms.reach }).from(rooms).where(and(eq(rooms.clubId, club.id), eq(rooms.position, 6)));
    expect(ending[0]?.reach).toBe(END_RANK);
    const progress = await db.select().from(readingProgress).where(eq(readingProgress.bookId, book.id));
    expect(progress.map((row) => row.reached).sort((a, b) => a - b)).toEqual([12, END_RANK, END_RANK]);
  });

  it("adds a Spanish club reading the same novel: Spanish texts, a Spanish guide by parts, replies and an upcoming meeting", async () => {
    const db = getDb();
    const { club, book } = await demoClub(spanish);
    expect(book).toMatchObject({ title: "Nunca me abandones (Never Let Me Go)", author: "Kazuo Ishiguro", year: 2005 });
    expect(book.description).toMatch(/^Kathy, que ya ronda los treinta/);
    expect(book.summary).toContain("los aplazamientos nunca existieron");
    expect(book.shape?.parts.map((part) => part.title)).toEqual(["Primera parte", "Segunda parte", "Tercera parte"]);
    const questions = await db.select({ question: rooms.question, reach: rooms.reach }).from(rooms).where(eq(rooms.clubId, club.id)).orderBy(asc(rooms.position));
    expect(questions).toHaveLength(10);
    expect(questions.every((room) => /^¿.+\?$/.test(room.question))).toBe(true);
    expect(questions.at(-1)?.reach).toBe(END_RANK);
    const texts = await db.select({ body: replies.body }).from(replies).innerJoin(rooms, eq(rooms.id, replies.roomId)).where(eq(rooms.clubId, club.id));
    expect(texts.some((reply) => reply.body.includes("soy cuidadora"))).toBe(true);
    const [meeting] = await db.select().from(meetings).where(eq(meetings.clubId, club.id));
    expect(meeting).toMatchObject({ title: "Primera parte: Hailsham", timeZone: "Europe/Madrid", readingTarget: 9 });
    expect(meeting!.startsAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("leaves a database that already has data alone", async () => {
    expect(await seedDemo()).toEqual({ seeded: false });
    expect(await getDb().select({ id: clubs.id }).from(clubs)).toHaveLength(2);
  });
});
