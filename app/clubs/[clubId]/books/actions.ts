"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { createBook } from "@/lib/books/books";
import type { CreateBookValues } from "@/lib/validation/books";

export async function createBookAction(clubId: string, values: CreateBookValues): Promise<Outcome<{ href: string }>> {
  const result = await runAction((user) => createBook({ clubId, userId: user.id, body: values }));
  if (!result.ok) return result;
  const book = result.data;
  revalidatePath(`/clubs/${book.clubId}`, "layout");
  return { ok: true, data: { href: `/clubs/${book.clubId}/books/${book.id}` } };
}
