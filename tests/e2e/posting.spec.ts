import { accounts, expect, openRoom, test, unique } from "./fixtures";

test("posting an empty reply shows an error and posts nothing", async ({ pageAs }) => {
  const page = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(page, 2);
  const repliesApi = `/api/rooms/${new URL(roomUrl).pathname.split("/").pop()}/replies`;
  const countBefore = ((await (await page.request.get(repliesApi)).json()) as { replies: unknown[] }).replies.length;
  const headingBefore = await page.getByRole("heading", { level: 2 }).first().textContent();

  const answer = page.getByRole("textbox", { name: "Your answer" });
  for (const empty of ["", "   \n  "]) {
    await answer.fill(empty);
    await page.getByRole("button", { name: "Post reply" }).click();
    // The message is announced (role=alert) and tied to the field it is about.
    await expect(page.getByRole("alert").filter({ hasText: "Write something before posting." })).toBeVisible();
    await expect(answer).toHaveAttribute("aria-invalid", "true");
    await expect(answer).toHaveAccessibleDescription(/Write something before posting\./);
  }

  const countAfter = ((await (await page.request.get(repliesApi)).json()) as { replies: unknown[] }).replies.length;
  expect(countAfter).toBe(countBefore);
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(headingBefore ?? "");
});

test("a reply renders its Markdown and shows HTML tags as text, running no script", async ({ pageAs }) => {
  const page = await pageAs(accounts.ruth);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openRoom(page, 2);

  const marker = unique("markdown");
  const script = `<script>window.e2eInjected = true; alert("xss")</script>`;
  const img = `<img src="x" onerror="window.e2eInjected = true; alert('xss')">`;
  await page.getByRole("textbox", { name: "Your answer" }).fill(`**Bold ${marker}** then ${script} and ${img}`);
  await page.getByRole("button", { name: "Post reply" }).click();

  const check = async () => {
    const reply = page.getByRole("article", { name: "Reply by Ruth" }).filter({ hasText: marker });
    await expect(reply).toHaveCount(1);
    await expect(reply.locator("strong")).toHaveText(`Bold ${marker}`);
    await expect(reply).toContainText(script);
    await expect(reply).toContainText(img);
    await expect(reply.locator("script")).toHaveCount(0);
    await expect(reply.locator("img")).toHaveCount(0);
    expect(await page.evaluate(() => (window as { e2eInjected?: boolean }).e2eInjected)).toBeUndefined();
  };
  await check(); // as added by the poster's own page
  await page.reload();
  await check(); // as rendered by the server
  expect(dialogs).toEqual([]);
});
