import AxeBuilder from "@axe-core/playwright";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { accounts, clubName, expect, test } from "./fixtures";

// Export (issue 13): the owner downloads the club's discussion as one HTML page from the club's
// settings page; a member has no settings tab nor panel, and takes their own replies from their
// profile; a refused download says why.

test("the owner downloads the club's discussion as one readable HTML file", async ({ pageAs }) => {
  const page = await pageAs(accounts.emily);
  await page.getByRole("link", { name: new RegExp(clubName) }).click();
  await page.waitForURL(/\/clubs\/[^/]+$/);
  await page.getByRole("navigation", { name: "Club" }).getByRole("link", { name: "Settings" }).click();
  await page.waitForURL(/\/settings$/);
  const panel = page.getByRole("region", { name: "Export the discussion" });
  await expect(panel).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("link", { name: "Readable page (HTML)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^the-hailsham-circle-\d{4}-\d{2}-\d{2}\.html$/);
  const saved = path.join(os.tmpdir(), `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(saved);
  const html = await readFile(saved, "utf8");
  expect(html).toContain("<h1>The Hailsham Circle</h1>");
  expect(html).toContain("What stayed with me is how <em>quietly</em> mortality arrives.");
  expect(html).not.toMatch(/<script/i);
  // The page stayed where it was.
  await expect(panel).toBeVisible();

  // Opened from the disk, it reads as a page: the question and the threaded replies, no script needed.
  await page.goto(`file://${saved}`);
  await expect(page.getByRole("heading", { level: 1, name: "The Hailsham Circle" })).toBeVisible();
  await expect(page.getByText("What stayed with me is how")).toBeVisible();
});

test("a member has no export panel, and downloads their own replies from their profile", async ({ pageAs }) => {
  const page = await pageAs(accounts.kathy);
  await page.getByRole("link", { name: new RegExp(clubName) }).click();
  await page.waitForURL(/\/clubs\/[^/]+$/);
  const club = new URL(page.url()).pathname;
  const nav = page.getByRole("navigation", { name: "Club" });
  await expect(nav.getByRole("link", { name: "Members" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  // Neither where the panel used to be nor at the settings address.
  await page.goto(`${club}/members`);
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Export the discussion" })).toHaveCount(0);
  await page.goto(`${club}/settings`);
  await expect(page.getByRole("heading", { level: 1, name: "Only the owner changes the settings" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Export the discussion" })).toHaveCount(0);

  await page.goto("/profile");
  const yourData = page.getByRole("region", { name: "Your data" });
  const [download] = await Promise.all([page.waitForEvent("download"), yourData.getByRole("link", { name: "Your replies (JSON)" }).click()]);
  const document = JSON.parse(await readFile((await download.path()) as string, "utf8")) as { format: string; member: { name: string }; replies: unknown[] };
  expect(document.format).toBe("chapterhouse.own-replies");
  expect(document.member.name).toBe("Kathy");
  expect(document.replies.length).toBeGreaterThan(0);
});

test("past the limit, following a download link shows why instead of failing silently", async ({ pageAs }) => {
  const page = await pageAs(accounts.tommy);
  await page.goto("/profile");
  const yourData = page.getByRole("region", { name: "Your data" });
  await expect(yourData).toBeVisible();
  // Spend Tommy's own-export allowance (six an hour) as a script would; the page's request
  // context shares the browser's session cookie.
  let status = 200;
  for (let tries = 0; tries < 7 && status !== 429; tries += 1) status = (await page.request.get("/api/profile/export?format=json")).status();
  expect(status).toBe(429);

  await yourData.getByRole("link", { name: "Your replies (HTML)" }).click();
  await expect(page.getByRole("alert")).toHaveText(/^You've exported a lot just now\. Try again in \d+ minutes?\.$/);
  await expect(page.getByRole("heading", { level: 1, name: "The export didn't start" })).toBeVisible();
  // A page of its own kind (the route writes it, not the app's layout): checked with axe here.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/export-refused-desktop.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screenshots/export-refused-phone.png" });
  await page.getByRole("link", { name: "Back to your profile" }).click();
  await expect(page.getByRole("region", { name: "Your data" })).toBeVisible();
});
