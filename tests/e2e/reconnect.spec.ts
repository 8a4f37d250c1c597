import { accounts, expect, liveStatus, offlineCapableURL, openRoom, test, unique } from "./fixtures";

test("a page that lost its live connection shows a reply posted meanwhile, once, when it reconnects", async ({ baseURL, pageAs }) => {
  // Kathy's context goes offline, so it uses 127.0.0.1: see offlineCapableURL.
  const kathy = await pageAs(accounts.kathy, { baseURL: offlineCapableURL(baseURL) });
  const tommy = await pageAs(accounts.tommy);
  const roomPath = new URL(await openRoom(kathy, 3)).pathname;
  await tommy.goto(roomPath);
  await expect(liveStatus(kathy)).toHaveText("Live");
  await expect(liveStatus(tommy)).toHaveText("Live");
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));

  await kathy.context().setOffline(true);
  // The browser's offline event, not only the socket, says so.
  await expect(liveStatus(kathy)).toContainText("Offline");

  const text = unique("Posted while Kathy was offline");
  await tommy.getByRole("textbox", { name: "Your answer" }).fill(text);
  await tommy.getByRole("button", { name: "Post reply" }).click();
  await expect(tommy.getByText(text)).toHaveCount(1);
  await expect(liveStatus(kathy)).toContainText("Offline");
  await expect(kathy.getByText(text)).toHaveCount(0);

  await kathy.context().setOffline(false);
  // Back online, it reconnects at once rather than after Socket.IO's back-off (lib/realtime/client.ts).
  await expect(liveStatus(kathy)).toHaveText("Live", { timeout: 5_000 });
  await expect(kathy.getByText(text)).toHaveCount(1);
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);
});
