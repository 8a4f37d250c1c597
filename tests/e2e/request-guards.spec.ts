import type { APIRequestContext, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { accounts, expect, openRoom, test, unique } from "./fixtures";

// Writes that did not come from the app's own pages, against the production server with a real
// session cookie: API routes (lib/doors/route.ts) and server actions (proxy.ts).

async function repliesOf(request: APIRequestContext, roomId: string): Promise<string[]> {
  const response = await request.get(`/api/rooms/${roomId}/replies?afterSeq=0`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  return ((await response.json()) as { replies: { bodyHtml: string }[] }).replies.map((reply) => reply.bodyHtml);
}

async function signedInRoom(pageAs: (account: typeof accounts.emily) => Promise<Page>) {
  const page = await pageAs(accounts.emily);
  const roomId = (await openRoom(page, 1)).split("/").pop() ?? "";
  return { page, request: page.request, roomId, origin: new URL(page.url()).origin };
}

test("a cross-site text/plain POST with the member's cookie is refused with 403 and writes nothing", async ({ pageAs }) => {
  const { request, roomId } = await signedInRoom(pageAs);
  const text = unique("forged");
  const response = await request.post(`/api/rooms/${roomId}/replies`, {
    headers: { origin: "https://evil.example", "content-type": "text/plain" },
    data: JSON.stringify({ body: text, parentId: null, idempotencyKey: randomUUID() }),
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect((await repliesOf(request, roomId)).join()).not.toContain(text);
});

test("a same-origin write that is not JSON gets 415, one over 64 KB gets 413, and JSON goes through", async ({ pageAs }) => {
  const { request, roomId, origin } = await signedInRoom(pageAs);
  const text = unique("plain");
  const body = JSON.stringify({ body: text, parentId: null, idempotencyKey: randomUUID() });
  const plain = await request.post(`/api/rooms/${roomId}/replies`, { headers: { origin, "content-type": "text/plain" }, data: body });
  expect(plain.status()).toBe(415);
  const huge = await request.post(`/api/rooms/${roomId}/replies`, {
    headers: { origin, "content-type": "application/json" },
    data: JSON.stringify({ body: "x".repeat(10 * 1024 * 1024), parentId: null, idempotencyKey: randomUUID() }),
  });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.message).toMatch(/64 KB/);
  expect((await repliesOf(request, roomId)).join()).not.toContain(text);

  const json = await request.post(`/api/rooms/${roomId}/replies`, { headers: { origin, "content-type": "application/json" }, data: body });
  expect(json.status()).toBe(201);
  expect((await repliesOf(request, roomId)).join()).toContain(text);
});

/** The id of the profile page's rename action, read from the page's own script (no build files needed). */
async function renameActionId(page: Page): Promise<string> {
  let id = "";
  page.on("request", (sent) => {
    const header = sent.headers()["next-action"];
    if (header) id = header;
  });
  await page.goto("/profile");
  const field = page.getByLabel("Display name", { exact: true });
  await field.fill(accounts.emily.name);
  await page.getByRole("button", { name: /save/i }).first().click();
  await expect.poll(() => id).not.toBe("");
  return id;
}

test("server actions from another site, undecodable or too large get 4xx, never 500", async ({ pageAs }) => {
  const page = await pageAs(accounts.emily);
  const action = await renameActionId(page);
  const origin = new URL(page.url()).origin;
  const post = (headers: Record<string, string>, data: string) =>
    page.request.post("/profile", { headers: { "next-action": action, "content-type": "text/plain;charset=UTF-8", ...headers }, data });

  expect((await post({ origin: "https://evil.example" }, JSON.stringify([{ name: "Forged" }]))).status()).toBe(403);
  for (const body of ["garbage{", "[", "123", "null", '["$Q1"]', '["$h1"]', '["$F1"]']) {
    expect((await post({ origin }, body)).status(), body).toBe(400);
  }
  expect((await post({ origin, "content-type": "multipart/form-data; boundary=xyz" }, "nonsense")).status()).toBe(400);
  expect((await post({ origin }, JSON.stringify([{ name: "x".repeat(600 * 1024) }]))).status()).toBe(413);
  // Still the member's own name: nothing above ran.
  await page.goto("/profile");
  await expect(page.getByRole("link", { name: /Your profile/ })).toContainText(accounts.emily.name);
});

/**
 * POSTs `body` to `url` chunked (Transfer-Encoding: chunked, no Content-Length), in 16 KiB
 * pieces, as a program can and a browser's fetch does not; resolves with the status.
 */
function postChunked(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" }, timeout: 20_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.on("timeout", () => request.destroy(new Error("no answer within 20 s")));
    const bytes = Buffer.from(body);
    for (let offset = 0; offset < bytes.length; offset += 16 * 1024) request.write(bytes.subarray(offset, offset + 16 * 1024));
    request.end();
  });
}

test("a chunked server-action body (no Content-Length) over 512 KB gets 413, not 400 or no answer; one under it goes through", async ({ pageAs }) => {
  const page = await pageAs(accounts.emily);
  const action = await renameActionId(page);
  const url = new URL("/profile", page.url());
  const cookie = (await page.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const headers = { origin: url.origin, cookie, "next-action": action, "content-type": "text/plain;charset=UTF-8" };
  // Just over the limit (proxy.ts sees all of it), past Next's copy of the body (it sees a cut
  // copy), and far past it.
  for (const kib of [513, 700, 10 * 1024]) {
    const body = JSON.stringify([{ name: "x".repeat(kib * 1024) }]);
    expect(await postChunked(url.href, headers, body), `${kib} KiB`).toBe(413);
  }
  expect(await postChunked(url.href, headers, JSON.stringify([{ name: accounts.emily.name }]))).toBe(200);
  await page.goto("/profile");
  await expect(page.getByRole("link", { name: /Your profile/ })).toContainText(accounts.emily.name);
});
