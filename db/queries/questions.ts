import "server-only";
import { and, asc, count, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { books } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** A live (not archived) question of this club: ids mixed across clubs find nothing. */
export async function getClubQuestion(input: { clubId: string; roomId: string }) {
  const [row] = await getDb()
    .select({ id: rooms.id, bookId: rooms.bookId, position: rooms.position, question: rooms.question, replyCount: rooms.replyCount })
    .from(rooms)
    .where(and(eq(rooms.id, input.roomId), eq(rooms.clubId, input.clubId), isNull(rooms.archivedAt)))
    .limit(1);
  return row ?? null;
}

// Every write that changes a book's positions takes the book's row lock first, so two
// moderators reordering or importing at once queue up instead of handing out one position twice.
async function lockBook(tx: Transaction, bookId: string): Promise<void> {
  await tx.select({ id: books.id }).from(books).where(eq(books.id, bookId)).for("update");
}

/** Adds questions after the book's existing ones, numbering on from the last, in one transaction. */
export async function appendQuestions(input: { clubId: string; bookId: string; questions: { text: string; section: string | null; reach?: number | null }[] }) {
  return getDb().transaction(async (tx) => {
    await lockBook(tx, input.bookId);
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${rooms.position}), 0)::int` })
      .from(rooms)
      .where(and(eq(rooms.bookId, input.bookId), isNull(rooms.archivedAt)));
    const start = (last?.position ?? 0) + 1;
    const created = await tx
      .insert(rooms)
      .values(
        input.questions.map((question, index) => ({
          clubId: input.clubId,
          bookId: input.bookId,
          position: start + index,
          question: question.text,
          section: question.section,
          reach: question.reach ?? null,
        })),
      )
      .returning({ id: rooms.id, position: rooms.position, question: rooms.question, section: rooms.section });
    return created.sort((a, b) => a.position - b.position);
  });
}

export async function updateQuestionText(input: { clubId: string; roomId: string; question: string }): Promise<boolean> {
  const updated = await getDb()
    .update(rooms)
    .set({ question: input.question })
    .where(and(eq(rooms.id, input.roomId), eq(rooms.clubId, input.clubId), isNull(rooms.archivedAt)))
    .returning({ id: rooms.id });
  return updated.length > 0;
}

export type MoveQuestionResult = "moved" | "at_edge" | "not_found";

/** Swaps a question with its neighbour above or below, in one transaction. */
export async function moveQuestion(input: { clubId: string; roomId: string; direction: "up" | "down" }): Promise<MoveQuestionResult> {
  return getDb().transaction(async (tx) => {
    const room = await findLiveRoom(tx, input);
    if (!room) return "not_found";
    await lockBook(tx, room.bookId);
    // Read again under the lock: a concurrent move may have changed the position.
    const current = await findLiveRoom(tx, input);
    if (!current) return "not_found";
    const up = input.direction === "up";
    const [neighbour] = await tx
      .select({ id: rooms.id, position: rooms.position })
      .from(rooms)
      .where(
        and(
          eq(rooms.bookId, current.bookId),
          isNull(rooms.archivedAt),
          up ? lt(rooms.position, current.position) : gt(rooms.position, current.position),
        ),
      )
      .orderBy(up ? desc(rooms.position) : asc(rooms.position))
      .limit(1);
    if (!neighbour) return "at_edge";
    await tx.update(rooms).set({ position: neighbour.position }).where(eq(rooms.id, current.id));
    await tx.update(rooms).set({ position: current.position }).where(eq(rooms.id, neighbour.id));
    return "moved";
  });
}

export type RemoveQuestionResult =
  | { status: "deleted" }
  | { status: "archived"; replyCount: number }
  | { status: "has_replies"; replyCount: number }
  | { status: "not_found" };

/**
 * Deletes a question that has no replies; one with replies is archived (hidden, never destroyed)
 * when `archiveIfReplies` is set, and otherwise left alone. The room's row lock is the one
 * posting takes, so no reply can slip in between the count and the delete. The questions after
 * it move up one place, so the numbers members see stay 1, 2, 3...
 */
export async function removeQuestion(input: { clubId: string; roomId: string; archiveIfReplies: boolean }): Promise<RemoveQuestionResult> {
  return getDb().transaction(async (tx) => {
    const room = await findLiveRoom(tx, input);
    if (!room) return { status: "not_found" };
    await lockBook(tx, room.bookId);
    const [locked] = await tx
      .select({ id: rooms.id, bookId: rooms.bookId, position: rooms.position, archivedAt: rooms.archivedAt })
      .from(rooms)
      .where(eq(rooms.id, room.id))
      .for("update");
    if (!locked || locked.archivedAt) return { status: "not_found" };
    const [counted] = await tx.select({ value: count() }).from(replies).where(eq(replies.roomId, locked.id));
    const replyCount = counted?.value ?? 0;

    if (replyCount > 0) {
      if (!input.archiveIfReplies) return { status: "has_replies", replyCount };
      await tx.update(rooms).set({ archivedAt: sql`now()` }).where(eq(rooms.id, locked.id));
    } else {
      await tx.delete(rooms).where(eq(rooms.id, locked.id));
    }
    await tx
      .update(rooms)
      .set({ position: sql`${rooms.position} - 1` })
      .where(and(eq(rooms.bookId, locked.bookId), isNull(rooms.archivedAt), gt(rooms.position, locked.position)));
    return replyCount > 0 ? { status: "archived", replyCount } : { status: "deleted" };
  });
}

async function findLiveRoom(tx: Transaction, input: { clubId: string; roomId: string }) {
  const [row] = await tx
    .select({ id: rooms.id, bookId: rooms.bookId, position: rooms.position })
    .from(rooms)
    .where(and(eq(rooms.id, input.roomId), eq(rooms.clubId, input.clubId), isNull(rooms.archivedAt)))
    .limit(1);
  return row ?? null;
}
