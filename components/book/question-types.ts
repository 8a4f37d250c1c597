import type { Outcome } from "@/lib/doors/outcome";
import type { AddQuestionValues, EditQuestionValues, MoveQuestionValues, RemoveQuestionValues } from "@/lib/validation/questions";

// Shared by the question manager and its rows, here so that neither imports the other.

/** A book's question as the manager lists it. */
export type ManagedQuestion = { id: string; position: number; question: string; section: string | null; replyCount: number };

/** The server actions for one book's questions, each bound to the club (and the book, for `add`). */
export type QuestionActions = {
  add: (values: AddQuestionValues) => Promise<Outcome<null>>;
  edit: (roomId: string, values: EditQuestionValues) => Promise<Outcome<null>>;
  move: (roomId: string, values: MoveQuestionValues) => Promise<Outcome<null>>;
  remove: (roomId: string, values: Required<RemoveQuestionValues>) => Promise<Outcome<{ status: "deleted" | "archived" }>>;
};
