import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/index";
import { replyMentions } from "@/db/schema/discussion";

type Executor = Pick<Database, "insert" | "delete">;

/**
 * Records whom a reply mentions (ids resolved when it was written), replacing what an earlier
 * version of it mentioned; on the act's transaction.
 */
export async function replaceReplyMentions(executor: Executor, input: { replyId: string; userIds: readonly string[]; replacing: boolean }): Promise<void> {
  if (input.replacing) await executor.delete(replyMentions).where(eq(replyMentions.replyId, input.replyId));
  if (input.userIds.length === 0) return;
  await executor
    .insert(replyMentions)
    .values(input.userIds.map((userId) => ({ replyId: input.replyId, userId })))
    .onConflictDoNothing();
}
