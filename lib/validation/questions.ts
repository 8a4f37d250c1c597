import { z } from "zod";

export const questionLimits = { text: 1000, section: 200, perImport: 100 } as const;

export const questionText = z
  .string({ error: "Write the question." })
  .trim()
  .min(1, "Write the question.")
  .max(questionLimits.text, `Keep each question under ${questionLimits.text.toLocaleString("en")} characters.`);

const section = z
  .string()
  .trim()
  .max(questionLimits.section, `Keep section names under ${questionLimits.section} characters.`)
  .nullish()
  .transform((value) => (value ? value : null));

export const addQuestionInput = z.object({ question: questionText });

export const editQuestionInput = z.object({ question: questionText });

export const importQuestionsInput = z.object({
  questions: z
    .array(z.object({ text: questionText, section }), { error: "There are no questions to create." })
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

/** What the guide import sends, before parsing (`z.input`): the reviewed questions in order. */
export type ImportQuestionsValues = z.input<typeof importQuestionsInput>;
export type AddQuestionValues = z.input<typeof addQuestionInput>;
export type EditQuestionValues = z.input<typeof editQuestionInput>;
export type MoveQuestionValues = z.input<typeof moveQuestionInput>;
export type RemoveQuestionValues = z.input<typeof removeQuestionInput>;
