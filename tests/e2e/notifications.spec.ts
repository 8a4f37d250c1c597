import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { accounts, expect, offlineCapableURL, openRoom, test, unique } from "./fixtures";

/** Posts a reply through the API in `page`'s signed-in context; returns its id. */
async function post(page: Page, roomId: string, body: string, parentId: string | null = null): Promise<string> {
  const response = await page.request.post(`/api/rooms/${roomId}/replies`, { data: { body, parentId, idempotencyKey: randomUUID() } });
  expect(response.ok()).toBe(true);
  const json = (await response.json()) as { reply: { id: string } };
  return json.reply.id;
}

const bell = (page: Page) => page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: /^Notifications/ });

test("Ruth answers Kathy while Kathy is on the home page: the bell changes live, and the notification opens the room at Ruth's reply, past the first page of threads", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  const ruth = await pageAs(accounts.ruth);
  const tommy = await pageAs(accounts.tommy);

  // Question 5, with more threads than a room shows at first (40), and Kathy's after them all.
  const roomUrl = await openRoom(tommy, 5);
  const roomId = new URL(roomUrl).pathname.split("/").pop() ?? "";
  for (let index = 0; index < 42; index += 1) await post(tommy, roomId, `Filler thought ${index}`);
  const kathysText = unique("Kathy wonders about the gallery");
  const kathysReply = await post(kathy, roomId, kathysText);

  // Kathy reads her home page; her badge says what it says now.
  await kathy.goto("/");
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));
  const before = Number((await bell(kathy).getAttribute("data-unread")) ?? "0");

  // Ruth opens Kathy's reply (a link to it reveals its thread) and answers it in the page.
  await ruth.goto(`${roomUrl}?reply=${kathysReply}`);
  const kathysCard = ruth.getByRole("article", { name: "Reply by Kathy" }).filter({ hasText: kathysText });
  await expect(kathysCard).toBeInViewport();
  await kathysCard.getByRole("button", { name: "Reply to Kathy" }).click();
  const ruthsText = unique("Ruth answers Kathy");
  await ruth.getByRole("textbox", { name: "Your reply to Kathy" }).fill(ruthsText);
  // Ruth has finished the book; nothing in this answer spoils it, so Kathy (chapter 12) reads it unveiled.
  await kathysCard.getByRole("combobox", { name: "Spoilers up to" }).selectOption("0");
  await kathysCard.getByRole("button", { name: "Post reply" }).click();
  await expect(ruth.getByText(ruthsText)).toHaveCount(1);

  // Kathy's badge changes without a reload.
  await expect(bell(kathy)).toHaveAttribute("data-unread", String(before + 1));
  await expect(bell(kathy)).toHaveAccessibleName(`Notifications, ${before + 1} unread`);
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);

  await bell(kathy).click();
  await expect(kathy.getByRole("heading", { name: "Notifications" })).toBeVisible();
  // Newest first: the line for this reply.
  const line = kathy.getByRole("link", { name: /^Ruth replied to you( twice| \d+ times)? in Question 5$/ }).first();
  await line.click();

  // The room opens at Ruth's reply: its thread shown though it is past the first 40, scrolled to, highlighted, focused.
  await expect(kathy).toHaveURL(/\?reply=/);
  const ruthsCard = kathy.getByRole("article", { name: "Reply by Ruth" }).filter({ hasText: ruthsText });
  await expect(ruthsCard).toHaveAttribute("data-highlighted", "true");
  await expect(ruthsCard).toBeInViewport();
  await expect(ruthsCard).toBeFocused();
  // Opening it marked it read.
  await expect(bell(kathy)).toHaveAttribute("data-unread", String(before));
});

test("an @mention typed with the keyboard alone: '@' offers the members, arrows choose, Enter inserts, and Kathy is notified", async ({ pageAs }) => {
  const ruth = await pageAs(accounts.ruth);
  const kathy = await pageAs(accounts.kathy);
  await openRoom(ruth, 6);
  const before = Number((await bell(kathy).getAttribute("data-unread")) ?? "0");

  const field = ruth.getByRole("textbox", { name: "Your answer" });
  await field.focus();
  const opening = unique("Agreed");
  await field.pressSequentially(`${opening}, @Ka`);
  const list = ruth.getByRole("listbox", { name: "Members to mention" });
  await expect(list).toBeVisible();
  await expect(list.getByRole("option")).toHaveText(["@Kathy"]);
  await expect(field).toHaveAttribute("aria-activedescendant", (await list.getByRole("option").first().getAttribute("id")) ?? "");
  await expect(ruth.getByText(/1 member matches/)).toBeAttached();

  // Escape closes it for this "@"; typing another "@" offers again, and arrows move among several.
  await ruth.keyboard.press("Escape");
  await expect(list).toBeHidden();
  await field.pressSequentially(" and @");
  await expect(list.getByRole("option")).not.toHaveCount(0);
  await expect(list.getByRole("option", { selected: true })).toHaveText("@Emily");
  await ruth.keyboard.press("ArrowDown");
  await expect(list.getByRole("option", { selected: true })).toHaveText("@Kathy");
  await ruth.keyboard.press("Enter");
  await expect(list).toBeHidden();
  await expect(field).toHaveValue(`${opening}, @Ka and @Kathy `);
  await field.pressSequentially("what do you think?");
  await ruth.keyboard.press("Control+Enter");

  // The posted reply shows the mention as a chip; "@Ka" named nobody and stays text.
  const card = ruth.getByRole("article", { name: "Reply by Ruth" }).filter({ hasText: opening });
  await expect(card.locator(".mention")).toHaveText(["@Kathy"]);
  await expect(card).toContainText("@Ka and");
  await expect(bell(kathy)).toHaveAttribute("data-unread", String(before + 1));
});

test("the notifications page follows along: a new reply to Kathy appears on it, and goes when a moderator hides the reply, without a reload", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  const ruth = await pageAs(accounts.ruth);
  const emily = await pageAs(accounts.emily);
  const roomId = new URL(await openRoom(ruth, 8)).pathname.split("/").pop() ?? "";
  const kathysReply = await post(kathy, roomId, unique("Kathy asks about the boathouse"));

  await kathy.goto("/notifications");
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));
  // A line links to its group's newest reply (an earlier run on the same database may have left one for Question 8).
  const lineFor = (replyId: string) => kathy.getByRole("link", { name: /^Ruth replied to you( twice| \d+ times)? in Question 8$/ }).and(kathy.locator(`[href$="?reply=${replyId}"]`));

  const ruthsText = unique("Ruth answers about the boathouse");
  const ruthsReply = await post(ruth, roomId, ruthsText, kathysReply);
  await expect(lineFor(ruthsReply)).toBeVisible();

  const hidden = await emily.request.put(`/api/replies/${ruthsReply}/hidden`, { data: { reason: "Spoiler for the last chapter" } });
  expect(hidden.ok()).toBe(true);
  await expect(lineFor(ruthsReply)).toHaveCount(0);
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);
});

test("the notifications page reads itself again once its live connection comes back: a reply to Kathy made while she was offline shows", async ({ baseURL, pageAs }) => {
  // Kathy's context goes offline, so it uses 127.0.0.1: see offlineCapableURL.
  const kathy = await pageAs(accounts.kathy, { baseURL: offlineCapableURL(baseURL) });
  const ruth = await pageAs(accounts.ruth);
  const roomId = new URL(await openRoom(ruth, 8)).pathname.split("/").pop() ?? "";
  const kathysReply = await post(kathy, roomId, unique("Kathy asks about Norfolk"));

  await kathy.goto("/notifications");
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));
  await kathy.context().setOffline(true);
  const ruthsReply = await post(ruth, roomId, unique("Ruth answers about Norfolk"), kathysReply);
  const line = kathy.getByRole("link", { name: /^Ruth replied to you( twice| \d+ times)? in Question 8$/ }).and(kathy.locator(`[href$="?reply=${ruthsReply}"]`));
  await expect(line).toHaveCount(0);

  await kathy.context().setOffline(false);
  await expect(line).toBeVisible({ timeout: 10_000 });
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);
});
