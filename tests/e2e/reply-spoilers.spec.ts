import { accounts, expect, liveStatus, openRoom, test, unique } from "./fixtures";

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const shots = process.env.E2E_SCREENSHOTS;

test("Ruth's reply about the ending reaches Kathy (chapter 12) live as a veil; she shows it by keyboard, and it stays shown", async ({ pageAs }) => {
  const text = unique("Ruth on the ending: the donations complete");
  const kathy = await pageAs(accounts.kathy);
  const ruth = await pageAs(accounts.ruth, phone);
  // Question 2 reaches nothing in particular: open to both.
  const roomUrl = await openRoom(kathy, 2);
  await ruth.goto(roomUrl);
  await expect(liveStatus(kathy)).toHaveText("Live");
  await expect(liveStatus(ruth)).toHaveText("Live");

  // Ruth has finished: her composer marks the reply as reaching the ending unless she picks less.
  const level = ruth.getByRole("combobox", { name: "Spoilers up to" }).first();
  await expect(level).toHaveValue("10000");
  await ruth.getByRole("textbox", { name: "Your answer" }).fill(text);
  if (shots) await ruth.screenshot({ path: `${shots}/composer-390.png`, fullPage: false });
  await ruth.getByRole("button", { name: "Post reply" }).click();
  await expect(ruth.locator(".reply-body").getByText(text)).toBeVisible();

  // Kathy's page gets the veil, live, and never the text.
  const veil = kathy.getByRole("group", { name: "Spoiler up to the ending" }).last();
  await expect(veil).toBeVisible();
  await expect(kathy.getByText(text)).toHaveCount(0);
  const html = await (await kathy.request.get(roomUrl)).text();
  expect(html).toContain("Spoiler up to the ending");
  expect(html).not.toContain(text);
  if (shots) await kathy.screenshot({ path: `${shots}/reply-veil-1280.png`, fullPage: true });

  // Shown by keyboard: focus "Show", press Enter.
  await veil.getByRole("button", { name: "Show" }).focus();
  await kathy.keyboard.press("Enter");
  await expect(kathy.locator(".reply-body").getByText(text)).toBeVisible();
  await kathy.reload();
  await expect(kathy.locator(".reply-body").getByText(text)).toBeVisible();
});

test("a reply veiled for Kathy lifts live, with no reload, when she says she has read further", async ({ pageAs }) => {
  const text = unique("Part Three: Tommy's rage in the field");
  const ruth = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(ruth, 3);
  await ruth.getByRole("combobox", { name: "Spoilers up to" }).first().selectOption("20");
  await ruth.getByRole("textbox", { name: "Your answer" }).fill(text);
  await ruth.getByRole("button", { name: "Post reply" }).click();
  await expect(ruth.locator(".reply-body").getByText(text)).toBeVisible();

  const kathy = await pageAs(accounts.kathy, phone);
  await kathy.goto(roomUrl);
  await expect(liveStatus(kathy)).toHaveText("Live");
  const veil = kathy.getByRole("group", { name: "Spoiler up to Part Three, chapter 20" });
  await expect(veil).toBeVisible();
  if (shots) await kathy.screenshot({ path: `${shots}/reply-veil-390.png`, fullPage: true });
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));

  // Another tab of hers moves her progress on: this one lifts the veil live.
  const other = await kathy.context().newPage();
  await other.goto(roomUrl);
  await other.getByRole("combobox", { name: "I've read to" }).selectOption("21");
  await expect(kathy.locator(".reply-body").getByText(text)).toBeVisible();
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);
  // Back to where the demo has her, for the other tests.
  await other.getByRole("combobox", { name: "I've read to" }).selectOption("12");
  await expect(other.getByText("Saving…")).toBeHidden();
});
