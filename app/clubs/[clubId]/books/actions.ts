"use server";

import { revalidatePath } from "next/cache";
import type { BookFormValues } from "@/components/book/book-form";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { createBook } from "@/lib/books/books";

export async function createBookAction(clubId: string, values: BookFormValues): Promise<Outcome<{ href: string }>> {
  const result = await runAction((user) => createBook({ clubId, userId: user.id, body: values }));
  if (!result.ok) return result;
  const book = result.data;
  revalidatePath(`/clubs/${book.clubId}`, "layout");
  return { ok: true, data: { href: `/clubs/${book.clubId}/books/${book.id}` } };
}
