import { createHmac } from "node:crypto";
import type { Page } from "@playwright/test";
import { accounts, expect, test } from "./fixtures";

// Tommy's settings are changed here and put back at the end of each test, so other specs meet
// the defaults.

/** The secret playwright.config.ts gives the server. */
const serverSecret = "chapterhouse-e2e-test-secret-not-for-production";

/** An unsubscribe link's token, made as lib/email/unsubscribe-token.ts makes them (the test holds the server's secret). */
function unsubscribeToken(userId: string, kinds: string[]): string {
  const key = createHmac("sha256", serverSecret).update("chapterhouse/unsubscribe/v1").digest();
  const payload = Buffer.from(JSON.stringify({ u: userId, k: [...kinds].sort() })).toString("base64url");
  return `${payload}.${createHmac("sha256", key).update(payload).digest("base64url")}`;
}

async function userIdOf(page: Page): Promise<string> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { id?: string } };
  if (!session.user?.id) throw new Error("no session");
  return session.user.id;
}

const settings = (page: Page) => page.getByRole("region", { name: "Notifications and email" });

async function choose(page: Page, kind: string, choice: string): Promise<void> {
  await settings(page).getByRole("group", { name: kind }).getByRole("radio", { name: choice }).check();
}

async function saveSettings(page: Page): Promise<void> {
  await settings(page).getByRole("button", { name: "Save notification settings" }).click();
  await expect(settings(page).getByRole("status")).toHaveText("Saved.");
}

async function restoreDefaults(page: Page): Promise<void> {
  await page.goto("/profile");
  await choose(page, "Replies to you", "Daily digest");
  await choose(page, "Mentions", "Email as it happens");
  await choose(page, "Your reply hidden", "Email as it happens");
  await choose(page, "New meetings", "Daily digest");
  await choose(page, "Meeting reminders", "Email as it happens");
  await saveSettings(page);
}

test("a member chooses, per kind, how notifications reach them, with their browser's time zone", async ({ pageAs }) => {
  const page = await pageAs(accounts.tommy, { timezoneId: "Asia/Tokyo" });
  await page.goto("/profile");
  const region = settings(page);
  await expect(region.getByRole("group", { name: "Mentions" }).getByRole("radio", { name: "Email as it happens" })).toBeChecked();
  await expect(region.getByLabel("Your time zone")).toHaveValue("Asia/Tokyo");
  await expect(region.getByText("From your browser.")).toBeVisible();

  await choose(page, "Mentions", "Nothing");
  await choose(page, "Meeting reminders", "Daily digest");
  await region.getByLabel("Your time zone").selectOption("America/New_York");
  await saveSettings(page);

  await page.setViewportSize({ width: 1280, height: 900 });
  await region.screenshot({ path: "test-results/email-settings-1280.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await region.screenshot({ path: "test-results/email-settings-390.png" });

  await page.reload();
  await expect(region.getByRole("group", { name: "Mentions" }).getByRole("radio", { name: "Nothing" })).toBeChecked();
  await expect(region.getByRole("group", { name: "Meeting reminders" }).getByRole("radio", { name: "Daily digest" })).toBeChecked();
  await expect(region.getByLabel("Your time zone")).toHaveValue("America/New_York");
  await expect(region.getByText("From your browser.")).toHaveCount(0);

  await restoreDefaults(page);
});

test("an unsubscribe link works signed out, and only its button changes anything", async ({ pageAs, browser }) => {
  const tommy = await pageAs(accounts.tommy);
  const token = unsubscribeToken(await userIdOf(tommy), ["mention"]);
  const stranger = await browser.newContext();
  try {
    const page = await stranger.newPage();
    await page.goto(`/unsubscribe/${token}`);
    await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe from these emails?" })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "Mentions" })).toBeVisible();
    // Opening it again (as a mail scanner would) still asks.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe from these emails?" })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: "test-results/unsubscribe-390.png", fullPage: true });

    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "You're unsubscribed" })).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: "test-results/unsubscribed-1280.png", fullPage: true });

    await tommy.goto("/profile");
    await expect(settings(tommy).getByRole("group", { name: "Mentions" }).getByRole("radio", { name: "In the app only" })).toBeChecked();
    await expect(settings(tommy).getByRole("group", { name: "Replies to you" }).getByRole("radio", { name: "Daily digest" })).toBeChecked();

    // One character of the signature changed, always to a different one.
    const tampered = `${token.slice(0, -3)}${token.at(-3) === "A" ? "B" : "A"}${token.slice(-2)}`;
    await page.goto(`/unsubscribe/${tampered}`);
    await expect(page.getByRole("heading", { level: 1, name: "This link isn't valid" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Sign in and choose what reaches your inbox" })).toHaveAttribute("href", "/profile#notifications");

    // Signed in, the member is not told to sign in: the link just says where to choose.
    await tommy.goto(`/unsubscribe/${tampered}`);
    await expect(tommy.getByRole("heading", { level: 1, name: "This link isn't valid" })).toBeVisible();
    await expect(tommy.getByText(/sign in/i)).toHaveCount(0);
    await expect(tommy.getByRole("link", { name: "Choose what reaches your inbox on your profile" })).toHaveAttribute("href", "/profile#notifications");
    await tommy.setViewportSize({ width: 390, height: 844 });
    await tommy.screenshot({ path: "test-results/unsubscribe-invalid-signed-in-390.png", fullPage: true });
    await tommy.setViewportSize({ width: 1280, height: 800 });
    await tommy.screenshot({ path: "test-results/unsubscribe-invalid-signed-in-1280.png", fullPage: true });
  } finally {
    await stranger.close();
    await restoreDefaults(tommy);
  }
});
