"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ReviewedQuestion } from "@/components/book/guide-import";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { importQuestions } from "@/lib/books/questions";

/** Creates the reviewed questions as rooms, then opens the page that lists them. */
export async function importGuideAction(clubId: string, bookId: string, questions: ReviewedQuestion[]): Promise<Outcome<null>> {
  const result = await runAction((user) => importQuestions({ clubId, bookId, userId: user.id, body: { questions } }));
  if (!result.ok) return result;
  revalidatePath(`/clubs/${clubId}`, "layout");
  redirect(result.data.isCurrent ? `/clubs/${clubId}` : `/clubs/${clubId}/books/${result.data.bookId}`);
}
