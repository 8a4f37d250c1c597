import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Ack } from "@/lib/realtime/events";
import { POST as signUpRoute } from "@/app/api/sign-up/route";
import { getDb } from "@/db/index";
import { users } from "@/db/schema/users";
import { hashPassword } from "@/lib/accounts/passwords";
import { authOptions } from "@/lib/auth";
import { createClubInvite } from "@/lib/clubs/invites";
import { editReply, postReply } from "@/lib/discussion/replies";
import { clientAddress, stampClientAddress } from "@/lib/doors/client-address";
import { limitKey, resetLimit } from "@/lib/doors/limits";
import { errorResponse } from "@/lib/doors/route";
import { AppError } from "@/lib/errors";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { emitUnchecked, useRealtimeServer, type ClientSocket } from "./realtime-harness";

// Every rate limit (lib/doors/limits.ts) on the real store: Postgres here, memory under
// TEST_DB=pglite. Each test lowers its limit through the environment (read at every use) and
// uses users of its own, so counts never cross tests.

const saved = new Map<string, string | undefined>();
function setLimit(name: string, value: number) {
  if (!saved.has(name)) saved.set(name, process.env[name]);
  process.env[name] = String(value);
}
afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  saved.clear();
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function memberAndRoom(role: "member" | "owner" = "member") {
  const member = await createTestUser("Member");
  const club = await createTestClub({ members: [{ userId: member.id, role }] });
  return { member, clubId: club.clubId, roomId: club.roomIds[0]! };
}

describe("reply and invite limits", () => {
  it("refuses a member's reply over LIMIT_REPLIES_PER_MINUTE with 429, Retry-After and a sentence, and leaves other members alone", async () => {
    setLimit("LIMIT_REPLIES_PER_MINUTE", 3);
    const { member, roomId, clubId } = await memberAndRoom();
    for (let index = 0; index < 3; index++) await postReply({ roomId, userId: member.id, body: replyInput(`Reply ${index}`) });

    const error = await refusal(postReply({ roomId, userId: member.id, body: replyInput("One too many") }));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBeGreaterThanOrEqual(1);
    expect(error.retryAfter).toBeLessThanOrEqual(60);
    const response = errorResponse(error);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe(String(error.retryAfter));
    const body = (await response.json()) as { error: { code: string; message: string; retryAfter: number } };
    expect(body.error).toMatchObject({ code: "rate_limited", retryAfter: error.retryAfter });
    expect(body.error.message).toMatch(/^You're posting replies faster than Chapterhouse allows\. Please wait \d+ seconds? and post again\.$/);

    const other = await createTestUser("Other");
    await getDb().execute(sql`insert into club_members (club_id, user_id, role) values (${clubId}, ${other.id}, 'member')`);
    await expect(postReply({ roomId, userId: other.id, body: replyInput("Still mine to say") })).resolves.toMatchObject({ created: true });
  });

  it("counts parallel posts exactly: of 10 at once with a limit of 4, 4 are stored", async () => {
    setLimit("LIMIT_REPLIES_PER_MINUTE", 4);
    const { member, roomId } = await memberAndRoom();
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, index) => postReply({ roomId, userId: member.id, body: replyInput(`Burst ${index}`) })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(4);
    for (const result of results) if (result.status === "rejected") expect((result.reason as AppError).code).toBe("rate_limited");
  });

  it("refuses edits over LIMIT_EDITS_PER_MINUTE", async () => {
    setLimit("LIMIT_EDITS_PER_MINUTE", 2);
    const { member, roomId } = await memberAndRoom();
    const { reply } = await postReply({ roomId, userId: member.id, body: replyInput("First") });
    await editReply({ replyId: reply.id, userId: member.id, body: { body: "Second" } });
    await editReply({ replyId: reply.id, userId: member.id, body: { body: "Third" } });
    expect((await refusal(editReply({ replyId: reply.id, userId: member.id, body: { body: "Fourth" } }))).code).toBe("rate_limited");
  });

  it("refuses invite links over LIMIT_INVITES_PER_HOUR", async () => {
    setLimit("LIMIT_INVITES_PER_HOUR", 2);
    const { member: owner, clubId } = await memberAndRoom("owner");
    const body = { expiresInDays: 7, maxUses: 5 };
    await createClubInvite({ clubId, userId: owner.id, body });
    await createClubInvite({ clubId, userId: owner.id, body });
    const error = await refusal(createClubInvite({ clubId, userId: owner.id, body }));
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/invite links this hour/);
  });
});

describe("sign-up limit", () => {
  const signUp = (address: string) =>
    signUpRoute(
      new Request("http://localhost/api/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": address },
        body: JSON.stringify({ email: `new-${randomUUID()}@example.test`, name: "Newcomer", password: "a long enough password" }),
      }),
      { params: Promise.resolve({}) },
    );

  it("refuses accounts over LIMIT_SIGN_UPS_PER_HOUR from one address with 429 and Retry-After; another address still signs up", async () => {
    setLimit("LIMIT_SIGN_UPS_PER_HOUR", 2);
    const address = `198.51.100.${Math.floor(Math.random() * 250)}`;
    expect((await signUp(address)).status).toBe(201);
    expect((await signUp(address)).status).toBe(201);
    const refused = await signUp(address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(60);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Too many accounts were created from your network/);
    expect((await signUp(`203.0.113.${Math.floor(Math.random() * 250)}`)).status).toBe(201);
  });
});

describe("the client's address", () => {
  const request = (remoteAddress: string, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded ? { "x-forwarded-for": forwarded } : {} }) as unknown as IncomingMessage;

  it("ignores an X-Forwarded-For the client wrote when no proxy is trusted", () => {
    const incoming = request("192.0.2.7", "10.9.9.9, 10.8.8.8");
    stampClientAddress(incoming);
    expect(clientAddress(incoming.headers)).toBe("192.0.2.7");
  });

  it("with TRUSTED_PROXIES=1 takes the hop our proxy appended, not what the client wrote before it", () => {
    setLimit("TRUSTED_PROXIES", 1);
    const incoming = request("10.0.0.2", "6.6.6.6, 192.0.2.8");
    stampClientAddress(incoming);
    expect(clientAddress(incoming.headers)).toBe("192.0.2.8");
  });

  it("counts an IPv6 client by its /64, so rotating addresses inside it changes nothing", () => {
    expect(clientAddress({ "x-forwarded-for": "2001:db8:1:2:aaaa::1" })).toBe("2001:db8:1:2::/64");
    expect(clientAddress({ "x-forwarded-for": "2001:db8:1:2:ffff:1:2:3" })).toBe("2001:db8:1:2::/64");
    expect(clientAddress({ "x-forwarded-for": "::ffff:192.0.2.9" })).toBe("192.0.2.9");
  });
});

describe("sign-in limits", () => {
  const password = "kathy's real password";

  async function kathy() {
    const user = await createTestUser("Kathy");
    await getDb()
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, user.id));
    return user;
  }

  /** next-auth's own call: the Credentials provider's authorize with the request's headers. */
  function authorize(email: string, attempt: string, address: string): Promise<unknown> {
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> };
    };
    return provider.options.authorize({ email, password: attempt }, { headers: { "x-forwarded-for": address } });
  }

  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      (user) => (user ? "signed in" : "wrong password"),
      (error: unknown) => (error instanceof AppError ? error.code : "error"),
    );

  it("pauses one address's guesses on an account, but Kathy signs in from her own address meanwhile", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS", 3);
    const { email } = await kathy();
    for (let index = 0; index < 3; index++) expect(await outcome(authorize(email, `guess ${index}`, "192.0.2.66"))).toBe("wrong password");
    // Even the right password is refused from the attacker's address during the pause.
    const error = await refusal(authorize(email, password, "192.0.2.66"));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBeGreaterThan(50);
    expect(error.retryAfter).toBeLessThanOrEqual(60);
    expect(await outcome(authorize(email, password, "192.0.2.10"))).toBe("signed in");
  });

  it("doubles the pause at each new run of failures from the same address", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS", 2);
    const { email } = await kathy();
    const pauses: number[] = [];
    for (let run = 0; run < 3; run++) {
      for (let index = 0; index < 2; index++) await authorize(email, "wrong", "192.0.2.67");
      pauses.push((await refusal(authorize(email, "wrong", "192.0.2.67"))).retryAfter ?? 0);
      // The pause running out, without waiting for it.
      await resetLimit("sign-in:account-address", limitKey(email.toLowerCase(), "192.0.2.67"));
    }
    expect(pauses[0]).toBeLessThanOrEqual(60);
    expect(pauses[1]).toBeGreaterThan(60);
    expect(pauses[1]).toBeLessThanOrEqual(120);
    expect(pauses[2]).toBeGreaterThan(180);
    expect(pauses[2]).toBeLessThanOrEqual(240);
  });

  it("lets exactly the allowed number of parallel guesses reach the password check", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS", 3);
    const { email } = await kathy();
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => outcome(authorize(email, `parallel ${index}`, "192.0.2.68"))));
    expect(results.filter((result) => result === "wrong password")).toHaveLength(3);
    expect(results.filter((result) => result === "rate_limited")).toHaveLength(9);
  });

  it("caps an attacker rotating addresses per account, while Kathy still signs in from an address she used before", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT", 4);
    const { email } = await kathy();
    expect(await outcome(authorize(email, password, "192.0.2.20"))).toBe("signed in");
    for (let index = 0; index < 4; index++) expect(await outcome(authorize(email, "wrong", `198.18.0.${index + 1}`))).toBe("wrong password");
    expect(await outcome(authorize(email, "wrong", "198.18.0.99"))).toBe("rate_limited");
    // A new device waits for the window; her familiar one does not.
    expect(await outcome(authorize(email, password, "198.18.1.1"))).toBe("rate_limited");
    expect(await outcome(authorize(email, password, "192.0.2.20"))).toBe("signed in");
  });

  it("refuses an address failing on many accounts over LIMIT_SIGN_IN_FAILURES_PER_ADDRESS, an unknown email counting like a real one", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ADDRESS", 3);
    const address = `192.0.2.${100 + Math.floor(Math.random() * 100)}`;
    for (let index = 0; index < 3; index++) expect(await outcome(authorize(`nobody-${randomUUID()}@example.test`, "wrong", address))).toBe("wrong password");
    const error = await refusal(authorize(`nobody-${randomUUID()}@example.test`, "wrong", address));
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/Too many failed sign-ins came from your network/);
  });
});

describe("live connection limits", () => {
  const realtime = useRealtimeServer();

  it("answers a connection's events over LIMIT_SOCKET_EVENTS_PER_10_SECONDS with rate_limited, and the connection stays up", async () => {
    setLimit("LIMIT_SOCKET_EVENTS_PER_10_SECONDS", 5);
    const user = await createTestUser("Chatty");
    const socket = await realtime.connectAs(user);
    const acks: Ack<unknown>[] = [];
    for (let index = 0; index < 7; index++) acks.push(await emitUnchecked(socket, "room:leave", { roomId: randomUUID() }));
    const rateLimited = (ack: Ack<unknown>) => !ack.ok && ack.error.code === "rate_limited";
    expect(acks.slice(0, 5).some(rateLimited)).toBe(false);
    expect(acks[5]).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(acks[6]).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(socket.connected).toBe(true);
    // Another connection of the same user has its own allowance.
    const second = await realtime.connectAs(user);
    expect(rateLimited(await emitUnchecked(second, "room:leave", { roomId: randomUUID() }))).toBe(false);
  });

  it("refuses a user's connection over LIMIT_SOCKETS_PER_USER, even when they all arrive at once, and frees a place on disconnect", async () => {
    setLimit("LIMIT_SOCKETS_PER_USER", 2);
    const user = await createTestUser("Tabs");
    const cookie = await realtime.sessionCookie(user);
    const sockets = Array.from({ length: 6 }, () => realtime.connect(cookie));
    const settled = await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<{ socket: ClientSocket; error: (Error & { data?: { code?: string } }) | null }>((resolve) => {
            socket.once("connect", () => resolve({ socket, error: null }));
            socket.once("connect_error", (error: Error & { data?: { code?: string } }) => resolve({ socket, error }));
          }),
      ),
    );
    const connected = settled.filter((result) => result.error === null);
    expect(connected).toHaveLength(2);
    for (const result of settled) if (result.error) expect(result.error.data?.code).toBe("rate_limited");

    connected[0]!.socket.disconnect();
    await expect.poll(async () => {
      const next = realtime.connect(cookie);
      return new Promise<boolean>((resolve) => {
        next.once("connect", () => resolve(true));
        next.once("connect_error", () => resolve(false));
      });
    }).toBe(true);
  });
});
