import { randomUUID } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import { accounts, expect, openRoom, test } from "./fixtures";

// Issue 8: a 200-deep chain of replies made the room page fail hydration (React #418). Replies
// now nest at most 8 levels; deeper ones sit under the deepest allowed ancestor and say whom they
// answer (lib/discussion/depth.ts). Built through the real API, read in the real browser.

test("a 200-reply chain, each answering the last, renders without errors and says whom the deep ones answer", async ({ pageAs }) => {
  const page = await pageAs(accounts.tommy);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  // Question 7: no other test posts there.
  const roomUrl = await openRoom(page, 7);
  const roomId = new URL(roomUrl).pathname.split("/").pop() ?? "";

  let parentId: string | null = null;
  const marker = `deep-${randomUUID().slice(0, 8)}`;
  for (let level = 1; level <= 200; level++) {
    const response: APIResponse = await page.request.post(`/api/rooms/${roomId}/replies`, {
      headers: { "content-type": "application/json" },
      data: JSON.stringify({ body: `${marker} level ${level}`, parentId, idempotencyKey: randomUUID() }),
    });
    expect(response.status(), `level ${level}`).toBe(201);
    parentId = ((await response.json()) as { reply: { id: string } }).reply.id;
  }

  // The room shows a thread's first replies and pages the rest: a link to the last one opens its chain.
  await page.goto(`${roomUrl}?reply=${parentId}`);
  await expect(page.getByText(`${marker} level 200`, { exact: true })).toBeVisible();
  await expect(page.getByText(/Replying to Tommy/).first()).toBeVisible();
  // Nesting stops: no reply card sits more than 8 articles deep.
  const deepest = await page.locator("article").evaluateAll((articles) =>
    Math.max(...articles.map((article) => {
      let depth = 0;
      for (let node = article.parentElement; node; node = node.parentElement) if (node.tagName === "ARTICLE") depth++;
      return depth;
    })),
  );
  expect(deepest).toBeLessThan(8);
  expect(errors).toEqual([]);
});
