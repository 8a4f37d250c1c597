import { accounts, expect, liveStatus, openRoom, test, unique } from "./fixtures";

test("a page that lost its live connection shows a reply posted meanwhile, once, when it reconnects", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  const tommy = await pageAs(accounts.tommy);
  const roomUrl = await openRoom(kathy, 3);
  await tommy.goto(roomUrl);
  await expect(liveStatus(kathy)).toHaveText("Live");
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));

  await kathy.context().setOffline(true);
  await expect(liveStatus(kathy)).toContainText("Reconnecting", { timeout: 30_000 });

  const text = unique("Posted while Kathy was offline");
  await tommy.getByRole("textbox", { name: "Your answer" }).fill(text);
  await tommy.getByRole("button", { name: "Post reply" }).click();
  await expect(tommy.getByText(text)).toHaveCount(1);
  await expect(kathy.getByText(text)).toHaveCount(0);

  await kathy.context().setOffline(false);
  await expect(liveStatus(kathy)).toHaveText("Live", { timeout: 20_000 });
  await expect(kathy.getByText(text)).toHaveCount(1);
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);
});
