import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type BrowserContext } from "@playwright/test";
import { expect, test, type Account } from "./fixtures";

// Issue 8: sessions end on the server, not only in the browser that asked. "Sign out everywhere"
// (the profile page) ends every session of the account; the header's "Sign out" (next-auth's real
// /api/auth/signout) ends that one. An old cookie then gets 401 from the API.

/** A member of their own, so ending their sessions touches no other test's demo account. */
async function newMember(context: BrowserContext): Promise<Account> {
  const account = { name: "Signs Out", email: `sessions-${randomUUID()}@example.com`, password: "a long enough password" };
  const created = await context.request.post("/api/sign-up", { data: account, headers: { "Content-Type": "application/json" } });
  expect(created.status()).toBe(201);
  return account;
}

/**
 * The status of an API read sent with exactly `cookie` (nothing of a browser's jar): 401 when the
 * session has ended; 404 while it holds, for a room that does not exist (signed-in callers learn
 * only that it is not there).
 */
async function apiStatusWith(baseURL: string | undefined, cookie: string): Promise<number> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  try {
    return (await api.get(`/api/rooms/${randomUUID()}`)).status();
  } finally {
    await api.dispose();
  }
}

/** This context's session cookie as a Cookie header. */
async function sessionCookie(context: BrowserContext): Promise<string> {
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  if (!session) throw new Error("no session cookie");
  return `${session.name}=${session.value}`;
}

test("'Sign out everywhere' in one browser signs the other out at its next navigation, and its API calls get 401", async ({ browser, pageAs, baseURL }) => {
  const setup = await browser.newContext();
  const account = await newMember(setup);
  await setup.close();

  const laptop = await pageAs(account);
  const phone = await pageAs(account);
  const phoneCookie = await sessionCookie(phone.context());
  expect(await phone.request.get(`/api/rooms/${randomUUID()}`).then((response) => response.status())).toBe(404);

  await laptop.goto("/profile");
  const sessions = laptop.getByRole("region", { name: "Where you're signed in" });
  await sessions.getByRole("button", { name: "Sign out everywhere" }).click();
  await laptop.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(sessions.getByRole("status")).toContainText("You're signed out on every device");

  // The phone did nothing: its next page asks it to sign in, its API calls are refused.
  await phone.goto("/profile");
  await expect(phone).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofile$/);
  await expect(phone.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await phone.request.get(`/api/rooms/${randomUUID()}`).then((response) => response.status())).toBe(401);
  expect(await apiStatusWith(baseURL, phoneCookie)).toBe(401);

  // The laptop, too, is signed out, and signing in again works.
  await laptop.goto("/profile");
  await expect(laptop).toHaveURL(/\/sign-in/);
});

test("the header's Sign out ends the session on the server: the old cookie, replayed, gets 401", async ({ browser, pageAs, baseURL }) => {
  const setup = await browser.newContext();
  const account = await newMember(setup);
  await setup.close();

  const page = await pageAs(account);
  const cookie = await sessionCookie(page.context());
  expect(await apiStatusWith(baseURL, cookie)).toBe(404);

  const signedOut = page.waitForResponse((response) => response.url().endsWith("/api/auth/signout") && response.request().method() === "POST");
  await page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
  expect((await signedOut).status()).toBe(200);
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();

  // The browser forgot its cookie; someone who had copied it gets nothing with it.
  expect(await apiStatusWith(baseURL, cookie)).toBe(401);
});
