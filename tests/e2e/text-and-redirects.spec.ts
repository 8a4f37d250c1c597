import { randomUUID } from "node:crypto";
import { accounts, expect, openRoom, submitSignIn, test } from "./fixtures";

// Issue 8, against the production build through server.ts: malformed paths, the redirect after
// sign-in, and a control character in a reply over real HTTP.

const malformed = ["%E0%A4%A", "%ZZ", "%", "%C0%AF", "%ED%A0%80"];
const shapes = [
  (bad: string) => `/api/rooms/${bad}`,
  (bad: string) => `/api/rooms/${bad}/replies`,
  (bad: string) => `/api/replies/${bad}`,
  (bad: string) => `/api/meetings/${bad}/ics`,
  (bad: string) => `/api/calendar/${bad}`,
  (bad: string) => `/clubs/${bad}`,
  (bad: string) => `/clubs/${bad}/invites`,
  (bad: string) => `/invite/${bad}`,
  (bad: string) => `/${bad}`,
];

test("a path with malformed percent-encoding answers 400 or 404 on every kind of route, never 500", async ({ pageAs }) => {
  const page = await pageAs(accounts.kathy);
  for (const shape of shapes) {
    for (const bad of malformed) {
      const path = shape(bad);
      for (const method of ["GET", "POST"] as const) {
        const response = await page.request.fetch(path, { method, maxRedirects: 0, headers: { "Content-Type": "application/json" }, data: method === "POST" ? "{}" : undefined });
        expect([400, 404], `${method} ${path}`).toContain(response.status());
      }
    }
  }
});

test('a reply body of "a\\u0000b" is a 400 naming the field, not a 500', async ({ pageAs }) => {
  const page = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(page, 1);
  const repliesApi = `/api/rooms/${new URL(roomUrl).pathname.split("/").pop()}/replies`;
  const response = await page.request.post(repliesApi, { data: { body: "a\u0000b", idempotencyKey: randomUUID() } });
  expect(response.status()).toBe(400);
  const { error } = (await response.json()) as { error: { code: string; fields?: Record<string, string> } };
  expect(error.code).toBe("bad_request");
  expect(Object.keys(error.fields ?? {})).toEqual(["body"]);
});

test("signing in from /sign-in?callbackUrl=/%09/evil.example stays on this site", async ({ page, baseURL }) => {
  await page.goto("/sign-in?callbackUrl=/%09/evil.example");
  await submitSignIn(page, accounts.tommy);
  await page.waitForURL((url) => url.pathname === "/" || url.hostname !== new URL(baseURL ?? "").hostname);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
  expect(new URL(page.url()).pathname).toBe("/");
});

test("/sign-in?callbackUrl=/a%0Ab answers the sign-in page, not a 500", async ({ page, baseURL }) => {
  const response = await page.goto("/sign-in?callbackUrl=/a%0Ab");
  expect(response?.status()).toBe(200);
  await submitSignIn(page, accounts.tommy);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
});
