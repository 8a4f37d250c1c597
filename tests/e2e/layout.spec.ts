import { accounts, expect, liveStatus, offlineCapableURL, openRoom, test } from "./fixtures";

// Saved for a person to look at; test-results/ is git-ignored.
const screenshots = "test-results/screenshots";

test("at phone width (390x844) the room page does not scroll sideways and its post buttons are visible", async ({ pageAs }) => {
  const desktop = await pageAs(accounts.kathy);
  const roomUrl = await openRoom(desktop, 1);
  await expect(liveStatus(desktop)).toHaveText("Live");
  await desktop.screenshot({ path: `${screenshots}/room-desktop.png`, fullPage: true });

  const phone = await pageAs(accounts.kathy, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await phone.goto(roomUrl);
  await expect(liveStatus(phone)).toHaveText("Live");
  // Open a reply form on the most deeply nested seeded reply: the narrowest part of the page.
  await phone.getByRole("article", { name: "Reply by Ruth" }).first().getByRole("button", { name: "Reply to Ruth" }).click();
  await expect(phone.getByRole("textbox", { name: "Your reply to Ruth" })).toBeVisible();

  const { scrollWidth, clientWidth } = await phone.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth).toBe(390);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const postButtons = phone.getByRole("button", { name: "Post reply" });
  await expect(postButtons).toHaveCount(2);
  for (const button of [postButtons.first(), postButtons.last()]) {
    await expect(button).toBeVisible();
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(clientWidth);
  }
  await phone.screenshot({ path: `${screenshots}/room-phone.png`, fullPage: true });
});

test("at phone width (390x844) the room page does not scroll sideways while it is offline", async ({ baseURL, pageAs }) => {
  const phone = await pageAs(accounts.kathy, { baseURL: offlineCapableURL(baseURL), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await openRoom(phone, 1);
  await expect(liveStatus(phone)).toHaveText("Live");
  await phone.context().setOffline(true);
  await expect(liveStatus(phone)).toContainText("Offline");
  await phone.screenshot({ path: `${screenshots}/room-phone-reconnecting.png` });

  const { scrollWidth, clientWidth } = await phone.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
});
