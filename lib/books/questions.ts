import { getClubSummary } from "@/db/queries/books";
import { appendQuestions, getClubQuestion, moveQuestion as swapQuestion, removeQuestion as dropQuestion, updateQuestionText } from "@/db/queries/questions";
import { requireClubBook } from "@/lib/books/books";
import { requireClubPermission } from "@/lib/access";
import { AppError, notFound } from "@/lib/errors";
import { publishRoomUpdated } from "@/lib/realtime/publish";
import { parseInput } from "@/lib/validation/parse";
import { addQuestionInput, editQuestionInput, importQuestionsInput, moveQuestionInput, removeQuestionInput } from "@/lib/validation/questions";
import { uuidParam } from "@/lib/validation/ids";

const questionRefusal = "Only the club's moderators can add or change discussion questions.";

function requireManager(input: { clubId: unknown; userId: string }) {
  return requireClubPermission({ ...input, action: "room:manage", refusal: questionRefusal });
}

async function requireQuestion(input: { clubId: string; roomId: unknown }) {
  const parsed = uuidParam.safeParse(input.roomId);
  if (!parsed.success) throw notFound("This question");
  const room = await getClubQuestion({ clubId: input.clubId, roomId: parsed.data });
  if (!room) throw notFound("This question");
  return room;
}

/**
 * Creates one room per reviewed question, after the book's existing rooms, all in one
 * transaction: either every question becomes a room or none does.
 */
export async function importQuestions(input: { clubId: unknown; bookId: unknown; userId: string; values: unknown }) {
  const { clubId } = await requireManager(input);
  const book = await requireClubBook({ clubId, bookId: input.bookId });
  const result = importQuestionsInput.safeParse(input.values);
  if (!result.success) throw importError(result.error.issues);
  const created = await appendQuestions({ clubId, bookId: book.id, questions: result.data.questions });
  const club = await getClubSummary({ clubId });
  return { created: created.length, bookId: book.id, isCurrent: club?.currentBookId === book.id };
}

// Names the question a problem is in ("Question 4 is empty"), since the review list numbers them.
function importError(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.join(".") || "questions"] ??= issue.message;
  const first = issues[0];
  const index = first?.path[0] === "questions" && typeof first.path[1] === "number" ? first.path[1] : null;
  const message = first ? (index === null ? first.message : `Question ${index + 1}: ${first.message}`) : "There are no questions to create.";
  return new AppError("bad_request", message, fields);
}

export async function addQuestion(input: { clubId: unknown; bookId: unknown; userId: string; values: unknown }) {
  const { clubId } = await requireManager(input);
  const book = await requireClubBook({ clubId, bookId: input.bookId });
  const { question } = parseInput(addQuestionInput, input.values);
  const [created] = await appendQuestions({ clubId, bookId: book.id, questions: [{ text: question, section: null }] });
  if (!created) throw new Error("The question was not created");
  return created;
}

export async function editQuestion(input: { clubId: unknown; roomId: unknown; userId: string; values: unknown }) {
  const { clubId } = await requireManager(input);
  const room = await requireQuestion({ clubId, roomId: input.roomId });
  const { question } = parseInput(editQuestionInput, input.values);
  if (!(await updateQuestionText({ clubId, roomId: room.id, question }))) throw notFound("This question");
  return { roomId: room.id, question };
}

export async function moveQuestion(input: { clubId: unknown; roomId: unknown; userId: string; values: unknown }) {
  const { clubId } = await requireManager(input);
  const room = await requireQuestion({ clubId, roomId: input.roomId });
  const { direction } = parseInput(moveQuestionInput, input.values);
  const result = await swapQuestion({ clubId, roomId: room.id, direction });
  if (result === "not_found") throw notFound("This question");
  if (result === "at_edge") {
    throw new AppError("bad_request", direction === "up" ? "This is already the first question." : "This is already the last question.");
  }
  return { roomId: room.id };
}

/**
 * Deletes a question without replies. One with replies is never destroyed: it is archived, and
 * only when the request says so explicitly, so a stray delete cannot hide a conversation.
 */
export async function removeQuestion(input: { clubId: unknown; roomId: unknown; userId: string; values: unknown }) {
  const { clubId } = await requireManager(input);
  const room = await requireQuestion({ clubId, roomId: input.roomId });
  const { confirmArchive } = parseInput(removeQuestionInput, input.values);
  const result = await dropQuestion({ clubId, roomId: room.id, archiveIfReplies: confirmArchive });
  switch (result.status) {
    case "not_found":
      throw notFound("This question");
    case "has_replies":
      throw new AppError("conflict", `This question has ${replyCountText(result.replyCount)}. Archive it? Replies are kept.`);
    case "archived":
      // An archived room takes no new replies; anyone reading it live sees it close.
      publishRoomUpdated({ roomId: room.id, locked: true });
      return { status: "archived" as const, roomId: room.id };
    case "deleted":
      return { status: "deleted" as const, roomId: room.id };
  }
}

function replyCountText(count: number): string {
  return `${count} ${count === 1 ? "reply" : "replies"}`;
}
