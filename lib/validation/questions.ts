import { z } from "zod";
import { AppError } from "@/lib/errors";
import { END_RANK } from "@/lib/books/points";
import { text } from "@/lib/validation/text";
import { errorKey, errorText, type ErrorText } from "@/lib/i18n/error-text";
import { issueText } from "@/lib/i18n/error-keys";

export const questionLimits = { text: 1000, section: 200, perImport: 100 } as const;

const questionText = text({ label: "question", multiline: true, error: "guide.questionMissing" })
  .min(1, errorKey("guide.questionMissing"))
  .max(questionLimits.text, errorKey("guide.questionTooLong"));

const section = text({ label: "section" })
  .max(questionLimits.section, errorKey("guide.sectionTooLong"))
  .nullish()
  .transform((value) => (value ? value : null));

export const addQuestionInput = z.object({ question: questionText });

export const editQuestionInput = z.object({ question: questionText });

const importQuestionsInput = z.object({
  questions: z
    .array(
      z.object({
        text: questionText,
        section,
        // How far the question reaches (a point's rank, lib/books/points.ts); the import door checks it against the book.
        reach: z
          .number({ error: errorKey("guide.reach") })
          .int(errorKey("guide.reach"))
          .min(0, errorKey("guide.reach"))
          .max(END_RANK, errorKey("guide.reach"))
          .nullish()
          .transform((value) => value ?? null),
      }),
      { error: errorKey("guide.noQuestions") },
    )
    .min(1, errorKey("guide.noQuestionsAdd"))
    .max(questionLimits.perImport, errorKey("guide.tooMany")),
});
export type ImportQuestionsInput = z.infer<typeof importQuestionsInput>;

export const moveQuestionInput = z.object({
  direction: z.enum(["up", "down"], { error: errorKey("guide.moveChoice") }),
});

export const removeQuestionInput = z.object({
  // A question with replies is only archived when the moderator has said yes to that.
  confirmArchive: z.boolean().optional().default(false),
});

/**
 * The import door's payload: `importQuestionsInput`, but a failure names the question it is in
 * ("Question 4: Write the question."), since the review list numbers them; `fields` keys each
 * problem by its path (`questions.3.text`) for the form to show beside that question. The
 * AppError is thrown from the transform (zod lets it through) so the door's generic parse
 * error, which would drop the number, never replaces it.
 */
export const importQuestionsBody = z.unknown().transform((value): ImportQuestionsInput => {
  const result = importQuestionsInput.safeParse(value);
  if (!result.success) throw importError(result.error.issues);
  return result.data;
});

function importError(issues: readonly { path: readonly PropertyKey[]; message: string; minimum?: unknown; maximum?: unknown }[]): AppError {
  const fields: Record<string, ErrorText> = {};
  for (const issue of issues) fields[issue.path.join(".") || "questions"] ??= issueText(issue);
  const first = issues[0];
  const index = first?.path[0] === "questions" && typeof first.path[1] === "number" ? first.path[1] : null;
  const problem = first ? issueText(first) : errorText("guide.noQuestions");
  const message = index === null ? problem : errorText("guide.inQuestion", { number: index + 1, problem });
  return new AppError("bad_request", message, fields);
}

/** What the guide import sends, before parsing (`z.input`): the reviewed questions in order. */
export type ImportQuestionsValues = z.input<typeof importQuestionsInput>;
export type AddQuestionValues = z.input<typeof addQuestionInput>;
export type EditQuestionValues = z.input<typeof editQuestionInput>;
export type MoveQuestionValues = z.input<typeof moveQuestionInput>;
export type RemoveQuestionValues = z.input<typeof removeQuestionInput>;
