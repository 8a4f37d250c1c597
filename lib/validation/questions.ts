import { z } from "zod";
import { AppError } from "@/lib/errors";
import { END_RANK } from "@/lib/books/points";
import { text } from "@/lib/validation/text";

export const questionLimits = { text: 1000, section: 200, perImport: 100 } as const;

const questionText = text({ label: "The question", multiline: true, error: "Write the question." })
  .min(1, "Write the question.")
  .max(questionLimits.text, `Keep each question under ${questionLimits.text.toLocaleString("en")} characters.`);

const section = text({ label: "The section name" })
  .max(questionLimits.section, `Keep section names under ${questionLimits.section} characters.`)
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
          .number({ error: "Choose how far the question reaches." })
          .int("Choose how far the question reaches.")
          .min(0, "Choose how far the question reaches.")
          .max(END_RANK, "Choose how far the question reaches.")
          .nullish()
          .transform((value) => value ?? null),
      }),
      { error: "There are no questions to create." },
    )
    .min(1, "There are no questions to create. Add at least one.")
    .max(questionLimits.perImport, `A guide can create at most ${questionLimits.perImport} rooms at a time. Remove some and try again.`),
});
export type ImportQuestionsInput = z.infer<typeof importQuestionsInput>;

export const moveQuestionInput = z.object({
  direction: z.enum(["up", "down"], { error: "Choose to move the question up or down." }),
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

function importError(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.join(".") || "questions"] ??= issue.message;
  const first = issues[0];
  const index = first?.path[0] === "questions" && typeof first.path[1] === "number" ? first.path[1] : null;
  const message = first ? (index === null ? first.message : `Question ${index + 1}: ${first.message}`) : "There are no questions to create.";
  return new AppError("bad_request", message, fields);
}

/** What the guide import sends, before parsing (`z.input`): the reviewed questions in order. */
export type ImportQuestionsValues = z.input<typeof importQuestionsInput>;
export type AddQuestionValues = z.input<typeof addQuestionInput>;
export type EditQuestionValues = z.input<typeof editQuestionInput>;
export type MoveQuestionValues = z.input<typeof moveQuestionInput>;
export type RemoveQuestionValues = z.input<typeof removeQuestionInput>;
