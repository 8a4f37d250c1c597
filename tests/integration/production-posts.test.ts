import { existsSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDb, getDb } from "@/db/index";
import { replies } from "@/db/schema/discussion";
import { notifications } from "@/db/schema/notifications";
import { createDatabase, dropDatabase } from "@/scripts/test-db";
import { buildDir, nodeSessionCookie, startAppNode, type AppNode } from "./app-nodes";
import { createTestClub, createTestUser, replyInput } from "./factories";

// Posting on the production server (`npm start`: Next's bundles beside the esbuild bundle of
// server.ts), where a library can be loaded twice: the database client is made by one copy of
// drizzle-orm and the query modules import another, so a class check across them fails where
// the in-process tests (one copy) pass. Port 3532 (beside the two-node tests' 3530 and 3531).

const hasBuild = existsSync(path.join(buildDir(), "BUILD_ID"));
const onPostgres = inject("testDatabase").kind === "postgres";

describe.skipIf(!hasBuild || !onPostgres)("posting on the production server (skipped without a production build or Postgres)", () => {
  let databaseUrl = "";
  let node: AppNode;

  beforeAll(async () => {
    await closeDb();
    databaseUrl = await createDatabase("chapterhouse_production_posts");
    process.env.DATABASE_URL = databaseUrl;
    node = await startAppNode({ port: 3532, env: { DATABASE_URL: databaseUrl } });
  }, 180_000);

  afterAll(async () => {
    await node?.stop();
    await closeDb();
    if (databaseUrl) await dropDatabase(databaseUrl);
  }, 60_000);

  async function post(cookie: string, roomId: string, body: ReturnType<typeof replyInput>): Promise<Response> {
    return fetch(`${node.baseUrl}/api/rooms/${roomId}/replies`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: node.baseUrl, cookie },
      body: JSON.stringify(body),
    });
  }

  it("refuses an answer to someone (a post with notifications) into a locked room with 423, not 500", async () => {
    const owner = await createTestUser("Ruth");
    const member = await createTestUser("Tommy");
    const { roomIds } = await createTestClub({ members: [{ userId: owner.id, role: "owner" }, { userId: member.id, role: "member" }] });
    const roomId = roomIds[0] as string;
    const [ownerCookie, memberCookie] = [await nodeSessionCookie(owner), await nodeSessionCookie(member)];
    const opening = await post(ownerCookie, roomId, replyInput("Before the lock."));
    expect(opening.status).toBe(201);
    const openingId = ((await opening.json()) as { reply: { id: string } }).reply.id;
    const locked = await fetch(`${node.baseUrl}/api/rooms/${roomId}/lock`, { method: "PUT", headers: { origin: node.baseUrl, cookie: ownerCookie } });
    expect(locked.status).toBe(200);

    // Answering the owner writes a notification beside the reply: that path rolls back when the room takes no reply.
    const answer = await post(memberCookie, roomId, replyInput("After the lock.", openingId));
    expect(answer.status).toBe(423);
    expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(/locked/i);
    expect(await getDb().select({ id: replies.id }).from(replies).where(eq(replies.roomId, roomId))).toHaveLength(1);
    expect(await getDb().select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, owner.id))).toHaveLength(0);
  });
});
