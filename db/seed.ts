import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { books, clubMembers, clubs, type ClubRole } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";
import { meetingAgenda, meetings } from "@/db/schema/meetings";
import { readingProgress } from "@/db/schema/reading";
import { neverLetMeGoShape, neverLetMeGoTexts } from "@/db/seed-data/never-let-me-go-texts";
import { users } from "@/db/schema/users";
import { parseGuide } from "@/lib/guides/parse";
import { renderMarkdown } from "@/lib/discussion/markdown";
import { hashPassword } from "@/lib/accounts/passwords";
import { Temporal } from "@js-temporal/polyfill";
import { resolveLocalStart } from "@/lib/meetings/time";
import { END_RANK } from "@/lib/books/points";

export const demoPassword = "never-let-me-go";

export const demoAccounts: { email: string; name: string; role: ClubRole }[] = [
  { email: "emily@example.com", name: "Emily", role: "owner" },
  { email: "kathy@example.com", name: "Kathy", role: "member" },
  { email: "ruth@example.com", name: "Ruth", role: "member" },
  { email: "tommy@example.com", name: "Tommy", role: "member" },
];

const guidePath = path.resolve("db/seed-data/never-let-me-go-guide.txt");

// A short thread in two rooms, written for the demo. `parent` points at an earlier reply's index.
const demoThreads: { room: number; replies: { author: string; body: string; parent?: number }[] }[] = [
  {
    room: 0,
    replies: [
      {
        author: "kathy@example.com",
        body: "What stayed with me is how *quietly* mortality arrives. Nobody rages; the characters fold it into ordinary days, and that calm is what makes it hurt.",
      },
      {
        author: "tommy@example.com",
        parent: 0,
        body: "Agreed. The calm read to me as a kind of training: they were taught to accept it long before they understood it.",
      },
      {
        author: "ruth@example.com",
        parent: 1,
        body: "I'm not sure it's only training. Some of it is choosing not to look too closely, which felt very human to me.",
      },
      {
        author: "emily@example.com",
        body: "Good thread. For the meeting, think about where in the book you first *felt* the ending coming, not just knew it.",
      },
    ],
  },
  {
    room: 4,
    replies: [
      {
        author: "ruth@example.com",
        body: "Kathy's voice won me over. She keeps correcting her own memories, and that made me trust her **more**, not less.",
      },
      {
        author: "kathy@example.com",
        parent: 0,
        body: "The \"I'm not sure I remember this right\" asides are doing a lot of work: they make the whole book feel like a confession.",
      },
    ],
  },
];

// How far some questions reach (by position; a point's rank, lib/books/points.ts). Only where the
// question says it: "Kathy's narrative voice" needs Part One, "the ending" needs the ending. The
// others ask about the whole book but are left unsaid, so they open for everyone.
const demoReaches: Record<number, number> = { 5: 9, 6: END_RANK };

// Where the demo members are: Kathy mid-book (Part Two, chapter 12) and sharing it, so the
// ending's room opens veiled for her; Ruth and Emily finished; Tommy hasn't said.
const demoProgress = [
  { email: "kathy@example.com", reached: 12, shared: true },
  { email: "ruth@example.com", reached: END_RANK, shared: true },
  { email: "emily@example.com", reached: END_RANK, shared: false },
];

/** Creates the demo club, its ten rooms and accounts; does nothing unless the database is empty. */
/** The advisory lock key (any bigint the app uses for nothing else) that serialises seeding between nodes. */
const STARTUP_LOCK_SEED = 4_342_001;

export async function seedDemo(): Promise<{ seeded: boolean }> {
  const db = getDb();
  const [existing] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if ((existing?.count ?? 0) > 0) return { seeded: false };

  const { questions } = parseGuide(readFileSync(guidePath, "utf8"));
  if (questions.length === 0) throw new Error(`The demo guide at ${guidePath} yielded no questions.`);
  const passwordHash = await hashPassword(demoPassword);

  let seeded = true;
  await db.transaction(async (tx) => {
    // App nodes starting together on an empty database: the later ones wait here for the first
    // one's seed to commit, then find it and seed nothing (the users' unique emails would fail them).
    await tx.execute(sql`select pg_advisory_xact_lock(${STARTUP_LOCK_SEED})`);
    const [again] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    if ((again?.count ?? 0) > 0) {
      seeded = false;
      return;
    }
    const createdUsers = await tx
      .insert(users)
      .values(demoAccounts.map((account) => ({ email: account.email, name: account.name, passwordHash })))
      .returning({ id: users.id, email: users.email });
    const userId = (email: string) => {
      const user = createdUsers.find((candidate) => candidate.email === email);
      if (!user) throw new Error(`Demo user ${email} missing`);
      return user.id;
    };

    const [club] = await tx
      .insert(clubs)
      .values({
        name: "The Hailsham Circle",
        description: "A small online club reading Kazuo Ishiguro slowly, one question at a time.",
      })
      .returning({ id: clubs.id });
    if (!club) throw new Error("Demo club not created");

    await tx
      .insert(clubMembers)
      .values(demoAccounts.map((account) => ({ clubId: club.id, userId: userId(account.email), role: account.role })));

    const [book] = await tx
      .insert(books)
      .values({
        clubId: club.id,
        title: "Never Let Me Go",
        author: "Kazuo Ishiguro",
        year: 2005,
        description: neverLetMeGoTexts.en.description,
        summary: neverLetMeGoTexts.en.summary,
        shape: neverLetMeGoShape,
      })
      .returning({ id: books.id });
    if (!book) throw new Error("Demo book not created");
    await tx.update(clubs).set({ currentBookId: book.id }).where(sql`${clubs.id} = ${club.id}`);

    const createdRooms = await tx
      .insert(rooms)
      .values(
        questions.map((question, index) => ({
          clubId: club.id,
          bookId: book.id,
          position: index + 1,
          question: question.text,
          reach: demoReaches[index + 1] ?? null,
        })),
      )
      .returning({ id: rooms.id, position: rooms.position });
    createdRooms.sort((a, b) => a.position - b.position);

    // The next meeting: a week from today, 7 pm in London, on the first three questions.
    const meetingZone = "Europe/London";
    const meetingDate = Temporal.Now.plainDateISO(meetingZone).add({ days: 7 }).toString();
    const meetingStart = resolveLocalStart({ date: meetingDate, time: "19:00", timeZone: meetingZone });
    if (!meetingStart.ok) throw new Error(meetingStart.message);
    const [meeting] = await tx
      .insert(meetings)
      .values({
        clubId: club.id,
        bookId: book.id,
        title: "Part One: Hailsham",
        startsAt: meetingStart.startsAt,
        timeZone: meetingZone,
        durationMinutes: 90,
        location: "https://meet.example.com/hailsham-circle",
        readingAssignment: "Part One, chapters 1-9",
        readingTarget: 9,
        notes: "Bring one passage that surprised you.",
        createdById: userId("emily@example.com"),
      })
      .returning({ id: meetings.id });
    if (!meeting) throw new Error("Demo meeting not created");
    await tx
      .insert(meetingAgenda)
      .values(createdRooms.slice(0, 3).map((room, index) => ({ meetingId: meeting.id, roomId: room.id, position: index + 1 })));

    await tx.insert(readingProgress).values(
      demoProgress.map((progress) => ({ userId: userId(progress.email), bookId: book.id, reached: progress.reached, shared: progress.shared })),
    );

    for (const thread of demoThreads) {
      const room = createdRooms[thread.room];
      if (!room) continue;
      const ids: string[] = [];
      const threadIds: string[] = [];
      const start = Date.now() - thread.replies.length * 47 * 60 * 1000;
      for (const [index, reply] of thread.replies.entries()) {
        const parentId = reply.parent === undefined ? null : (ids[reply.parent] ?? null);
        const id = crypto.randomUUID();
        const threadId = reply.parent === undefined ? id : (threadIds[reply.parent] ?? id);
        const [created] = await tx
          .insert(replies)
          .values({
            id,
            threadId,
            roomId: room.id,
            parentId,
            authorId: userId(reply.author),
            seq: index + 1,
            body: reply.body,
            bodyHtml: renderMarkdown(reply.body),
            idempotencyKey: crypto.randomUUID(),
            createdAt: new Date(start + index * 47 * 60 * 1000),
          })
          .returning({ id: replies.id, createdAt: replies.createdAt });
        if (!created) throw new Error("Demo reply not created");
        ids.push(created.id);
        threadIds.push(threadId);
        await tx
          .update(rooms)
          .set({ replySeq: index + 1, replyCount: index + 1, lastReplyAt: created.createdAt })
          .where(sql`${rooms.id} = ${room.id}`);
      }
    }
  });
  return { seeded };
}
