import { readFileSync } from "node:fs";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { listBookRooms } from "@/db/queries/rooms";
import { rooms } from "@/db/schema/discussion";
import { createBook } from "@/lib/books/books";
import { postReply } from "@/lib/discussion/replies";
import { AppError } from "@/lib/errors";
import { parseGuide } from "@/lib/guides/parse";
import { addQuestion, editQuestion, importQuestions, moveQuestion, removeQuestion } from "@/lib/books/questions";
import type { RoomStateView } from "@/lib/realtime/events";
import { countRoomReplies, createTestClub, createTestUser, replyInput } from "./factories";
import { joinRoom, useRealtimeServer } from "./realtime-harness";

const { connectAs } = useRealtimeServer();

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Every room row of a book, archived ones included, as stored. */
async function storedRooms(bookId: string) {
  return getDb()
    .select({ id: rooms.id, position: rooms.position, question: rooms.question, section: rooms.section, archivedAt: rooms.archivedAt })
    .from(rooms)
    .where(eq(rooms.bookId, bookId))
    .orderBy(asc(rooms.position), asc(rooms.id));
}

async function listedQuestions(bookId: string) {
  return (await listBookRooms({ bookId })).map((room) => `${room.position}. ${room.question}`);
}

/** A second book in the club with no rooms yet (the factory always gives its book some). */
async function emptyBook(clubId: string, userId: string): Promise<string> {
  const book = await createBook({ clubId, userId, body: { title: "Jane Eyre", author: "Charlotte Brontë" } });
  return book.id;
}

async function setting(questions = ["What did you make of the opening?", "Who changed the most?"]) {
  const moderator = await createTestUser("Moderator");
  const member = await createTestUser("Member");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: moderator.id, role: "owner" },
      { userId: member.id, role: "member" },
    ],
    questions,
  });
  return { moderator, member, stranger, club };
}

describe("importing a guide", () => {
  it("creates one room per question, in order, numbered on after the book's existing rooms", async () => {
    const { moderator, club } = await setting();
    const guide = readFileSync("tests/unit/fixtures/guides/jane-eyre-sections.txt", "utf8");
    const { questions } = parseGuide(guide);
    expect(questions.length).toBeGreaterThan(2);

    const result = await importQuestions({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id, body: { questions } });

    expect(result).toMatchObject({ created: questions.length, isCurrent: true });
    const stored = await storedRooms(club.bookId);
    expect(stored.map((room) => room.position)).toEqual(Array.from({ length: questions.length + 2 }, (_, index) => index + 1));
    expect(stored.slice(2).map((room) => ({ text: room.question, section: room.section ?? undefined }))).toEqual(
      questions.map((question) => ({ text: question.text, section: question.section })),
    );
  });

  it("stores the reviewed text trimmed", async () => {
    const { moderator, club } = await setting();
    const bookId = await emptyBook(club.clubId, moderator.id);
    const result = await importQuestions({
      clubId: club.clubId,
      bookId,
      userId: moderator.id,
      body: { questions: [{ text: "  Why Thornfield?  " }, { text: "Who is Bertha?", section: " Part Two " }] },
    });
    expect(result).toMatchObject({ created: 2, isCurrent: false });
    expect(await listedQuestions(bookId)).toEqual(["1. Why Thornfield?", "2. Who is Bertha?"]);
    expect((await storedRooms(bookId))[1]?.section).toBe("Part Two");
  });

  it("refuses an empty list, an empty question, a question over 1000 characters or over 100 questions, writing nothing", async () => {
    const { moderator, club } = await setting();
    const before = await storedRooms(club.bookId);
    const attempts: { values: unknown; message: RegExp }[] = [
      { values: { questions: [] }, message: /no questions/ },
      { values: {}, message: /no questions/ },
      { values: { questions: [{ text: "Fine?" }, { text: "   " }] }, message: /^Question 2: Write the question/ },
      { values: { questions: [{ text: "x".repeat(1001) }] }, message: /^Question 1: .*1,000 characters/ },
      { values: { questions: Array.from({ length: 101 }, (_, index) => ({ text: `Question ${index}?` })) }, message: /at most 100/ },
    ];
    for (const { values, message } of attempts) {
      const error = await failure(importQuestions({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id, body: values }));
      expect(error.code).toBe("bad_request");
      expect(error.message).toMatch(message);
    }
    expect(await storedRooms(club.bookId)).toEqual(before);
  });

  it("accepts exactly 100 questions", async () => {
    const { moderator, club } = await setting();
    const bookId = await emptyBook(club.clubId, moderator.id);
    const questions = Array.from({ length: 100 }, (_, index) => ({ text: `Question ${index + 1}?` }));
    await importQuestions({ clubId: club.clubId, bookId, userId: moderator.id, body: { questions } });
    expect(await storedRooms(bookId)).toHaveLength(100);
  });
});

describe("managing questions", () => {
  it("adds a question at the end and edits a question's text", async () => {
    const { moderator, club } = await setting();
    const added = await addQuestion({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id, body: { question: " Who was Mrs Reed? " } });
    expect(added.position).toBe(3);
    await editQuestion({ clubId: club.clubId, roomId: club.roomIds[0]!, userId: moderator.id, body: { question: "What did the first page promise?" } });
    expect(await listedQuestions(club.bookId)).toEqual(["1. What did the first page promise?", "2. Who changed the most?", "3. Who was Mrs Reed?"]);
  });

  it("moves a question up and down by swapping it with its neighbour", async () => {
    const { moderator, club } = await setting(["One?", "Two?", "Three?"]);
    const [one, two, three] = club.roomIds;
    await moveQuestion({ clubId: club.clubId, roomId: three!, userId: moderator.id, body: { direction: "up" } });
    expect(await listedQuestions(club.bookId)).toEqual(["1. One?", "2. Three?", "3. Two?"]);
    await moveQuestion({ clubId: club.clubId, roomId: one!, userId: moderator.id, body: { direction: "down" } });
    expect(await listedQuestions(club.bookId)).toEqual(["1. Three?", "2. One?", "3. Two?"]);

    const error = await failure(moveQuestion({ clubId: club.clubId, roomId: two!, userId: moderator.id, body: { direction: "down" } }));
    expect(error.code).toBe("bad_request");
    expect(await listedQuestions(club.bookId)).toEqual(["1. Three?", "2. One?", "3. Two?"]);
  });

  it("deletes a question without replies, and the ones after it move up a place", async () => {
    const { moderator, club } = await setting(["One?", "Two?", "Three?"]);
    const result = await removeQuestion({ clubId: club.clubId, roomId: club.roomIds[1]!, userId: moderator.id, body: {} });
    expect(result.status).toBe("deleted");
    expect((await storedRooms(club.bookId)).map((room) => room.id)).toEqual([club.roomIds[0], club.roomIds[2]]);
    expect(await listedQuestions(club.bookId)).toEqual(["1. One?", "2. Three?"]);
  });

  it("refuses to delete a question with replies unless archiving is confirmed, and changes nothing", async () => {
    const { moderator, member, club } = await setting();
    const roomId = club.roomIds[0]!;
    for (const body of ["First", "Second", "Third", "Fourth"]) await postReply({ roomId, userId: member.id, body: replyInput(body) });
    const before = await storedRooms(club.bookId);

    for (const values of [{}, { confirmArchive: false }]) {
      const error = await failure(removeQuestion({ clubId: club.clubId, roomId, userId: moderator.id, body: values }));
      expect(error.code).toBe("conflict");
      expect(error.message).toBe("This question has 4 replies. Archive it? Replies are kept.");
    }
    expect(await storedRooms(club.bookId)).toEqual(before);
    expect(await countRoomReplies(roomId)).toBe(4);
  });

  it("archives a question with replies when confirmed: the row and replies stay, the list no longer shows it", async () => {
    const { moderator, member, club } = await setting(["One?", "Two?", "Three?"]);
    const roomId = club.roomIds[0]!;
    await postReply({ roomId, userId: member.id, body: replyInput("Worth keeping") });
    await postReply({ roomId, userId: member.id, body: replyInput("Also worth keeping") });

    const result = await removeQuestion({ clubId: club.clubId, roomId, userId: moderator.id, body: { confirmArchive: true } });

    expect(result.status).toBe("archived");
    const archived = (await storedRooms(club.bookId)).find((room) => room.id === roomId);
    expect(archived?.archivedAt).toBeInstanceOf(Date);
    expect(await countRoomReplies(roomId)).toBe(2);
    expect(await listedQuestions(club.bookId)).toEqual(["1. Two?", "2. Three?"]);
    // Gone from management too: it cannot be edited, moved or removed again.
    expect((await failure(editQuestion({ clubId: club.clubId, roomId, userId: moderator.id, body: { question: "Back?" } }))).code).toBe("not_found");
  });

  it("closes an archived question's room at once for a member reading it, and a refused removal sends nothing", async () => {
    const { moderator, member, club } = await setting(["One?", "Two?"]);
    const roomId = club.roomIds[0]!;
    await postReply({ roomId, userId: member.id, body: replyInput("Worth keeping") });
    const socket = await connectAs(member);
    expect((await joinRoom(socket, roomId)).ok).toBe(true);
    const received: RoomStateView[] = [];
    socket.on("room:updated", (room) => received.push(room));

    await failure(removeQuestion({ clubId: club.clubId, roomId, userId: moderator.id, body: {} }));
    const closed = new Promise<RoomStateView>((resolve) => socket.once("room:updated", resolve));
    await removeQuestion({ clubId: club.clubId, roomId, userId: moderator.id, body: { confirmArchive: true } });

    expect(await closed).toEqual({ roomId, locked: true });
    expect(received).toEqual([{ roomId, locked: true }]);
  });

  it("keeps numbering on after the live questions when importing after an archive", async () => {
    const { moderator, member, club } = await setting(["One?", "Two?"]);
    await postReply({ roomId: club.roomIds[1]!, userId: member.id, body: replyInput("Kept") });
    await removeQuestion({ clubId: club.clubId, roomId: club.roomIds[1]!, userId: moderator.id, body: { confirmArchive: true } });
    await importQuestions({ clubId: club.clubId, bookId: club.bookId, userId: moderator.id, body: { questions: [{ text: "Three?" }] } });
    expect(await listedQuestions(club.bookId)).toEqual(["1. One?", "2. Three?"]);
  });
});

describe("who may manage questions", () => {
  it("a member is forbidden every change, and nothing is written", async () => {
    const { member, club } = await setting();
    const roomId = club.roomIds[0]!;
    const before = await storedRooms(club.bookId);
    for (const attempt of [
      () => importQuestions({ clubId: club.clubId, bookId: club.bookId, userId: member.id, body: { questions: [{ text: "Mine?" }] } }),
      () => addQuestion({ clubId: club.clubId, bookId: club.bookId, userId: member.id, body: { question: "Mine?" } }),
      () => editQuestion({ clubId: club.clubId, roomId, userId: member.id, body: { question: "Mine?" } }),
      () => moveQuestion({ clubId: club.clubId, roomId, userId: member.id, body: { direction: "down" } }),
      () => removeQuestion({ clubId: club.clubId, roomId, userId: member.id, body: { confirmArchive: true } }),
    ]) {
      expect((await failure(attempt())).code).toBe("forbidden");
    }
    expect(await storedRooms(club.bookId)).toEqual(before);
  });

  it("a stranger gets not-found for every change, and nothing is written", async () => {
    const { stranger, club } = await setting();
    const roomId = club.roomIds[0]!;
    const before = await storedRooms(club.bookId);
    for (const attempt of [
      () => importQuestions({ clubId: club.clubId, bookId: club.bookId, userId: stranger.id, body: { questions: [{ text: "Mine?" }] } }),
      () => addQuestion({ clubId: club.clubId, bookId: club.bookId, userId: stranger.id, body: { question: "Mine?" } }),
      () => editQuestion({ clubId: club.clubId, roomId, userId: stranger.id, body: { question: "Mine?" } }),
      () => moveQuestion({ clubId: club.clubId, roomId, userId: stranger.id, body: { direction: "down" } }),
      () => removeQuestion({ clubId: club.clubId, roomId, userId: stranger.id, body: { confirmArchive: true } }),
    ]) {
      expect((await failure(attempt())).code).toBe("not_found");
    }
    expect(await storedRooms(club.bookId)).toEqual(before);
  });

  it("a moderator gets not-found for a book or question of another club, and neither club changes", async () => {
    const { moderator, club } = await setting();
    const other = await createTestClub({ members: [{ userId: moderator.id, role: "moderator" }] });
    const otherRoom = other.roomIds[0]!;
    const before = [await storedRooms(club.bookId), await storedRooms(other.bookId)];
    for (const attempt of [
      () => importQuestions({ clubId: club.clubId, bookId: other.bookId, userId: moderator.id, body: { questions: [{ text: "Crossed?" }] } }),
      () => addQuestion({ clubId: club.clubId, bookId: other.bookId, userId: moderator.id, body: { question: "Crossed?" } }),
      () => editQuestion({ clubId: club.clubId, roomId: otherRoom, userId: moderator.id, body: { question: "Crossed?" } }),
      () => moveQuestion({ clubId: club.clubId, roomId: otherRoom, userId: moderator.id, body: { direction: "down" } }),
      () => removeQuestion({ clubId: club.clubId, roomId: otherRoom, userId: moderator.id, body: { confirmArchive: true } }),
    ]) {
      expect((await failure(attempt())).code).toBe("not_found");
    }
    expect([await storedRooms(club.bookId), await storedRooms(other.bookId)]).toEqual(before);
  });
});
