import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { accounts, clubName, expect, test, unique } from "./fixtures";

// Issue 13: a member deletes their account from the profile page. They are signed out and land
// on the home page with a goodbye; another member sees their reply signed "A former member".

const screenshots = "test-results/screenshots";

test("a member deletes their account: signed out, and their reply stays signed 'A former member'", async ({ browser, pageAs }) => {
  const member = { name: unique("Leaving"), email: `leaving-${randomUUID()}@example.com`, password: "a long enough password" };
  const replyText = unique("I will miss this club");
  let roomUrl = "";

  const emily = await pageAs(accounts.emily);
  await emily.getByRole("link", { name: new RegExp(clubName) }).click();
  await emily.getByRole("navigation", { name: "Club" }).getByRole("link", { name: "Invites" }).click();
  await emily.getByRole("button", { name: "Create invite link" }).click();
  const created = emily.getByRole("status").filter({ hasText: "New invite link ready" });
  const inviteUrl = ((await created.getByRole("code").textContent()) ?? "").trim();

  const context = await browser.newContext();
  try {
    const leaving = await context.newPage();
    await test.step("someone joins through an invite and posts a reply", async () => {
      const signedUp = await context.request.post("/api/sign-up", { data: member, headers: { "Content-Type": "application/json" } });
      expect(signedUp.status()).toBe(201);
      await leaving.goto("/sign-in");
      await leaving.getByLabel("Email", { exact: true }).fill(member.email);
      await leaving.getByLabel("Password", { exact: true }).fill(member.password);
      await leaving.getByRole("button", { name: "Sign in" }).click();
      await expect(leaving.getByRole("heading", { name: "Your clubs" })).toBeVisible();
      await leaving.goto(inviteUrl);
      await leaving.getByRole("button", { name: `Join ${clubName}` }).click();
      await expect(leaving).toHaveURL(/\/clubs\/[^/]+$/);
      await leaving.getByRole("link", { name: /^Question 1:/ }).click();
      await expect(leaving).toHaveURL(/\/rooms\/[^/]+$/);
      roomUrl = leaving.url();
      await leaving.getByRole("textbox", { name: "Your answer" }).fill(replyText);
      await leaving.getByRole("button", { name: "Post reply" }).click();
      await expect(leaving.getByRole("article", { name: `Reply by ${member.name}` })).toContainText(replyText);
    });

    await test.step("a wrong password is refused and nothing happens", async () => {
      await leaving.goto("/profile");
      const section = leaving.getByRole("region", { name: "Delete your account" });
      await expect(section).toContainText("signed “A former member”");
      await section.getByRole("button", { name: "Delete my account…" }).click();
      const dialog = leaving.getByRole("dialog", { name: "Delete your account for good?" });
      await expect(dialog).toBeVisible();
      const axe = await new AxeBuilder({ page: leaving }).include("dialog").analyze();
      expect(axe.violations).toEqual([]);
      await dialog.getByLabel("Your password").fill("not my password");
      await dialog.getByRole("checkbox", { name: "I understand that my account is deleted for good." }).check();
      await leaving.setViewportSize({ width: 390, height: 844 });
      await dialog.getByRole("button", { name: "Delete my account" }).click();
      await expect(dialog.getByText("This isn't your password.")).toBeVisible();
      await leaving.screenshot({ path: `${screenshots}/delete-account-dialog-phone.png` });
      await leaving.setViewportSize({ width: 1280, height: 800 });
    });

    await test.step("the right password deletes the account: signed out, on the home page, with a goodbye", async () => {
      const dialog = leaving.getByRole("dialog", { name: "Delete your account for good?" });
      await dialog.getByLabel("Your password").fill(member.password);
      await dialog.getByRole("button", { name: "Delete my account" }).click();
      await expect(leaving).toHaveURL(/\/$/);
      await expect(leaving.getByRole("status").filter({ hasText: "Your account has been deleted." })).toBeVisible();
      await expect(leaving.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
      await leaving.screenshot({ path: `${screenshots}/delete-account-farewell.png` });
      // The goodbye is said once.
      await leaving.reload();
      await expect(leaving.getByText("Your account has been deleted.")).toHaveCount(0);
      // The old sign-in no longer opens the club.
      await leaving.goto(roomUrl);
      await expect(leaving).toHaveURL(/\/sign-in/);
    });
  } finally {
    await context.close();
  }

  await test.step("another member sees the reply, signed 'A former member'", async () => {
    const kathy = await pageAs(accounts.kathy);
    await kathy.goto(roomUrl);
    const reply = kathy.getByRole("article", { name: "Reply by A former member" }).filter({ hasText: replyText });
    await expect(reply).toHaveCount(1);
    await expect(kathy.locator("main")).not.toContainText(member.name);
  });
});

test("an owner whose club has members is sent to hand it over first, with a link to its Members page", async ({ pageAs }) => {
  const emily = await pageAs(accounts.emily);
  await emily.goto("/profile");
  const section = emily.getByRole("region", { name: "Delete your account" });
  await expect(section.getByRole("heading", { name: "First, hand over your clubs" })).toBeVisible();
  await expect(section.getByRole("button", { name: "Delete my account…" })).toHaveCount(0);
  await section.scrollIntoViewIfNeeded();
  await emily.screenshot({ path: `${screenshots}/delete-account-owner-desktop.png` });
  await emily.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  await emily.screenshot({ path: `${screenshots}/delete-account-owner-phone.png` });
  await section.getByRole("link", { name: `Members of ${clubName}` }).click();
  await expect(emily).toHaveURL(/\/clubs\/[^/]+\/members$/);
});
