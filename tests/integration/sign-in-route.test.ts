import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { GET as roomRoute } from "@/app/api/rooms/[roomId]/route";
import { getDb } from "@/db/index";
import { users } from "@/db/schema/users";
import { hashPassword } from "@/lib/accounts/passwords";
import { limitKey, resetLimit } from "@/lib/doors/limits";
import { createTestClub, createTestUser } from "./factories";
import { scopeNextAuth, withCookie } from "./request-scope";

// Issue 8: sign-in and sign-out through next-auth's real route handler
// (app/api/auth/[...nextauth]/route.ts), as its client calls it: a sign-in a limit refused
// answers 429 with Retry-After and the limit's sentence; a plain sign-out ends the session on the
// server. Everything past the request scope (next/headers) is next-auth's and the app's own code.

vi.mock("next/headers", () => import("./request-scope"));
beforeAll(() => scopeNextAuth());

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

const password = "kathy's real password";
const origin = "http://localhost:3000";

async function kathy() {
  const user = await createTestUser("Kathy");
  await getDb()
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, user.id));
  const { roomIds } = await createTestClub({ members: [{ userId: user.id, role: "member" }] });
  return { ...user, roomId: roomIds[0]! };
}

/** The `name=value` pairs a response sets, as one Cookie header. */
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");

/** Calls next-auth's route at `/api/auth/<path>` the way Next would, from `address`. */
async function callAuth(method: "GET" | "POST", path: string, options: { address: string; cookie?: string; form?: Record<string, string>; acceptLanguage?: string }): Promise<Response> {
  const headers = new Headers({ "x-forwarded-for": options.address, host: "localhost:3000" });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.acceptLanguage) headers.set("accept-language", options.acceptLanguage);
  if (options.form) headers.set("content-type", "application/x-www-form-urlencoded");
  const request = new NextRequest(`${origin}/api/auth/${path}`, { method, headers, body: options.form ? new URLSearchParams(options.form).toString() : undefined });
  const handler = method === "GET" ? authGet : authPost;
  const { result } = await withCookie(options.cookie ?? "", () => handler(request, { params: Promise.resolve({ nextauth: path.split("/") }) }), headers);
  return result;
}

/** next-auth's CSRF token and its cookie, as its client fetches them before every POST. */
async function csrf(address: string): Promise<{ csrfToken: string; cookie: string }> {
  const response = await callAuth("GET", "csrf", { address });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiesOf(response) };
}

type SignInAnswer = { status: number; retryAfter: string | null; body: { url?: string; error?: { code: string; message: string; retryAfter: number } }; cookie: string };

/** What `signIn("credentials", { redirect: false, email, password })` posts (json=true), and the answer. */
async function signIn(email: string, attempt: string, address: string, options: { json?: boolean; acceptLanguage?: string } = {}): Promise<SignInAnswer> {
  const { csrfToken, cookie } = await csrf(address);
  const form: Record<string, string> = { email, password: attempt, csrfToken, callbackUrl: `${origin}/` };
  if (options.json !== false) form.json = "true";
  const response = await callAuth("POST", "callback/credentials", { address, cookie, form, acceptLanguage: options.acceptLanguage });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get("Retry-After"), body: text ? (JSON.parse(text) as SignInAnswer["body"]) : {}, cookie: cookiesOf(response) };
}

/** The `error` next-auth's client reads from the answer's url and hands the form. */
const clientError = (answer: SignInAnswer) => (answer.body.url ? new URL(answer.body.url).searchParams.get("error") : null);

async function roomStatus(cookie: string, roomId: string): Promise<number> {
  const request = new Request(`${origin}/api/rooms/${roomId}`, { headers: { cookie } });
  const { result } = await withCookie(cookie, () => roomRoute(request, { params: Promise.resolve({ roomId }) }));
  return result.status;
}

describe("sign-in over its limit, through next-auth's route", () => {
  it("answers 401 for each allowed failure, then 429 with Retry-After and the limit's sentence, which next-auth's client passes on", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS", 3);
    const { email } = await kathy();
    for (let index = 0; index < 3; index++) {
      const wrong = await signIn(email, `guess ${index}`, "192.0.2.70");
      expect(wrong.status).toBe(401);
      expect(wrong.retryAfter).toBeNull();
      expect(clientError(wrong)).toBe("CredentialsSignin");
    }
    // Even the right password waits out the pause from the guessing address.
    for (const attempt of ["guess 4", password]) {
      const refused = await signIn(email, attempt, "192.0.2.70");
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.retryAfter);
      expect(retryAfter).toBeGreaterThan(50);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const sentence = /^Too many failed attempts to sign in to this account\. Please try again in \d+ seconds?\.$/;
      expect(clientError(refused)).toMatch(sentence);
      expect(refused.body.error).toMatchObject({ code: "rate_limited", retryAfter });
      expect(refused.body.error?.message).toMatch(sentence);
      expect(refused.cookie).not.toMatch(/session-token/);
    }
  });

  it("says the refusal in the reader's language, in next-auth's url (what the sign-in form shows) as in the wire error", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS", 1);
    const { email } = await kathy();
    expect((await signIn(email, "wrong", "192.0.2.72", { acceptLanguage: "es-ES,es;q=0.9" })).status).toBe(401);
    const refused = await signIn(email, password, "192.0.2.72", { acceptLanguage: "es-ES,es;q=0.9" });
    expect(refused.status).toBe(429);
    expect(clientError(refused)).toBe(refused.body.error?.message);
    expect(clientError(refused)).toMatch(/^Ha habido demasiados intentos fallidos/);
  });

  it("never locks Kathy out: she signs in from her own address during the pause, and from the guessing one once it runs out", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS", 2);
    const { email } = await kathy();
    for (let index = 0; index < 2; index++) expect((await signIn(email, "wrong", "192.0.2.71")).status).toBe(401);
    expect((await signIn(email, password, "192.0.2.71")).status).toBe(429);

    const home = await signIn(email, password, "192.0.2.11");
    expect(home.status).toBe(200);
    expect(home.cookie).toMatch(/next-auth\.session-token=/);

    // The pause running out, without waiting for it: the address's next sign-in goes through.
    await resetLimit("sign-in:account-address", limitKey(email.toLowerCase(), "192.0.2.71"));
    expect((await signIn(email, password, "192.0.2.71")).status).toBe(200);
  });

  it("counts failures as authorize does: a success gives the pair its allowance back", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT_ADDRESS", 3);
    const { email } = await kathy();
    for (let index = 0; index < 2; index++) expect((await signIn(email, "wrong", "192.0.2.72")).status).toBe(401);
    expect((await signIn(email, password, "192.0.2.72")).status).toBe(200);
    for (let index = 0; index < 3; index++) expect((await signIn(email, "wrong", "192.0.2.72")).status).toBe(401);
    expect((await signIn(email, "wrong", "192.0.2.72")).status).toBe(429);
  });

  it("answers a caller that is not next-auth's client (no json=true) 429 with the app's wire error, not a redirect", async () => {
    setLimit("LIMIT_SIGN_IN_FAILURES_PER_ADDRESS", 1);
    const address = `192.0.2.${150 + Math.floor(Math.random() * 100)}`;
    const { email } = await kathy();
    expect((await signIn(email, "wrong", address, { json: false })).status).toBe(302);
    const refused = await signIn(email, "wrong", address, { json: false });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(60 * 59);
    expect(refused.body.error?.message).toMatch(/^Too many failed sign-ins came from your network\. Please try again in 60 minutes\.$/);
  });
});

describe("plain sign-out, through next-auth's route", () => {
  it("ends the session on the server: the cookie, replayed, gets 401 from the API; another session stays", async () => {
    const { email, roomId } = await kathy();
    const laptop = (await signIn(email, password, "192.0.2.12")).cookie;
    const phone = (await signIn(email, password, "192.0.2.13")).cookie;
    expect(await roomStatus(laptop, roomId)).toBe(200);

    // What the header's Sign out button posts: next-auth's client, `signOut({ callbackUrl: "/" })`.
    const { csrfToken, cookie: csrfCookie } = await csrf("192.0.2.12");
    const signedOut = await callAuth("POST", "signout", { address: "192.0.2.12", cookie: `${laptop}; ${csrfCookie}`, form: { csrfToken, callbackUrl: `${origin}/`, json: "true" } });
    expect(signedOut.status).toBe(200);
    expect(signedOut.headers.getSetCookie().join("\n")).toMatch(/next-auth\.session-token=;/);

    expect(await roomStatus(laptop, roomId)).toBe(401);
    expect(await roomStatus(phone, roomId)).toBe(200);
  });
});
