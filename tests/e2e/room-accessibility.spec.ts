import { randomUUID } from "node:crypto";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { accounts, expect, liveStatus, openRoom, test, unique } from "./fixtures";

// Issue 12: a room by keyboard and screen reader. Each reply's buttons say whose reply they act
// on, live replies are announced politely and in batches (never read out one by one, never
// moving focus), and posting, replying and the actions menu work with the keyboard alone.
// Question 9 (unread.spec only reads its connection line there).

const question = 9;

/** Posts an answer through the API, marked "No spoilers" so no reader gets it veiled; returns its id. */
async function post(request: APIRequestContext, roomId: string, body: string): Promise<string> {
  const response = await request.post(`/api/rooms/${roomId}/replies`, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ body, parentId: null, idempotencyKey: randomUUID(), spoilerLevel: 0 }),
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { reply: { id: string } }).reply.id;
}

const roomIdOf = (url: string) => new URL(url).pathname.split("/").pop() ?? "";

/** Presses Tab (or Shift+Tab) until `target` has focus (the keyboard's own way there); fails after `most` presses. */
async function tabTo(page: Page, target: Locator, most = 250, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  for (let presses = 0; presses < most; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Whether the focused element draws a focus ring (an outline), as :focus-visible styles it. */
const showsFocusRing = (target: Locator) =>
  target.evaluate((element) => {
    const style = getComputedStyle(element);
    return element.matches(":focus-visible") && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  });

test("each reply's Reply and More actions buttons say whose reply they act on, in English and in Spanish", async ({ pageAs, baseURL }) => {
  const ruth = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(ruth, question);
  const text = unique("Names for Ruth's reply");
  const id = await post(ruth.request, roomIdOf(roomUrl), text);

  // Emily moderates: Ruth's reply offers her a reply and a menu (pin, hide, delete). The link
  // opens the room at the reply, wherever its thread is in the room's pages.
  const emily = await pageAs(accounts.emily);
  await emily.goto(`${new URL(roomUrl).pathname}?reply=${id}`);
  const card = emily.getByRole("article", { name: "Reply by Ruth" }).filter({ hasText: text });
  await expect(card.getByRole("button", { name: "Reply to Ruth", exact: true })).toBeVisible();
  await expect(card.getByRole("button", { name: "More actions for Ruth's reply", exact: true })).toBeVisible();

  // The footer's language switch is a cookie; the same room in Spanish.
  await emily.context().addCookies([{ name: "chapterhouse-locale", value: "es", url: baseURL ?? "" }]);
  await emily.reload();
  const tarjeta = emily.getByRole("article", { name: "Respuesta de Ruth" }).filter({ hasText: text });
  await expect(tarjeta.getByRole("button", { name: "Responder a Ruth", exact: true })).toBeVisible();
  await expect(tarjeta.getByRole("button", { name: "Más acciones para la respuesta de Ruth", exact: true })).toBeVisible();
});

test("three replies from another member are announced once, as '3 new replies', without moving focus", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  const roomUrl = await openRoom(kathy, question);
  await expect(liveStatus(kathy)).toHaveText("Live");

  // The reply list is not a live region: only the one polite status speaks.
  const announcer = kathy.getByTestId("new-replies-announcement");
  await expect(announcer).toHaveAttribute("role", "status");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  expect(await kathy.locator("ol").first().evaluate((list) => list.closest("[aria-live]:not([aria-live='off'])") === null)).toBe(true);

  // Every text the region ever holds, as a screen reader would be handed it.
  await announcer.evaluate((region) => {
    const said: string[] = [];
    (window as { e2eSaid?: string[] }).e2eSaid = said;
    new MutationObserver(() => {
      const text = region.textContent?.trim() ?? "";
      if (text && said.at(-1) !== text) said.push(text);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });

  // Kathy is writing when they arrive: focus stays in her answer.
  const answer = kathy.getByRole("textbox", { name: "Your answer" });
  await answer.focus();
  await answer.pressSequentially("Thinking");

  const ruth = await pageAs(accounts.ruth);
  const marker = unique("Burst");
  for (let index = 1; index <= 3; index++) await post(ruth.request, roomIdOf(roomUrl), `${marker} ${index}`);

  for (let index = 1; index <= 3; index++) await expect(kathy.getByText(`${marker} ${index}`, { exact: true })).toBeVisible();
  await expect.poll(() => kathy.evaluate(() => (window as { e2eSaid?: string[] }).e2eSaid)).toEqual(["3 new replies"]);
  // Nothing more once the burst is over: not one announcement per reply.
  await kathy.waitForTimeout(2_500);
  expect(await kathy.evaluate(() => (window as { e2eSaid?: string[] }).e2eSaid)).toEqual(["3 new replies"]);
  await expect(answer).toBeFocused();
  await expect(answer).toHaveValue("Thinking");
});

test("a reply is posted, answered and changed with the keyboard alone, with a visible focus ring", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  await openRoom(kathy, question);
  await expect(liveStatus(kathy)).toHaveText("Live");

  // From the top of the page, Tab reaches the answer box.
  await kathy.keyboard.press("Tab");
  const answer = kathy.getByRole("textbox", { name: "Your answer" });
  await tabTo(kathy, answer);
  const text = unique("Typed without a mouse");
  await kathy.keyboard.type(text);
  // Kathy is mid-book: her answer spoils nothing, so "No spoilers".
  await kathy.keyboard.press("Tab");
  const level = kathy.getByRole("combobox", { name: "Spoilers up to" }).first();
  await expect(level).toBeFocused();
  await kathy.keyboard.press("Home");
  await expect(level).toHaveValue("0");
  const postButton = kathy.getByRole("button", { name: "Post reply" }).first();
  await tabTo(kathy, postButton, 5);
  expect(await showsFocusRing(postButton)).toBe(true);
  await kathy.keyboard.press("Enter");

  const card = kathy.getByRole("article", { name: "Reply by Kathy" }).filter({ hasText: text });
  await expect(card).toHaveCount(1);
  await expect(answer).toHaveValue("");

  // Her own reply: Reply, then the reply form takes focus; Enter on "Post reply" posts it. (From
  // the card, as a link to it would focus it: Tab through every reply above would take long.)
  const replyButton = card.getByRole("button", { name: "Reply to Kathy", exact: true });
  await card.focus();
  await tabTo(kathy, replyButton, 20);
  expect(await showsFocusRing(replyButton)).toBe(true);
  await kathy.keyboard.press("Enter");
  const nested = kathy.getByRole("textbox", { name: "Your reply to Kathy" });
  await expect(nested).toBeFocused();
  const answerToSelf = unique("And a second thought");
  await kathy.keyboard.type(answerToSelf);
  await kathy.keyboard.press("Tab");
  await kathy.keyboard.press("Home");
  await tabTo(kathy, card.getByRole("button", { name: "Post reply" }), 5);
  await kathy.keyboard.press("Enter");
  await expect(kathy.getByRole("article", { name: "Reply by Kathy" }).filter({ hasText: answerToSelf })).toHaveCount(1);

  // Edit from the menu: Enter opens it on its first item, Enter picks "Edit", Ctrl+Enter saves.
  const menuButton = card.getByRole("button", { name: "More actions for Kathy's reply", exact: true });
  await replyButton.focus();
  await tabTo(kathy, menuButton, 20, "Shift+Tab");
  expect(await showsFocusRing(menuButton)).toBe(true);
  await kathy.keyboard.press("Enter");
  await expect(card.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await kathy.keyboard.press("Enter");
  const editor = card.getByRole("textbox", { name: "Edit your reply" });
  await expect(editor).toBeFocused();
  await kathy.keyboard.type(" (edited)");
  await kathy.keyboard.press("Control+Enter");
  await expect(card).toContainText(`${text} (edited)`);
});

test("the actions menu opens and moves by keyboard, and Escape closes it and returns focus to its button", async ({ pageAs }) => {
  const ruth = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(ruth, question);
  const text = unique("A reply with a menu");
  const id = await post(ruth.request, roomIdOf(roomUrl), text);
  await ruth.goto(`${new URL(roomUrl).pathname}?reply=${id}`);

  const card = ruth.getByRole("article", { name: "Reply by Ruth" }).filter({ hasText: text });
  const menuButton = card.getByRole("button", { name: "More actions for Ruth's reply", exact: true });
  // The link focuses her reply's card once it is in the page; start from there, or that focus
  // lands after ours and the walk below starts outside the card.
  await expect(card).toBeFocused();
  // From her reply's "Reply" back up the card to its menu button, by keyboard.
  await card.getByRole("button", { name: "Reply to Ruth", exact: true }).focus();
  await tabTo(ruth, menuButton, 20, "Shift+Tab");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");

  await ruth.keyboard.press("Enter");
  const menu = card.getByRole("menu", { name: "More actions for Ruth's reply" });
  await expect(menu).toBeVisible();
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  const items = menu.getByRole("menuitem");
  await expect(items.first()).toBeFocused();
  expect(await showsFocusRing(items.first())).toBe(true);
  await ruth.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await ruth.keyboard.press("End");
  await expect(items.last()).toBeFocused();

  await ruth.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");

  // ArrowDown on the button opens it too.
  await ruth.keyboard.press("ArrowDown");
  await expect(items.first()).toBeFocused();
  await ruth.keyboard.press("Escape");
  await expect(menuButton).toBeFocused();
});
