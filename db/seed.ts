import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { books, clubMembers, clubs, type ClubRole } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";
import { meetingAgenda, meetings } from "@/db/schema/meetings";
import { readingProgress } from "@/db/schema/reading";
import { pollOptions, polls, pollVotes } from "@/db/schema/polls";
import { neverLetMeGoShape, neverLetMeGoShapeEs, neverLetMeGoTexts } from "@/db/seed-data/never-let-me-go-texts";
import { users } from "@/db/schema/users";
import { parseGuide, type GuideQuestion } from "@/lib/guides/parse";
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

type DemoThread = { room: number; replies: { author: string; body: string; parent?: number }[] };

/** One demo club: its book, guide, conversation, reading progress and next meeting. */
type DemoClub = {
  name: string;
  description: string;
  // The club's language: its search reads replies in it.
  language: "en" | "es";
  book: { title: string; description: string; summary: string; shape: typeof neverLetMeGoShape };
  guidePath: string;
  /** How far some questions reach (by position; a point's rank, lib/books/points.ts). */
  reaches: Record<number, number>;
  /** A short thread in a few rooms, written for the demo. `parent` points at an earlier reply's index. */
  threads: DemoThread[];
  progress: { email: string; reached: number; shared: boolean }[];
  meeting: {
    daysAhead: number;
    time: string;
    timeZone: string;
    title: string;
    location: string;
    readingAssignment: string;
    readingTarget: number;
    notes: string;
  };
};

// Where the demo members are: Kathy mid-book (Part Two, chapter 12) and sharing it, so the
// ending's room opens veiled for her; Ruth and Emily finished; Tommy hasn't said.
const demoProgress = [
  { email: "kathy@example.com", reached: 12, shared: true },
  { email: "ruth@example.com", reached: END_RANK, shared: true },
  { email: "emily@example.com", reached: END_RANK, shared: false },
];

/**
 * The demo's clubs, in the order they are created: the English one first (the home page lists
 * clubs by name, and "The Hailsham Circle" comes before "Veladas de Hailsham", so it stays
 * first there too), then a Spanish one reading the same novel, for a Spanish reader's demo.
 */
const demoClubs: DemoClub[] = [
  {
    name: "The Hailsham Circle",
    language: "en",
    description: "A small online club reading Kazuo Ishiguro slowly, one question at a time.",
    book: { title: "Never Let Me Go", description: neverLetMeGoTexts.en.description, summary: neverLetMeGoTexts.en.summary, shape: neverLetMeGoShape },
    guidePath: path.resolve("db/seed-data/never-let-me-go-guide.txt"),
    // Only where the question says it: "Kathy's narrative voice" needs Part One, "the ending"
    // needs the ending. The others ask about the whole book but are left unsaid, so they open for everyone.
    reaches: { 5: 9, 6: END_RANK },
    threads: [
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
    ],
    progress: demoProgress,
    // A week from today, 7 pm in London, on the first three questions.
    meeting: {
      daysAhead: 7,
      time: "19:00",
      timeZone: "Europe/London",
      title: "Part One: Hailsham",
      location: "https://meet.example.com/hailsham-circle",
      readingAssignment: "Part One, chapters 1-9",
      readingTarget: 9,
      notes: "Bring one passage that surprised you.",
    },
  },
  {
    name: "Veladas de Hailsham",
    language: "es",
    description: "Un club pequeño y en línea que lee a Kazuo Ishiguro sin prisa, pregunta a pregunta.",
    book: {
      // The Spanish edition's title, with the original beside it so both readers recognise it.
      title: "Nunca me abandones (Never Let Me Go)",
      description: neverLetMeGoTexts.es.description,
      summary: neverLetMeGoTexts.es.summary,
      shape: neverLetMeGoShapeEs,
    },
    guidePath: path.resolve("db/seed-data/nunca-me-abandones-guia.txt"),
    // The guide asks part by part: each question reaches the end of its part, the last three the ending.
    reaches: { 3: 9, 4: 9, 5: 17, 6: 17, 7: 17, 8: END_RANK, 9: END_RANK, 10: END_RANK },
    threads: [
      {
        room: 0,
        replies: [
          {
            author: "kathy@example.com",
            body: "Me marcó que lo diga desde la primera línea, sin drama: *soy cuidadora*. Todo lo que viene después se lee distinto sabiéndolo.",
          },
          {
            author: "ruth@example.com",
            parent: 0,
            body: "A mí me pasó al revés: al principio no le di importancia, y luego tuve que volver a esa primera página.",
          },
          {
            author: "tommy@example.com",
            parent: 1,
            body: "Creo que ahí está la gracia: el libro te enseña a no mirar de frente, igual que a ellos.",
          },
          {
            author: "emily@example.com",
            body: "Buen hilo. Para la reunión, piensa en el momento en que *sentiste*, y no solo supiste, hacia dónde iba la historia.",
          },
        ],
      },
      {
        room: 3,
        replies: [
          {
            author: "ruth@example.com",
            body: "La cinta es lo que más me conmueve: Kathy baila con ella abrazando una almohada y **nadie** le explica nada.",
          },
          {
            author: "kathy@example.com",
            parent: 0,
            body: "Y que Ruth la ayude a buscar otra copia dice mucho de ella: no todo en Ruth son pequeñas mentiras.",
          },
        ],
      },
    ],
    progress: demoProgress,
    // A week and a day from today, 7 pm in Madrid, on the first three questions.
    meeting: {
      daysAhead: 8,
      time: "19:00",
      timeZone: "Europe/Madrid",
      title: "Primera parte: Hailsham",
      location: "https://meet.example.com/veladas-de-hailsham",
      readingAssignment: "Primera parte, capítulos 1-9",
      readingTarget: 9,
      notes: "Trae un pasaje que te haya sorprendido.",
    },
  },
];

/** The advisory lock key (any bigint the app uses for nothing else) that serialises seeding between nodes. */
const STARTUP_LOCK_SEED = 4_342_001;

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** One demo club with its book, rooms, meeting, progress and conversation, on the seed's transaction. */
async function seedClub(tx: Tx, spec: DemoClub, questions: GuideQuestion[], userId: (email: string) => string): Promise<void> {
  const [club] = await tx.insert(clubs).values({ name: spec.name, description: spec.description, language: spec.language }).returning({ id: clubs.id });
  if (!club) throw new Error("Demo club not created");

  await tx
    .insert(clubMembers)
    .values(demoAccounts.map((account) => ({ clubId: club.id, userId: userId(account.email), role: account.role })));

  const [book] = await tx
    .insert(books)
    .values({
      clubId: club.id,
      title: spec.book.title,
      author: "Kazuo Ishiguro",
      year: 2005,
      description: spec.book.description,
      summary: spec.book.summary,
      shape: spec.book.shape,
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
        reach: spec.reaches[index + 1] ?? null,
      })),
    )
    .returning({ id: rooms.id, position: rooms.position });
  createdRooms.sort((a, b) => a.position - b.position);

  const { meeting: plan } = spec;
  const meetingDate = Temporal.Now.plainDateISO(plan.timeZone).add({ days: plan.daysAhead }).toString();
  const meetingStart = resolveLocalStart({ date: meetingDate, time: plan.time, timeZone: plan.timeZone });
  if (!meetingStart.ok) throw new Error(meetingStart.message);
  const [meeting] = await tx
    .insert(meetings)
    .values({
      clubId: club.id,
      bookId: book.id,
      title: plan.title,
      startsAt: meetingStart.startsAt,
      timeZone: plan.timeZone,
      durationMinutes: 90,
      location: plan.location,
      readingAssignment: plan.readingAssignment,
      readingTarget: plan.readingTarget,
      notes: plan.notes,
      createdById: userId("emily@example.com"),
    })
    .returning({ id: meetings.id });
  if (!meeting) throw new Error("Demo meeting not created");
  await tx
    .insert(meetingAgenda)
    .values(createdRooms.slice(0, 3).map((room, index) => ({ meetingId: meeting.id, roomId: room.id, position: index + 1 })));

  await tx.insert(readingProgress).values(
    spec.progress.map((progress) => ({ userId: userId(progress.email), bookId: book.id, reached: progress.reached, shared: progress.shared })),
  );

  for (const thread of spec.threads) {
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

  // The English club is choosing its next book (ranked, closing in ten days at 8 pm London
  // time), so the Polls tab opens on a vote under way: one book proposed by Ruth, three ballots.
  if (spec.language === "en") {
    const closeDate = Temporal.Now.plainDateISO("Europe/London").add({ days: 10 }).toString();
    const closes = resolveLocalStart({ date: closeDate, time: "20:00", timeZone: "Europe/London" });
    if (!closes.ok) throw new Error(closes.message);
    const [poll] = await tx
      .insert(polls)
      .values({ clubId: club.id, kind: "next_book", question: "What should we read after Never Let Me Go?", voting: "ranked", proposalsOpen: true, closesAt: closes.startsAt, timeZone: "Europe/London", createdById: userId("emily@example.com") })
      .returning({ id: polls.id });
    if (!poll) throw new Error("Demo poll not created");
    const options = await tx
      .insert(pollOptions)
      .values([
        { pollId: poll.id, position: 1, title: "Klara and the Sun", author: "Kazuo Ishiguro" },
        { pollId: poll.id, position: 2, title: "The Remains of the Day", author: "Kazuo Ishiguro" },
        { pollId: poll.id, position: 3, title: "The Buried Giant", author: "Kazuo Ishiguro", proposedById: userId("ruth@example.com") },
      ])
      .returning({ id: pollOptions.id });
    const [klara, remains, giant] = options.map((option) => option.id);
    if (!klara || !remains || !giant) throw new Error("Demo poll options not created");
    await tx.insert(pollVotes).values([
      { pollId: poll.id, userId: userId("kathy@example.com"), optionId: klara, rank: 1 },
      { pollId: poll.id, userId: userId("kathy@example.com"), optionId: remains, rank: 2 },
      { pollId: poll.id, userId: userId("ruth@example.com"), optionId: giant, rank: 1 },
      { pollId: poll.id, userId: userId("ruth@example.com"), optionId: klara, rank: 2 },
      { pollId: poll.id, userId: userId("tommy@example.com"), optionId: klara, rank: 1 },
    ]);
  }
}

/** Creates the demo clubs, their rooms and the demo accounts; does nothing unless the database is empty. */
export async function seedDemo(): Promise<{ seeded: boolean }> {
  const db = getDb();
  const [existing] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if ((existing?.count ?? 0) > 0) return { seeded: false };

  const guides = demoClubs.map((spec) => {
    const { questions } = parseGuide(readFileSync(spec.guidePath, "utf8"));
    if (questions.length === 0) throw new Error(`The demo guide at ${spec.guidePath} yielded no questions.`);
    return questions;
  });
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
    for (const [index, spec] of demoClubs.entries()) await seedClub(tx, spec, guides[index] ?? [], userId);
  });
  return { seeded };
}
