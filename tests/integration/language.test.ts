import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { chooseLanguageAction } from "@/app/actions";
import { POST as authPost, GET as authGet } from "@/app/api/auth/[...nextauth]/route";
import { POST as signUpRoute } from "@/app/api/sign-up/route";
import { saveLocaleAction } from "@/app/profile/actions";
import { getDb } from "@/db/index";
import { readSessionStanding } from "@/db/queries/sessions";
import { users } from "@/db/schema/users";
import { hashPassword } from "@/lib/accounts/passwords";
import { localeCookie } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request";
import { createTestUser } from "./factories";
import { scopeNextAuth, withCookie } from "./request-scope";

// The language a person reads Chapterhouse in (issue 12): the profile's choice beats the footer's
// cookie, which beats the browser's Accept-Language; saving the choice stores it and sets this
// browser's cookie; what the browser asks for is remembered at sign-up, at sign-in and on profile
// saves, for emails (lib/i18n/locales.ts recipientLocale). Through the real actions, routes and
// request locale; only next/headers' request scope and Next's cache are stood in for.

vi.mock("next/headers", () => import("./request-scope"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
beforeAll(() => scopeNextAuth());

const secret = "integration-test-secret-0123456789";

async function sessionCookie(user: { id: string; name: string; email: string }): Promise<string> {
  const sessionVersion = (await readSessionStanding({ userId: user.id }))?.sessionVersion ?? 0;
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email, sessionId: crypto.randomUUID(), sessionVersion }, secret });
  return `next-auth.session-token=${token}`;
}

async function storedLocales(userId: string) {
  const [row] = await getDb().select({ locale: users.locale, browserLocale: users.browserLocale }).from(users).where(eq(users.id, userId));
  if (!row) throw new Error("user missing");
  return row;
}

/** This request's locale, for a request carrying `cookie` and asking for `acceptLanguage`. */
async function localeFor(cookie: string, acceptLanguage: string | null) {
  const headers = new Headers(acceptLanguage ? { "accept-language": acceptLanguage } : {});
  return (await withCookie(cookie, () => requestLocale(), headers)).result;
}

describe("which language a request is answered in", () => {
  it("follows Accept-Language when nothing was chosen (es-MX is Spanish, pt is English)", async () => {
    expect(await localeFor("", "es-MX,es;q=0.9")).toBe("es");
    expect(await localeFor("", "pt-BR")).toBe("en");
    expect(await localeFor("", null)).toBe("en");
  });

  it("signed out, the footer's cookie beats Accept-Language", async () => {
    expect(await localeFor(`${localeCookie}=es`, "en-US")).toBe("es");
    expect(await localeFor(`${localeCookie}=en`, "es-ES")).toBe("en");
    // A cookie that is not one of our languages is ignored.
    expect(await localeFor(`${localeCookie}=fr`, "es-ES")).toBe("es");
  });

  it("signed in, the profile's choice beats the cookie and Accept-Language", async () => {
    const user = await createTestUser("Lang");
    await getDb().update(users).set({ locale: "es" }).where(eq(users.id, user.id));
    const session = await sessionCookie(user);
    expect(await localeFor(`${session}; ${localeCookie}=en`, "en-US")).toBe("es");
    await getDb().update(users).set({ locale: null }).where(eq(users.id, user.id));
    expect(await localeFor(`${session}; ${localeCookie}=en`, "es-ES")).toBe("en");
    expect(await localeFor(session, "es-ES")).toBe("es");
  });
});

describe("saving the language", () => {
  it("the profile's choice is stored, sets this browser's cookie and remembers the browser's language; 'the browser's' clears both", async () => {
    const user = await createTestUser("Lang");
    const session = await sessionCookie(user);
    const headers = new Headers({ "accept-language": "es-AR,es;q=0.9" });

    const chosen = await withCookie(session, () => saveLocaleAction({ locale: "en" }), headers);
    expect(chosen.result).toEqual({ ok: true, data: { locale: "en" } });
    expect(await storedLocales(user.id)).toEqual({ locale: "en", browserLocale: "es" });
    expect(chosen.cookies.get(localeCookie)).toBe("en");
    expect(await localeFor(session, "es-AR")).toBe("en");

    const browser = await withCookie(`${session}; ${localeCookie}=en`, () => saveLocaleAction({ locale: null }), headers);
    expect(browser.result).toEqual({ ok: true, data: { locale: null } });
    expect((await storedLocales(user.id)).locale).toBeNull();
    expect(browser.cookies.has(localeCookie)).toBe(false);
    expect(await localeFor(session, "es-AR")).toBe("es");
  });

  it("refuses a language we don't speak, changing nothing", async () => {
    const user = await createTestUser("Lang");
    const session = await sessionCookie(user);
    const { result } = await withCookie(session, () => saveLocaleAction({ locale: "fr" as "en" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("bad_request");
    expect(await storedLocales(user.id)).toEqual({ locale: null, browserLocale: null });
  });

  it("refuses a visitor who is not signed in", async () => {
    const { result } = await withCookie("", () => saveLocaleAction({ locale: "es" }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("unauthorized");
  });

  it("the footer switch sets only the cookie for a visitor, and the profile too for a member", async () => {
    const form = (locale: string) => {
      const data = new FormData();
      data.set("locale", locale);
      return data;
    };
    const visitor = await withCookie("", () => chooseLanguageAction(form("es")));
    expect(visitor.cookies.get(localeCookie)).toBe("es");

    const user = await createTestUser("Lang");
    const member = await withCookie(await sessionCookie(user), () => chooseLanguageAction(form("es")));
    expect(member.cookies.get(localeCookie)).toBe("es");
    expect((await storedLocales(user.id)).locale).toBe("es");

    // Anything else changes nothing.
    const junk = await withCookie(`${localeCookie}=en`, () => chooseLanguageAction(form("xx")));
    expect(junk.cookies.get(localeCookie)).toBe("en");
  });
});

describe("the browser's language is remembered for emails", () => {
  const origin = "http://localhost:3000";

  it("at sign-up", async () => {
    const email = `lang-${crypto.randomUUID().slice(0, 8)}@example.test`;
    const request = new Request(`${origin}/api/sign-up`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, host: "localhost:3000", "accept-language": "es-MX,es;q=0.9,en;q=0.5", "x-forwarded-for": "203.0.113.77" },
      body: JSON.stringify({ name: "Lucía", email, password: "a calm unusual passphrase" }),
    });
    const response = await signUpRoute(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(201);
    const { user } = (await response.json()) as { user: { id: string } };
    expect(await storedLocales(user.id)).toEqual({ locale: null, browserLocale: "es" });
  });

  it("at a credentials sign-in", async () => {
    const user = await createTestUser("Lang");
    const password = "a calm unusual passphrase";
    await getDb().update(users).set({ passwordHash: await hashPassword(password), browserLocale: "en" }).where(eq(users.id, user.id));
    const address = "203.0.113.78";
    const base = { "x-forwarded-for": address, host: "localhost:3000", "accept-language": "es-ES,es;q=0.9" };

    const csrfHeaders = new Headers(base);
    const csrfRequest = new NextRequest(`${origin}/api/auth/csrf`, { headers: csrfHeaders });
    const csrfResponse = (await withCookie("", () => authGet(csrfRequest, { params: Promise.resolve({ nextauth: ["csrf"] }) }), csrfHeaders)).result;
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const cookie = csrfResponse.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");

    const headers = new Headers({ ...base, cookie, "content-type": "application/x-www-form-urlencoded" });
    const body = new URLSearchParams({ email: user.email, password, csrfToken, callbackUrl: `${origin}/`, json: "true" }).toString();
    const request = new NextRequest(`${origin}/api/auth/callback/credentials`, { method: "POST", headers, body });
    const response = (await withCookie(cookie, () => authPost(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) }), headers)).result;
    expect(response.status).toBe(200);
    expect((await storedLocales(user.id)).browserLocale).toBe("es");
  });

  it("when the profile is saved", async () => {
    const user = await createTestUser("Lang");
    const session = await sessionCookie(user);
    await withCookie(session, () => saveLocaleAction({ locale: null }), new Headers({ "accept-language": "es-CO" }));
    expect(await storedLocales(user.id)).toEqual({ locale: null, browserLocale: "es" });
  });
});
