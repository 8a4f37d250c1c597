import { eq, sql } from "drizzle-orm";
import { decode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { GET as roomRoute } from "@/app/api/rooms/[roomId]/route";
import { getDb } from "@/db/index";
import { users } from "@/db/schema/users";
import { hashPassword } from "@/lib/accounts/passwords";
import { changePassword, signOutEverywhere } from "@/lib/accounts/profile";
import { STANDING_CACHE_MS } from "@/lib/accounts/session-standing";
import { authOptions, renewThisSession } from "@/lib/auth";
import type { Outcome } from "@/lib/doors/outcome";
import { createTestClub, createTestUser } from "./factories";
import { joinRoom, useRealtimeServer, type ClientSocket, type TestUser } from "./realtime-harness";
import { withCookie } from "./request-scope";

vi.mock("next/headers", () => import("./request-scope"));

const realtime = useRealtimeServer();
const secret = "integration-test-secret-0123456789";

async function memberWithRoom(): Promise<{ user: TestUser; roomId: string }> {
  const user = await createTestUser("Sessions");
  const { roomIds } = await createTestClub({ members: [{ userId: user.id, role: "member" }] });
  const roomId = roomIds[0];
  if (!roomId) throw new Error("no room");
  return { user, roomId };
}

/** The status the room route answers a request carrying `cookie`. */
async function statusWith(cookie: string, roomId: string): Promise<number> {
  const request = new Request(`http://localhost/api/rooms/${roomId}`, { headers: { cookie } });
  const { result } = await withCookie(cookie, () => roomRoute(request, { params: Promise.resolve({ roomId }) }));
  return result.status;
}

/** Plain sign-out as next-auth runs it: its signOut event with the decoded token of this cookie. */
async function signOutWith(cookie: string): Promise<void> {
  const token = await decode({ token: cookie.slice(cookie.indexOf("=") + 1), secret });
  if (!token) throw new Error("cookie does not decode");
  await authOptions.events?.signOut?.({ token, session: { user: { id: "", name: "", email: "" }, expires: "" } });
}

function disconnected(socket: ClientSocket): Promise<number> {
  return new Promise((resolve) => socket.once("disconnect", () => resolve(performance.now())));
}

async function withPassword(user: TestUser, password: string): Promise<void> {
  await getDb().update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, user.id));
}

describe("sessions that end", () => {
  it("serves a fresh session, and refuses a cookie from before sessions could end", async () => {
    const { user, roomId } = await memberWithRoom();
    expect(await statusWith(await realtime.sessionCookie(user), roomId)).toBe(200);
    const { encode } = await import("next-auth/jwt");
    const legacy = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret });
    expect(await statusWith(`next-auth.session-token=${legacy}`, roomId)).toBe(401);
  });

  it("signing out ends that session only: its cookie gets 401, another session of the same user still works", async () => {
    const { user, roomId } = await memberWithRoom();
    const laptop = await realtime.sessionCookie(user);
    const phone = await realtime.sessionCookie(user);
    await signOutWith(laptop);
    expect(await statusWith(laptop, roomId)).toBe(401);
    expect(await statusWith(phone, roomId)).toBe(200);
  });

  it("sign out everywhere: every old cookie gets 401, a new sign-in works", async () => {
    const { user, roomId } = await memberWithRoom();
    const laptop = await realtime.sessionCookie(user);
    const phone = await realtime.sessionCookie(user);
    await signOutEverywhere({ userId: user.id });
    expect(await statusWith(laptop, roomId)).toBe(401);
    expect(await statusWith(phone, roomId)).toBe(401);
    expect(await statusWith(await realtime.sessionCookie(user), roomId)).toBe(200);
  });

  it("changing the password: the old cookies get 401, the session that changed it carries on renewed", async () => {
    const { user, roomId } = await memberWithRoom();
    await withPassword(user, "first-password-1");
    const here = await realtime.sessionCookie(user);
    const elsewhere = await realtime.sessionCookie(user);
    const { cookies } = await withCookie(here, async () => {
      const { sessionVersion } = await changePassword({
        userId: user.id,
        body: { currentPassword: "first-password-1", newPassword: "second-password-2", confirmPassword: "second-password-2" },
      });
      await renewThisSession(sessionVersion);
    });
    expect(await statusWith(here, roomId)).toBe(401);
    expect(await statusWith(elsewhere, roomId)).toBe(401);
    const renewed = cookies.get("next-auth.session-token");
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(here.slice(here.indexOf("=") + 1));
    expect(await statusWith(`next-auth.session-token=${renewed}`, roomId)).toBe(200);
  });

  it("a refresh of an ended session is refused, so it cannot be extended", async () => {
    const { user } = await memberWithRoom();
    const cookie = await realtime.sessionCookie(user);
    const token = await decode({ token: cookie.slice(cookie.indexOf("=") + 1), secret });
    if (!token) throw new Error("cookie does not decode");
    const refresh = () => authOptions.callbacks?.jwt?.({ token, user: undefined as never, account: null });
    await expect(refresh()).resolves.toEqual(token);
    await signOutWith(cookie);
    await expect(refresh()).rejects.toThrow("This session has ended.");
  });

  for (const [name, end] of [
    ["sign out everywhere", (user: TestUser) => signOutEverywhere({ userId: user.id })],
    [
      "a password change",
      async (user: TestUser) => {
        await withPassword(user, "first-password-1");
        await changePassword({
          userId: user.id,
          body: { currentPassword: "first-password-1", newPassword: "second-password-2", confirmPassword: "second-password-2" },
        });
      },
    ],
  ] as const) {
    it(`disconnects the user's open sockets within a second of ${name}, and refuses the old cookie a new one`, async () => {
      const { user, roomId } = await memberWithRoom();
      const cookie = await realtime.sessionCookie(user);
      const socket = await realtime.connectAs(user, cookie);
      expect((await joinRoom(socket, roomId)).ok).toBe(true);
      const gone = disconnected(socket);
      const started = performance.now();
      await end(user);
      const at = await Promise.race([gone, new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 5_000))]);
      expect(at - started).toBeLessThan(1_000);
      const again = realtime.connect(cookie);
      await expect(new Promise((resolve, reject) => { again.once("connect", () => reject(new Error("connected"))); again.once("connect_error", resolve); })).resolves.toBeDefined();
    });
  }

  it("disconnects only the signed-out session's socket on plain sign-out", async () => {
    const { user, roomId } = await memberWithRoom();
    const laptopCookie = await realtime.sessionCookie(user);
    const laptop = await realtime.connectAs(user, laptopCookie);
    const phone = await realtime.connectAs(user);
    const gone = disconnected(laptop);
    await signOutWith(laptopCookie);
    await gone;
    expect(phone.connected).toBe(true);
    expect((await joinRoom(phone, roomId)).ok).toBe(true);
  });

  it("refuses a socket event after a revocation made straight in the database, within the cache bound", async () => {
    const { user, roomId } = await memberWithRoom();
    const socket = await realtime.connectAs(user);
    expect((await joinRoom(socket, roomId)).ok).toBe(true);
    const revokedAt = performance.now();
    // Another node's doing, as far as this one knows: no live event, only the database changed.
    await getDb().update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id));
    let answer: Outcome<unknown> = { ok: true, data: null };
    while (answer.ok && performance.now() - revokedAt < 5_000) {
      answer = await joinRoom(socket, roomId);
      if (answer.ok) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answer).toEqual({ ok: false, error: { code: "unauthorized", message: "Your session has ended. Sign in again to continue." } });
    expect(performance.now() - revokedAt).toBeLessThan(1_000);
    expect(STANDING_CACHE_MS).toBeLessThanOrEqual(1_000);
    await new Promise<void>((resolve) => (socket.connected ? socket.once("disconnect", () => resolve()) : resolve()));
    expect(socket.connected).toBe(false);
  });

  it("an API request sees a revocation made straight in the database at once", async () => {
    const { user, roomId } = await memberWithRoom();
    const cookie = await realtime.sessionCookie(user);
    expect(await statusWith(cookie, roomId)).toBe(200);
    await getDb().update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id));
    expect(await statusWith(cookie, roomId)).toBe(401);
  });
});
