"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { setCurrentBook, updateBook } from "@/lib/books/books";
import { setReadingProgress, updateBookShape } from "@/lib/books/reading";
import type { BookShapeValues } from "@/lib/validation/book-shape";
import type { BookValues } from "@/lib/validation/books";

export async function updateBookAction(clubId: string, bookId: string, values: BookValues): Promise<Outcome<{ href: string }>> {
  const result = await runAction((user) => updateBook({ clubId, bookId, userId: user.id, body: values }));
  if (!result.ok) return result;
  const book = result.data;
  revalidatePath(`/clubs/${book.clubId}`, "layout");
  return { ok: true, data: { href: `/clubs/${book.clubId}/books/${book.id}` } };
}

export async function setCurrentBookAction(clubId: string, bookId: string): Promise<Outcome<null>> {
  const result = await runAction((user) => setCurrentBook({ clubId, bookId, userId: user.id }));
  if (!result.ok) return result;
  revalidatePath(`/clubs/${clubId}`, "layout");
  return { ok: true, data: null };
}

export async function updateBookShapeAction(clubId: string, bookId: string, values: BookShapeValues): Promise<Outcome<{ href: string }>> {
  const result = await runAction((user) => updateBookShape({ clubId, bookId, userId: user.id, body: values }));
  if (!result.ok) return result;
  revalidatePath(`/clubs/${clubId}`, "layout");
  return { ok: true, data: { href: `/clubs/${clubId}/books/${bookId}` } };
}

export async function setReadingProgressAction(clubId: string, bookId: string, values: { reached: number; shared?: boolean }): Promise<Outcome<{ reached: number }>> {
  const result = await runAction((user) => setReadingProgress({ clubId, bookId, userId: user.id, body: values }));
  if (!result.ok) return result;
  revalidatePath(`/clubs/${clubId}`, "layout");
  return { ok: true, data: { reached: result.data.reached } };
}
