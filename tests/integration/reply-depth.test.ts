import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { maxReplyDepth } from "@/lib/discussion/depth";
import { postReply } from "@/lib/discussion/replies";
import { AppError } from "@/lib/errors";
import { createTestClub, createTestUser, replyInput } from "./factories";

// The nesting cap (lib/discussion/depth.ts) and idempotency keys reused with another body.

let savedLimit: string | undefined;
beforeEach(() => {
  savedLimit = process.env.LIMIT_REPLIES_PER_MINUTE;
  process.env.LIMIT_REPLIES_PER_MINUTE = "1000";
});
afterEach(() => {
  if (savedLimit === undefined) delete process.env.LIMIT_REPLIES_PER_MINUTE;
  else process.env.LIMIT_REPLIES_PER_MINUTE = savedLimit;
});

async function memberAndRoom() {
  const member = await createTestUser("Ruth");
  const club = await createTestClub({ members: [{ userId: member.id, role: "member" }] });
  return { member, roomId: club.roomIds[0]! };
}

/** Depth of every reply in the room, counted by walking parent links in SQL, not read from the column. */
async function walkedDepths(roomId: string): Promise<number[]> {
  const result = await getDb().execute<{ depth: number }>(sql`
    with recursive tree as (
      select id, 0 as depth from replies where room_id = ${roomId} and parent_id is null
      union all
      select r.id, t.depth + 1 from replies r join tree t on r.parent_id = t.id
    )
    select depth from tree`);
  const rows = (Array.isArray(result) ? result : (result as { rows: { depth: number }[] }).rows) as { depth: number }[];
  return rows.map((row) => Number(row.depth));
}

describe("reply nesting cap", () => {
  it("keeps a 40-deep chain of answers within the cap, each capped reply saying whom it answers", async () => {
    const { member, roomId } = await memberAndRoom();
    let previous: { id: string; author: { name: string | null } } | null = null;
    const chain = [];
    for (let index = 0; index < 40; index++) {
      const { reply } = await postReply({ roomId, userId: member.id, body: replyInput(`Level ${index}`, previous?.id ?? null) });
      chain.push(reply);
      previous = reply;
    }
    const depths = await walkedDepths(roomId);
    expect(depths).toHaveLength(40);
    expect(Math.max(...depths)).toBe(maxReplyDepth - 1);

    // Up to the cap, each reply is a child of the one it answers.
    for (let index = 1; index < maxReplyDepth; index++) {
      expect(chain[index]).toMatchObject({ parentId: chain[index - 1]!.id, replyTo: null });
    }
    // Beyond it, each sits beside the one it answers, and names it.
    for (let index = maxReplyDepth; index < chain.length; index++) {
      expect(chain[index]!.parentId).toBe(chain[index - 1]!.parentId);
      expect(chain[index]!.replyTo).toEqual({ id: chain[index - 1]!.id, authorName: member.name });
    }
  });
});

describe("idempotency keys", () => {
  it("answers the first reply again for the same key and body", async () => {
    const { member, roomId } = await memberAndRoom();
    const input = replyInput("Once only");
    const first = await postReply({ roomId, userId: member.id, body: input });
    const again = await postReply({ roomId, userId: member.id, body: input });
    expect(again).toEqual({ reply: first.reply, created: false });
  });

  it("refuses the same key with another body, parent or room as unprocessable (422), storing nothing", async () => {
    const { member, roomId } = await memberAndRoom();
    const other = await postReply({ roomId, userId: member.id, body: replyInput("Someone to answer") });
    const idempotencyKey = randomUUID();
    await postReply({ roomId, userId: member.id, body: { body: "The first text", parentId: null, idempotencyKey } });
    for (const body of [
      { body: "A different text", parentId: null, idempotencyKey },
      { body: "The first text", parentId: other.reply.id, idempotencyKey },
    ]) {
      const error = await postReply({ roomId, userId: member.id, body }).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("unprocessable");
      expect((error as AppError).status).toBe(422);
    }
    expect(await walkedDepths(roomId)).toHaveLength(2);
  });
});
