import { randomUUID } from "node:crypto";
import type { Sql, Target } from "./database";
import { fillRoom } from "./database";
import { httpRequest } from "./http";
import { roundSummary, summarize, type Summary } from "./stats";

/**
 * Posting with notifications against posting without (issue 9): the same member posts, over
 * HTTP, alternately a plain top-level reply and a reply that answers another member's reply and
 * @mentions 10 members: 11 notifications, each written in the reply's transaction, plus the
 * mention rows and the badge counts sent after commit. Alternating keeps both under the same load.
 */
export type MentionPostResult = { pairs: number; mentioned: number; notifiedPerReply: number; plainMs: Summary; notifyingMs: Summary; p50DeltaMs: number };

const warmupPairs = 10;
const measuredPairs = 100;

async function addMembers(sql: Sql, clubId: string, count: number, label: string): Promise<{ id: string; name: string }[]> {
  const tag = randomUUID().slice(0, 6);
  const rows = Array.from({ length: count }, (_, index) => ({
    email: `bench-${label}-${tag}-${index}@example.test`,
    name: `Bench ${label} ${tag} ${String(index + 1).padStart(2, "0")}`,
  }));
  const users = await sql<{ id: string; name: string }[]>`insert into users ${sql(rows, "email", "name")} returning id, name`;
  await sql`insert into club_members ${sql(users.map((user) => ({ club_id: clubId, user_id: user.id })), "club_id", "user_id")}`;
  return users;
}

async function post(input: { baseUrl: string; cookie: string; roomId: string; body: string; parentId: string | null }): Promise<number> {
  const response = await httpRequest(`${input.baseUrl}/api/rooms/${input.roomId}/replies`, {
    method: "POST",
    headers: { cookie: input.cookie, "content-type": "application/json" },
    body: JSON.stringify({ body: input.body, parentId: input.parentId, idempotencyKey: randomUUID() }),
    timeoutMs: 30_000,
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`POST reply answered ${response.status}: ${response.body.toString("utf8").slice(0, 200)}`);
  return response.elapsedMs;
}

export async function runMentionPosts(input: { baseUrl: string; cookie: string; sql: Sql; room: Target }): Promise<MentionPostResult> {
  const mentioned = await addMembers(input.sql, input.room.clubId, 10, "Mentioned");
  const repliers = await addMembers(input.sql, input.room.clubId, 3, "Replier");
  // Three replies by other members to answer, written by SQL like the big room's.
  const { lastReplyId } = await fillRoom(input.sql, { roomId: input.room.roomId, authors: repliers.map((user) => user.id), count: 3 });
  const mentions = mentioned.map((user) => `@${user.name}`).join(", ");
  const times = { plain: [] as number[], notifying: [] as number[] };
  for (let index = 0; index < warmupPairs + measuredPairs; index += 1) {
    const plain = await post({ ...input, roomId: input.room.roomId, body: `A plain thought, number ${index}.`, parentId: null });
    const notifying = await post({ ...input, roomId: input.room.roomId, body: `What do you all think, ${mentions}? (${index})`, parentId: lastReplyId });
    if (index < warmupPairs) continue;
    times.plain.push(plain);
    times.notifying.push(notifying);
  }
  const [row] = await input.sql<{ count: string }[]>`
    select count(*) from notifications where room_id = ${input.room.roomId} and kind in ('reply', 'mention')`;
  const plainMs = roundSummary(summarize(times.plain));
  const notifyingMs = roundSummary(summarize(times.notifying));
  return {
    pairs: measuredPairs,
    mentioned: mentioned.length,
    notifiedPerReply: Math.round(Number(row?.count ?? 0) / (warmupPairs + measuredPairs)),
    plainMs,
    notifyingMs,
    p50DeltaMs: Math.round((notifyingMs.p50 - plainMs.p50) * 10) / 10,
  };
}
