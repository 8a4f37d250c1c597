"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import type { AddQuestionValues, EditQuestionValues, MoveQuestionValues, RemoveQuestionValues } from "@/lib/validation/questions";
import { addQuestion, editQuestion, moveQuestion, removeQuestion } from "@/lib/books/questions";
import { updateRoomReach } from "@/lib/books/reading";

// The services check every id against the club (a room of another club is not found), so the
// paths revalidated here only ever name what was actually changed.
function refresh(clubId: string) {
  revalidatePath(`/clubs/${clubId}`, "layout");
}

export async function addQuestionAction(clubId: string, bookId: string, values: AddQuestionValues): Promise<Outcome<null>> {
  const result = await runAction((user) => addQuestion({ clubId, bookId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refresh(clubId);
  return { ok: true, data: null };
}

export async function editQuestionAction(clubId: string, roomId: string, values: EditQuestionValues): Promise<Outcome<null>> {
  const result = await runAction((user) => editQuestion({ clubId, roomId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refresh(clubId);
  return { ok: true, data: null };
}

export async function moveQuestionAction(clubId: string, roomId: string, values: MoveQuestionValues): Promise<Outcome<null>> {
  const result = await runAction((user) => moveQuestion({ clubId, roomId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refresh(clubId);
  return { ok: true, data: null };
}

export async function removeQuestionAction(
  clubId: string,
  roomId: string,
  values: RemoveQuestionValues,
): Promise<Outcome<{ status: "deleted" | "archived" }>> {
  const result = await runAction((user) => removeQuestion({ clubId, roomId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refresh(clubId);
  return { ok: true, data: { status: result.data.status } };
}

/** How far a question room reaches into the book (a point's rank; null: unsaid, never veiled). */
export async function setRoomReachAction(clubId: string, roomId: string, values: { reach: number | null }): Promise<Outcome<null>> {
  const result = await runAction((user) => updateRoomReach({ clubId, roomId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refresh(clubId);
  return { ok: true, data: null };
}
