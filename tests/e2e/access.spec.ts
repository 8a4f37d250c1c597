import { accounts, expect, openRoom, submitSignIn, test, unique } from "./fixtures";

test("a signed-in non-member gets the not-found page (404) for a room and a 404 from its replies API", async ({ browser, pageAs }) => {
  const member = await pageAs(accounts.kathy);
  const roomUrl = await openRoom(member, 1);
  const roomId = new URL(roomUrl).pathname.split("/").pop()!;
  // The API answers a member, so the 404 below is about membership, not a wrong address.
  expect((await member.request.get(`/api/rooms/${roomId}/replies`)).status()).toBe(200);

  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto("/sign-up");
    await page.getByLabel("Display name", { exact: true }).fill("Outsider");
    await page.getByLabel("Email", { exact: true }).fill(`${unique("outsider").replace(/\W+/g, "-")}@example.com`);
    await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Your clubs" })).toBeVisible();

    const response = await page.goto(roomUrl);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);

    const api = await page.request.get(`/api/rooms/${roomId}/replies`);
    expect(api.status()).toBe(404);
    expect(api.headers()["content-type"]).toContain("application/json");
    expect(await api.json()).toMatchObject({ error: { code: "not_found" } });
  } finally {
    await context.close();
  }
});

test("a signed-out visitor opening a room is sent to sign in and then brought back to that room", async ({ page, pageAs }) => {
  const member = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(member, 1);
  const question = (await member.getByRole("heading", { level: 1 }).textContent()) ?? "";
  expect(question).not.toBe("");

  // `page` has its own, signed-out context.
  await page.goto(roomUrl);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await submitSignIn(page, accounts.ruth);
  await expect(page).toHaveURL(roomUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(question);
  await expect(page.getByRole("textbox", { name: "Your answer" })).toBeVisible();
});
