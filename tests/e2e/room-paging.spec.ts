import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { accounts, expect, liveStatus, openRoom, test } from "./fixtures";

// Issue 11: a room is read by the page. Question 10 holds more threads than a first screen
// (6) and a thread with more replies than it shows (2): built through the real API, read in
// the real browser. No other test posts in question 10 (reactions-presence.spec only types there).

type Posted = { id: string };

async function post(request: APIRequestContext, roomId: string, body: string, parentId: string | null = null): Promise<Posted> {
  const response = await request.post(`/api/rooms/${roomId}/replies`, {
    headers: { "content-type": "application/json" },
    // No spoilers: the demo members are at different points of the book, and a reply past the reader's would arrive veiled.
    data: JSON.stringify({ body, parentId, idempotencyKey: randomUUID(), spoilerLevel: 0 }),
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { reply: Posted }).reply;
}

const reply = (page: Page, text: string) => page.getByText(text, { exact: true });

test.describe.serial("a room with more than a page of threads and replies", () => {
  const marker = `paging-${randomUUID().slice(0, 6)}`;
  let roomUrl = "";
  let roomId = "";
  const answers: Posted[] = [];
  const roots: Posted[] = [];

  test("opens on its first threads; Show more replies and more threads bring the rest", async ({ pageAs }) => {
    const page = await pageAs(accounts.tommy);
    roomUrl = await openRoom(page, 10);
    roomId = new URL(roomUrl).pathname.split("/").pop() ?? "";
    for (let index = 0; index < 15; index++) roots.push(await post(page.request, roomId, `${marker} thread ${index}`));
    for (let index = 0; index < 20; index++) answers.push(await post(page.request, roomId, `${marker} answer ${index}`, roots[0]!.id));

    await page.goto(roomUrl);
    await expect(reply(page, `${marker} answer 1`)).toBeVisible();
    await expect(reply(page, `${marker} answer 2`)).toHaveCount(0);
    await expect(reply(page, `${marker} thread 5`)).toBeVisible();
    await expect(reply(page, `${marker} thread 6`)).toHaveCount(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    const more = page.getByRole("button", { name: /Show 12 more replies/ });
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/room-paging-1280.png" });

    await more.click();
    await expect(reply(page, `${marker} answer 13`)).toBeVisible();
    await expect(reply(page, `${marker} answer 14`)).toHaveCount(0);
    // The last page, by keyboard: the button goes, and focus moves to the first reply that
    // arrived (answer 14) instead of falling to the page.
    await page.getByRole("button", { name: /Show 6 more replies/ }).focus();
    await page.keyboard.press("Enter");
    await expect(reply(page, `${marker} answer 19`)).toBeVisible();
    await expect(page.getByRole("button", { name: /more replies/ })).toHaveCount(0);
    await expect
      .poll(() => page.evaluate(() => (document.activeElement?.tagName === "ARTICLE" ? (document.activeElement.textContent ?? "") : "")))
      .toContain(`${marker} answer 14`);

    // The next threads load when their button comes near the screen: scrolling to the end is enough.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(reply(page, `${marker} thread 14`)).toBeVisible();
    await expect(page.getByRole("button", { name: /Show more threads/ })).toHaveCount(0);
    // Each thread once.
    await expect(reply(page, `${marker} thread 6`)).toHaveCount(1);
  });

  test("looks calm on a phone", async ({ pageAs }) => {
    const page = await pageAs(accounts.tommy, { viewport: { width: 390, height: 844 } });
    await page.goto(roomUrl);
    const more = page.getByRole("button", { name: /Show 12 more replies/ });
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/room-paging-390.png" });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.screenshot({ path: "test-results/room-paging-390-threads.png" });
    await expect(reply(page, `${marker} thread 14`)).toBeVisible();
  });

  test("a link to a reply past the first screen opens at that reply, highlighted", async ({ pageAs }) => {
    const page = await pageAs(accounts.ruth);
    const late = await post(page.request, roomId, `${marker} late answer`, roots[13]!.id);
    await page.goto(`${roomUrl}?reply=${answers[17]!.id}`);
    const card = page.locator(`#reply-${answers[17]!.id} > article`);
    await expect(card).toHaveAttribute("data-highlighted", "true");
    await expect(card).toBeInViewport();
    await expect(card).toBeFocused();
    await page.goto(`${roomUrl}?reply=${late.id}`);
    await expect(page.locator(`#reply-${late.id} > article`)).toHaveAttribute("data-highlighted", "true");
    await expect(reply(page, `${marker} thread 13`)).toBeVisible();
  });

  test("a live reply from another browser arrives in a loaded thread, and one deeper grows its thread's count", async ({ pageAs }) => {
    const reader = await pageAs(accounts.tommy);
    await reader.goto(roomUrl);
    await expect(liveStatus(reader)).toHaveText(/Live/);
    await expect(reader.getByRole("button", { name: /Show 12 more replies · 18 not shown yet/ })).toBeVisible();
    const writer = await pageAs(accounts.kathy);
    await post(writer.request, roomId, `${marker} live into thread 0`, roots[0]!.id);
    await expect(reply(reader, `${marker} live into thread 0`)).toBeVisible();
    // An answer to a reply not loaded: its thread's count grows instead.
    await post(writer.request, roomId, `${marker} live under answer 19`, answers[19]!.id);
    await expect(reader.getByRole("button", { name: /Show 12 more replies · 19 not shown yet/ })).toBeVisible();
    await expect(reply(reader, `${marker} live under answer 19`)).toHaveCount(0);
  });
});
