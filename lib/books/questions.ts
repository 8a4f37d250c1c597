import "server-only";
import { z } from "zod";
import { getClubSummary } from "@/db/queries/books";
import { appendQuestions, moveQuestion as swapQuestion, removeQuestion as dropQuestion, updateQuestionText } from "@/db/queries/questions";
import { ensure, resolveBook, resolveClub, resolveQuestion, type ClubAccess } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done, type Done } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { uuidParam } from "@/lib/validation/ids";
import { addQuestionInput, editQuestionInput, importQuestionsBody, moveQuestionInput, removeQuestionInput } from "@/lib/validation/questions";
import { bookParams } from "./books";
import { isPointOf } from "./points";
import { errorText } from "@/lib/i18n/error-text";

// A moderator's doors for a book's discussion questions (each one a room): import a guide, add,
// edit, reorder, remove. A stranger learns nothing (resolve answers not-found first); a member
// is told plainly that this is a moderator's job.

const questionParams = z.object({ clubId: uuidParam, roomId: uuidParam });

const questionRefusal = errorText("guide.refuse");

async function resolveQuestionManager(input: { clubId: string; userId: string }): Promise<ClubAccess> {
  const access = await resolveClub(input);
  ensure(can(access.role, "room:manage"), questionRefusal);
  return access;
}

async function resolveManagedBook({ params, userId }: { params: { clubId: string; bookId: string }; userId: string }) {
  return resolveBook({ club: await resolveQuestionManager({ clubId: params.clubId, userId }), bookId: params.bookId });
}

/**
 * Creates one room per reviewed question, after the book's existing rooms, all in one
 * transaction: either every question becomes a room or none does.
 */
export const importQuestions = door({
  params: bookParams,
  what: "book",
  resolve: resolveManagedBook,
  body: importQuestionsBody,
  act: async ({ params, body, target }) => {
    const shape = target.book.shape ?? null;
    const outside = body.questions.findIndex((question) => question.reach !== null && !isPointOf(question.reach, shape));
    if (outside >= 0) {
      const message = shape
        ? errorText("guide.reachOutside", { number: outside + 1, chapters: shape.chapters })
        : errorText("guide.reachNoChapters", { number: outside + 1 });
      throw new AppError("bad_request", message, { [`questions.${outside}.reach`]: message });
    }
    const created = await appendQuestions({ clubId: params.clubId, bookId: target.book.id, questions: body.questions });
    const club = await getClubSummary({ clubId: params.clubId });
    return done({ created: created.length, bookId: target.book.id, isCurrent: club?.currentBookId === target.book.id });
  },
});

/** Adds one question after the book's last. */
export const addQuestion = door({
  params: bookParams,
  what: "book",
  resolve: resolveManagedBook,
  body: addQuestionInput,
  act: async ({ params, body, target }) => {
    const [created] = await appendQuestions({ clubId: params.clubId, bookId: target.book.id, questions: [{ text: body.question, section: null }] });
    if (!created) throw new Error("The question was not created");
    return done(created);
  },
});

async function resolveManagedQuestion({ params, userId }: { params: { clubId: string; roomId: string }; userId: string }) {
  return resolveQuestion({ club: await resolveQuestionManager({ clubId: params.clubId, userId }), roomId: params.roomId });
}

/** Rewords a question; its room and replies stay as they are. */
export const editQuestion = door({
  params: questionParams,
  what: "question",
  resolve: resolveManagedQuestion,
  body: editQuestionInput,
  act: async ({ params, body, target }) => {
    if (!(await updateQuestionText({ clubId: params.clubId, roomId: target.question.id, question: body.question }))) throw notFound("question");
    return done({ roomId: target.question.id, question: body.question });
  },
});

/** Swaps a question with its neighbour above or below. */
export const moveQuestion = door({
  params: questionParams,
  what: "question",
  resolve: resolveManagedQuestion,
  body: moveQuestionInput,
  act: async ({ params, body, target }) => {
    const result = await swapQuestion({ clubId: params.clubId, roomId: target.question.id, direction: body.direction });
    if (result === "not_found") throw notFound("question");
    if (result === "at_edge") {
      throw new AppError("bad_request", errorText(body.direction === "up" ? "guide.alreadyFirst" : "guide.alreadyLast"));
    }
    return done({ roomId: target.question.id });
  },
});

/**
 * Deletes a question without replies. One with replies is never destroyed: it is archived, and
 * only when the request says so explicitly, so a stray delete cannot hide a conversation. An
 * archived room takes no new replies, so anyone reading it live sees it close (`room:updated`).
 */
export const removeQuestion = door({
  params: questionParams,
  what: "question",
  resolve: resolveManagedQuestion,
  body: removeQuestionInput,
  act: async ({ params, body, target }): Promise<Done<{ status: "archived" | "deleted"; roomId: string }>> => {
    const roomId = target.question.id;
    const result = await dropQuestion({ clubId: params.clubId, roomId, archiveIfReplies: body.confirmArchive });
    switch (result.status) {
      case "not_found":
        throw notFound("question");
      case "has_replies":
        throw new AppError("conflict", errorText("guide.hasReplies", { count: result.replyCount }));
      case "archived":
        return done({ status: "archived", roomId }, { type: "room:updated", room: { roomId, locked: true } });
      case "deleted":
        return done({ status: "deleted", roomId });
    }
  },
});
