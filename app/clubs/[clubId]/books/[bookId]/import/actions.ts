"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { importQuestions } from "@/lib/books/questions";
import type { ImportQuestionsValues } from "@/lib/validation/questions";

/** Creates the reviewed questions as rooms, then opens the page that lists them. */
export async function importGuideAction(clubId: string, bookId: string, questions: ImportQuestionsValues["questions"]): Promise<Outcome<null>> {
  const result = await runAction((user) => importQuestions({ clubId, bookId, userId: user.id, body: { questions } }));
  if (!result.ok) return result;
  revalidatePath(`/clubs/${clubId}`, "layout");
  redirect(result.data.isCurrent ? `/clubs/${clubId}` : `/clubs/${clubId}/books/${result.data.bookId}`);
}
