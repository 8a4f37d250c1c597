import { randomUUID } from "node:crypto";
import { expect, submitSignIn, test } from "./fixtures";

// Issue 8: someone guessing a member's password from one address is paused, and the page says
// so in words, rather than blaming the password again (lib/doors/sign-in-limit.ts, README: Limits).

test("after five wrong passwords from one address, sign-in says to wait instead of 'don't match'", async ({ browser }) => {
  // An account of its own, so the pause touches no other test's demo account.
  const email = `limit-${randomUUID()}@example.com`;
  const context = await browser.newContext();
  try {
    const created = await context.request.post("/api/sign-up", {
      data: { email, name: "Guessed At", password: "a long enough password" },
      headers: { "Content-Type": "application/json" },
    });
    expect(created.status()).toBe(201);

    const page = await context.newPage();
    await page.goto("/sign-in");
    const wrong = { name: "Guessed At", email, password: "not the password at all" };
    // The form's own alert, not Next's route announcer (also role=alert).
    const alert = page.locator("form").getByRole("alert");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await submitSignIn(page, wrong);
      await expect(alert).toContainText("don't match");
    }
    const answer = page.waitForResponse((response) => response.url().endsWith("/api/auth/callback/credentials"));
    await submitSignIn(page, wrong);
    // The route answers 429 with Retry-After (seconds), not next-auth's 401.
    expect((await answer).status()).toBe(429);
    const retryAfter = Number((await answer).headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await expect(alert).toContainText(/Too many failed attempts to sign in to this account\. Please try again in \d+ (second|minute)s?\./);
    await expect(alert).not.toContainText("don't match");
  } finally {
    await context.close();
  }
});
