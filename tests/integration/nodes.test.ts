import { existsSync, readFileSync } from "node:fs";
import { createConnection } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDb, getDb } from "@/db/index";
import { meetings, rsvps } from "@/db/schema/meetings";
import { notifications } from "@/db/schema/notifications";
import type { ServerToClientEvents } from "@/lib/realtime/events";
import { createDatabase, dropDatabase } from "@/scripts/test-db";
import { buildDir, callServerAction, connectToNode, nodeSessionCookie, serverActionId, startAppNode, type AppNode } from "./app-nodes";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { joinRoom, sendTyping, type ClientSocket } from "./realtime-harness";
import { startTestSmtp, type TestSmtp } from "./smtp-harness";

// Two real app processes (the production server, `npm start`) on ports 3530 and 3531 against one
// fresh Postgres database, sharing live traffic through @socket.io/postgres-adapter
// (docs/decisions/0021-many-nodes.md). Needs a production build (`npx next build`) and Postgres.

const hasBuild = existsSync(path.join(buildDir(), "BUILD_ID"));
const onPostgres = inject("testDatabase").kind === "postgres";

/** Resolves with the first `event` on `socket` that `match` accepts; rejects after `ms`. */
function nextEvent<Event extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: Event,
  match: (...args: Parameters<ServerToClientEvents[Event]>) => boolean = () => true,
  ms = 10_000,
): Promise<Parameters<ServerToClientEvents[Event]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const listener = (...args: Parameters<ServerToClientEvents[Event]>) => {
      if (!match(...args)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(args);
    };
    socket.on(event, listener as never);
  });
}

async function postReply(node: AppNode, cookie: string, roomId: string, body: string): Promise<{ id: string }> {
  const response = await fetch(`${node.baseUrl}/api/rooms/${roomId}/replies`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: node.baseUrl, cookie },
    body: JSON.stringify(replyInput(body)),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reply: { id: string } }).reply;
}

function describeNodes(name: string, options: { adapter: "postgres" | "redis"; env: () => Record<string, string>; only?: "delivery" }) {
  const full = options.only === undefined;
  describe.skipIf(!hasBuild || !onPostgres)(`${name} (skipped without a production build or Postgres)`, () => {
    let databaseUrl = "";
    let nodeA: AppNode;
    let nodeB: AppNode;
    let smtp: TestSmtp;
    const sockets: ClientSocket[] = [];
    const nodeEnv = () => ({
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "true",
      LIMIT_SOCKETS_PER_USER: "2",
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      ...options.env(),
    });
    const startBoth = async () => {
      // Together, as a deployment starts them: they race on migrations and the demo seed.
      const started = await Promise.allSettled([startAppNode({ port: 3530, env: nodeEnv() }), startAppNode({ port: 3531, env: nodeEnv() })]);
      for (const result of started) if (result.status === "fulfilled" && started.some((other) => other.status === "rejected")) await result.value.stop();
      const [a, b] = started;
      if (a?.status === "rejected") throw a.reason;
      if (b?.status === "rejected") throw b.reason;
      if (a?.status !== "fulfilled" || b?.status !== "fulfilled") throw new Error("unreachable");
      [nodeA, nodeB] = [a.value, b.value];
    };
    const track = (socket: ClientSocket) => {
      sockets.push(socket);
      return socket;
    };

    beforeAll(async () => {
      // A database of its own, migrated by the nodes themselves; this file's rows go there too.
      await closeDb();
      databaseUrl = await createDatabase("chapterhouse_nodes");
      process.env.DATABASE_URL = databaseUrl;
      smtp = await startTestSmtp();
      await startBoth();
    }, 180_000);

    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      await Promise.all([nodeA?.stop(), nodeB?.stop()]);
      await smtp?.close();
      await closeDb();
      if (databaseUrl) await dropDatabase(databaseUrl);
    }, 60_000);

    async function club() {
      const owner = await createTestUser("Ruth");
      const member = await createTestUser("Tommy");
      const { clubId, roomIds } = await createTestClub({ members: [{ userId: owner.id, role: "owner" }, { userId: member.id, role: "member" }] });
      return { owner, member, clubId, roomId: roomIds[0] as string };
    }

    it("a reply posted on node A reaches a listener on node B", async () => {
      const { owner, member, roomId } = await club();
      const listener = track(await connectToNode(nodeB, await nodeSessionCookie(member)));
      expect((await joinRoom(listener, roomId)).ok).toBe(true);
      const arrived = nextEvent(listener, "reply:created", (reply) => reply.roomId === roomId);
      const posted = await postReply(nodeA, await nodeSessionCookie(owner), roomId, "Posted on A, read on B.");
      const [reply] = await arrived;
      expect(reply.id).toBe(posted.id);
      // Through the adapter asked for, not by luck of a shared process.
      for (const node of [nodeA, nodeB]) expect(readFileSync(node.logFile, "utf8")).toContain(`> Live traffic between nodes: ${options.adapter} adapter`);
    });

    it.runIf(full)("presence and typing on node A show on node B", async () => {
      const { owner, member, roomId } = await club();
      const onB = track(await connectToNode(nodeB, await nodeSessionCookie(member)));
      expect((await joinRoom(onB, roomId)).ok).toBe(true);
      const bothHere = nextEvent(onB, "room:presence", (view) => view.present.length === 2);
      const onA = track(await connectToNode(nodeA, await nodeSessionCookie(owner)));
      expect((await joinRoom(onA, roomId)).ok).toBe(true);
      const [here] = await bothHere;
      expect(here.present.map((person) => person.id).sort()).toEqual([owner.id, member.id].sort());

      const typing = nextEvent(onB, "room:presence", (view) => view.typing.some((person) => person.id === owner.id));
      expect((await sendTyping(onA, roomId, true)).ok).toBe(true);
      await typing;
      const stopped = nextEvent(onB, "room:presence", (view) => view.typing.length === 0);
      expect((await sendTyping(onA, roomId, false)).ok).toBe(true);
      await stopped;

      // Node B works out the list when its own member types: it must count A's typist too.
      const typing2 = nextEvent(onA, "room:presence", (view) => view.typing.length === 2);
      await sendTyping(onA, roomId, true);
      await sleep(300);
      await sendTyping(onB, roomId, true);
      const [both] = await typing2;
      expect(both.typing.map((person) => person.id).sort()).toEqual([owner.id, member.id].sort());

      const left = nextEvent(onB, "room:presence", (view) => view.present.length === 1);
      onA.disconnect();
      const [after] = await left;
      expect(after.present.map((person) => person.id)).toEqual([member.id]);
    });

    it.runIf(full)("removing a member on node A revokes their socket on node B", async () => {
      const { owner, member, clubId, roomId } = await club();
      const removed = track(await connectToNode(nodeB, await nodeSessionCookie(member)));
      expect((await joinRoom(removed, roomId)).ok).toBe(true);
      const revoked = nextEvent(removed, "club:access-revoked", (payload) => payload.clubId === clubId);
      const status = await callServerAction(nodeA, {
        page: `/clubs/${clubId}/members`,
        actionId: serverActionId("app/clubs/[clubId]/members/actions.ts", "removeMemberAction"),
        cookie: await nodeSessionCookie(owner),
        args: [clubId, { memberId: member.id }],
      });
      expect(status).toBe(200);
      await revoked;
      // And it hears the room no more: a reply posted after the removal does not reach it.
      let heard = false;
      removed.on("reply:created", () => {
        heard = true;
      });
      const witness = track(await connectToNode(nodeB, await nodeSessionCookie(owner)));
      expect((await joinRoom(witness, roomId)).ok).toBe(true);
      const seen = nextEvent(witness, "reply:created");
      await postReply(nodeA, await nodeSessionCookie(owner), roomId, "After the removal.");
      await seen;
      await sleep(200);
      expect(heard).toBe(false);
    });

    it.runIf(full)("signing out everywhere on node A disconnects the member's socket on node B", async () => {
      const { member } = await club();
      const cookie = await nodeSessionCookie(member);
      const idle = track(await connectToNode(nodeB, cookie));
      const closed = new Promise<string>((resolve) => idle.once("disconnect", resolve));
      const status = await callServerAction(nodeA, {
        page: "/profile",
        actionId: serverActionId("app/profile/actions.ts", "signOutEverywhereAction"),
        cookie,
        args: [],
      });
      expect(status).toBe(200);
      expect(await Promise.race([closed, sleep(5_000).then(() => "still connected")])).toBe("io server disconnect");
      // And the old cookie opens no new connection on either node.
      await expect(connectToNode(nodeA, cookie)).rejects.toThrow(/Sign in/);
      await expect(connectToNode(nodeB, cookie)).rejects.toThrow(/Sign in/);
    });

    it.runIf(full)("holds the sockets-per-user limit (2 here) across nodes", async () => {
      const { member } = await club();
      track(await connectToNode(nodeA, await nodeSessionCookie(member)));
      track(await connectToNode(nodeB, await nodeSessionCookie(member)));
      await expect(connectToNode(nodeA, await nodeSessionCookie(member))).rejects.toThrow(/pages open live already/);
      await expect(connectToNode(nodeB, await nodeSessionCookie(member))).rejects.toThrow(/pages open live already/);
    });

    it.runIf(full)("a reminder is delivered once with both nodes running (and both checking meetings at start)", async () => {
      const { owner, member, clubId } = await club();
      // The hour-before reminder falls due 20 s from now.
      const startsAt = new Date(Date.now() + 60 * 60_000 + 20_000);
      const [meeting] = await getDb()
        .insert(meetings)
        .values({ clubId, title: "Both nodes", startsAt, timeZone: "Europe/London", durationMinutes: 90, readingAssignment: null })
        .returning({ id: meetings.id });
      if (!meeting) throw new Error("meeting not created");
      await getDb()
        .insert(rsvps)
        .values([owner, member].map((user) => ({ meetingId: meeting.id, userId: user.id, status: "going" as const })));
      // Both nodes restart together: each checks upcoming meetings at start and queues reminders.
      await Promise.all([nodeA.stop(), nodeB.stop()]);
      await startBoth();

      const reminders = () => getDb().select({ userId: notifications.userId }).from(notifications).where(eq(notifications.meetingId, meeting.id));
      const deadline = Date.now() + 60_000;
      while ((await reminders()).length < 2 && Date.now() < deadline) await sleep(500);
      // Both workers poll every 5 s: give a second delivery time to happen if it were going to.
      await sleep(8_000);
      expect((await reminders()).map((row) => row.userId).sort()).toEqual([owner.id, member.id].sort());
      expect(smtp.to(owner.email)).toHaveLength(1);
      expect(smtp.to(member.email)).toHaveLength(1);
    }, 150_000);
  });
}

describeNodes("two app nodes, Postgres adapter", { adapter: "postgres", env: () => ({}) });

// The Redis streams adapter (REDIS_URL): the same processes, live traffic through Redis on
// 127.0.0.1:6379 under a key prefix of this run's own. Skipped when no Redis answers there.
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const redisPrefix = `chapterhouse-test-${process.pid}-${Date.now()}`;
const redisUp = await new Promise<boolean>((resolve) => {
  const probe = createConnection({ host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) });
  probe.once("connect", () => {
    probe.end();
    resolve(true);
  });
  probe.once("error", () => resolve(false));
});
describe.skipIf(!redisUp)("with Redis (skipped when no Redis answers at TEST_REDIS_URL or 127.0.0.1:6379)", () => {
  describeNodes("two app nodes, Redis streams adapter (cross-node delivery only; the rest is adapter-independent and runs on Postgres above)", { adapter: "redis", env: () => ({ REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisPrefix }), only: "delivery" });
  afterAll(async () => {
    // The adapter's stream outlives the nodes: remove this run's keys.
    const client = await createClient({ url: redisUrl }).connect();
    const keys = await client.keys(`${redisPrefix}:*`);
    if (keys.length > 0) await client.del(keys);
    await client.quit();
  });
});
