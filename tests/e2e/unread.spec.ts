import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { accounts, clubName, expect, liveStatus, offlineCapableURL, openRoom, test, unique } from "./fixtures";

// Saved for a person to look at; test-results/ is git-ignored.
const screenshots = "test-results/screenshots";

const clubCard = (page: Page) => page.getByRole("link", { name: new RegExp(clubName) });

/** From the home page to the club page, and "Mark all as read" if anything is unread there. */
async function markClubRead(page: Page): Promise<void> {
  await page.goto("/");
  await clubCard(page).click();
  await expect(page.getByRole("heading", { name: "Discussion questions" })).toBeVisible();
  const button = page.getByRole("button", { name: "Mark all as read" });
  if (await button.isVisible()) {
    await button.click();
    await expect(button).toBeHidden();
  }
  await expect(page.getByTestId("room-unread").filter({ visible: true })).toHaveCount(0);
}

/** Posts an answer marked "No spoilers" (Ruth has finished; these spoil nothing, and Kathy, at chapter 12, reads them unveiled). */
async function post(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Your answer" }).fill(text);
  const level = page.getByRole("combobox", { name: "Spoilers up to" }).first();
  if ((await level.count()) > 0) await level.selectOption("0");
  await page.getByRole("button", { name: "Post reply" }).click();
  await expect(page.getByText(text)).toHaveCount(1);
}

test("Ruth posts while Kathy is on the home page: Kathy's club count rises without a reload, and the room opens at a divider", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  const ruth = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(ruth, 7);
  const earlier = unique("Read before");
  await post(ruth, earlier);

  await markClubRead(kathy);
  await kathy.goto("/");
  const badge = clubCard(kathy).getByTestId("club-unread");
  await expect(badge).toBeHidden();
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));

  const fresh = unique("New for Kathy");
  await post(ruth, fresh);
  await expect(badge).toBeVisible();
  await expect(badge).toContainText("1 new reply");
  // No reload happened: the mark set on this page is still there.
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);

  await post(ruth, unique("Another for Kathy"));
  await expect(badge).toContainText("2 new replies");
  await kathy.setViewportSize({ width: 1280, height: 800 });
  await kathy.screenshot({ path: `${screenshots}/home-unread-desktop.png` });

  // The club page shows it per room.
  await clubCard(kathy).click();
  const roomLink = kathy.getByRole("link", { name: /^Question 7:/ });
  await expect(roomLink.getByTestId("room-unread")).toContainText("2 new replies");

  // The room opens with the divider above the first reply Kathy has not seen, and a way to jump there.
  // A short window keeps the new replies below the fold: loaded, not yet read.
  await kathy.setViewportSize({ width: 1280, height: 560 });
  const writes: string[] = [];
  kathy.on("request", (request) => {
    if (request.url().endsWith("/read") && request.method() === "PUT") writes.push(request.postData() ?? "");
  });
  await kathy.goto(roomUrl);
  await expect(liveStatus(kathy)).toHaveText("Live");
  await kathy.waitForTimeout(2_500);
  expect(writes).toEqual([]);
  const divider = kathy.getByRole("separator", { name: "New since your last visit" });
  await expect(divider).toHaveCount(1);
  const firstNew = kathy.locator("li", { has: divider }).first();
  await expect(firstNew.getByRole("article").first()).toContainText(fresh);
  // Loaded is not read: nothing is written until a new reply has been on screen.
  const written = kathy.waitForResponse((response) => response.url().endsWith("/read") && response.request().method() === "PUT");
  await kathy.getByRole("button", { name: "Jump to the first new reply (2)" }).click();
  await expect(divider).toBeInViewport();
  await kathy.screenshot({ path: `${screenshots}/room-divider-desktop.png` });
  expect((await written).ok()).toBe(true);
  // Once the first new reply has been seen, the jump has done its work and goes.
  await expect(kathy.getByRole("button", { name: /^Jump to the first new reply/ })).toHaveCount(0);

  // Having been on screen, they are read: the club page's count for the room goes.
  await expect(async () => {
    await kathy.goto(new URL(roomUrl).pathname.replace(/\/rooms\/.*$/, ""));
    await expect(kathy.getByRole("link", { name: /^Question 7:/ }).getByTestId("room-unread")).toBeHidden({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
});

test("the new-replies marker counts only other people's replies, even from the member's other tab", async ({ pageAs }) => {
  // A short window keeps replies arriving at the end below the fold: the marker offers them.
  const kathy = await pageAs(accounts.kathy, { viewport: { width: 1280, height: 480 } });
  const roomUrl = await openRoom(kathy, 8);
  // Scrolled down to read: replies arriving are offered by the marker.
  const second = await kathy.context().newPage();
  await second.goto(roomUrl);
  await expect(liveStatus(kathy)).toHaveText("Live");
  await expect(liveStatus(second)).toHaveText("Live");

  const own = unique("Kathy from her other tab");
  await post(second, own);
  await expect(kathy.getByText(own)).toHaveCount(1);
  await expect(kathy.getByRole("button", { name: /^\d+ new repl/ })).toHaveCount(0);

  const ruth = await pageAs(accounts.ruth);
  await ruth.goto(roomUrl);
  // At the top of the page, with the room's replies below the fold.
  await kathy.evaluate(() => window.scrollTo(0, 0));
  await post(ruth, unique("Ruth's reply"));
  const marker = kathy.getByRole("button", { name: "1 new reply" });
  await expect(marker).toBeVisible();

  // The marker never lies over a reply's text: it sits in the room's bar, above the replies.
  const markerBox = (await marker.boundingBox())!;
  for (const article of await kathy.getByRole("article").all()) {
    const box = await article.boundingBox();
    if (!box) continue;
    const overlaps = markerBox.y < box.y + box.height && box.y < markerBox.y + markerBox.height;
    expect(overlaps).toBe(false);
  }

  // Scrolled to on her own, without the marker, the reply has been seen: the marker drops it.
  await kathy.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(marker).toHaveCount(0);

  // A reply deleted after it arrived is no longer news either.
  await kathy.evaluate(() => window.scrollTo(0, 0));
  const doomed = unique("Ruth's reply she takes back");
  await post(ruth, doomed);
  await expect(marker).toBeVisible();
  const doomedId = await kathy.locator("li[data-reply-id]", { has: kathy.getByRole("article").filter({ hasText: doomed }) }).last().getAttribute("data-reply-id");
  const deleted = await ruth.request.delete(`/api/replies/${doomedId ?? ""}`);
  expect(deleted.ok(), await deleted.text()).toBe(true);
  await expect(kathy.getByText(doomed)).toHaveCount(0);
  await expect(marker).toHaveCount(0);
});

test("a new answer inside an earlier thread is where the divider goes, above a new thread, and each new reply says New", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  const ruth = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(ruth, 4);
  const early = unique("An early thread");
  await post(ruth, early);
  await markClubRead(kathy);

  // Then a new thread, then an answer inside the early one: the answer is shown first.
  const later = unique("A later thread");
  await post(ruth, later);
  const answer = unique("An answer inside the early thread");
  const earlyId = await ruth.locator("li[data-reply-id]", { has: ruth.getByRole("article").filter({ hasText: early }) }).last().getAttribute("data-reply-id");
  const roomId = new URL(roomUrl).pathname.split("/").pop() ?? "";
  const answered = await ruth.request.post(`/api/rooms/${roomId}/replies`, { data: { body: answer, parentId: earlyId, idempotencyKey: randomUUID(), spoilerLevel: 0 } });
  expect(answered.ok(), await answered.text()).toBe(true);

  await kathy.goto(roomUrl);
  await expect(liveStatus(kathy)).toHaveText("Live");
  const divider = kathy.getByRole("separator", { name: "New since your last visit" });
  await expect(divider).toHaveCount(1);
  await expect(kathy.locator("li", { has: divider }).last().getByRole("article").first()).toContainText(answer);
  // Nothing new sits above the divider; both new replies wear the badge, the old one does not.
  const card = (text: string) => kathy.getByRole("article").filter({ hasText: text }).last();
  await expect(card(answer).getByText("New", { exact: true })).toBeVisible();
  await expect(card(later).getByText("New", { exact: true })).toBeVisible();
  await expect(kathy.getByRole("article").filter({ hasText: early }).first().locator("header").getByText("New", { exact: true })).toHaveCount(0);
  await card(answer).scrollIntoViewIfNeeded();
  await kathy.setViewportSize({ width: 1280, height: 800 });
  await kathy.screenshot({ path: `${screenshots}/room-new-badges-1280.png` });
  await kathy.setViewportSize({ width: 390, height: 844 });
  await card(answer).scrollIntoViewIfNeeded();
  await kathy.screenshot({ path: `${screenshots}/room-new-badges-390.png` });
});

for (const width of [1280, 390]) {
  test(`the connection says Offline at once when the browser goes offline, and catches up at once when it is back (${width} px)`, async ({ baseURL, pageAs }) => {
    const phone = width < 600;
    const kathy = await pageAs(accounts.kathy, {
      baseURL: offlineCapableURL(baseURL),
      viewport: { width, height: phone ? 844 : 800 },
      ...(phone ? { isMobile: true, hasTouch: true } : {}),
    });
    const ruth = await pageAs(accounts.ruth);
    const roomUrl = await openRoom(kathy, 9);
    await ruth.goto(new URL(roomUrl).pathname);
    await expect(liveStatus(kathy)).toHaveText("Live");

    await kathy.context().setOffline(true);
    await expect(liveStatus(kathy)).toContainText("Offline", { timeout: 2_000 });
    const status = kathy.getByTestId("connection-state");
    // Readable in full: nothing of the word is cut off.
    expect(await status.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
    await kathy.screenshot({ path: `${screenshots}/room-offline-${width}.png` });

    const text = unique("Posted while Kathy was offline");
    await post(ruth, text);
    await expect(kathy.getByText(text)).toHaveCount(0);
    // Long enough for Socket.IO's reconnection back-off to reach its longest wait (5 s ± 50 %).
    await kathy.waitForTimeout(8_000);
    await expect(liveStatus(kathy)).toContainText("Offline");

    await kathy.context().setOffline(false);
    const back = Date.now();
    await expect(liveStatus(kathy)).toHaveText("Live", { timeout: 5_000 });
    await expect(kathy.getByText(text)).toHaveCount(1);
    // Catch-up starts at once, not after the reconnection back-off (it took ~9.5 s before).
    expect(Date.now() - back).toBeLessThan(3_000);
    const { scrollWidth, clientWidth } = await kathy.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
}

test("the home page and the club page at phone width (390 px) show the counts without scrolling sideways", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await kathy.screenshot({ path: `${screenshots}/home-unread-phone.png` });
  await clubCard(kathy).click();
  await expect(kathy.getByRole("heading", { name: "Discussion questions" })).toBeVisible();
  await kathy.getByRole("heading", { name: "Discussion questions" }).scrollIntoViewIfNeeded();
  await kathy.screenshot({ path: `${screenshots}/club-unread-phone.png` });
  const { scrollWidth, clientWidth } = await kathy.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
});
