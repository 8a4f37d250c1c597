import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

/** The demo accounts db/seed.ts creates (SEED_DEMO=true in playwright.config.ts). */
export type Account = { name: string; email: string; password: string };

const demoPassword = "never-let-me-go";
export const accounts = {
  emily: { name: "Emily", email: "emily@example.com", password: demoPassword }, // the club's owner/moderator
  kathy: { name: "Kathy", email: "kathy@example.com", password: demoPassword },
  ruth: { name: "Ruth", email: "ruth@example.com", password: demoPassword },
  tommy: { name: "Tommy", email: "tommy@example.com", password: demoPassword },
} satisfies Record<string, Account>;

export const clubName = "The Hailsham Circle";

/** A string no earlier run or test can have posted. */
export const unique = (label: string) => `${label} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Fills and submits the sign-in form on the current page (/sign-in). */
export async function submitSignIn(page: Page, account: Account): Promise<void> {
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** From the home page: the club, then the room for question `position`. Returns the room's URL. */
export async function openRoom(page: Page, position: number): Promise<string> {
  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(clubName) }).click();
  await page.getByRole("link", { name: new RegExp(`^Question ${position}:`) }).click();
  await expect(page).toHaveURL(/\/clubs\/[^/]+\/rooms\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page.url();
}

/**
 * The same server under 127.0.0.1, for a context whose live connection a test cuts with
 * `context.setOffline(true)`. Chromium's offline emulation does not close a WebSocket that is
 * already open; engine.io-client closes it on the browser's "offline" event, but skips that
 * listener when the page's hostname is exactly "localhost". Under 127.0.0.1 the drop is
 * immediate, and reconnecting stays blocked until the context is back online. (Cookies are per
 * host: sign in within that context, as `pageAs` does.)
 */
export const offlineCapableURL = (baseURL: string | undefined) => (baseURL ?? "").replace("//localhost:", "//127.0.0.1:");

/** The live-connection status line of a room page (the room's other status counts new replies for screen readers). */
export const liveStatus = (page: Page) => page.getByRole("status").filter({ has: page.getByTestId("connection-state") });

type Fixtures = {
  /** Signs `account` in through the real sign-in form in `context` and returns the page, now on "Your clubs". */
  signIn: (context: BrowserContext, account: Account) => Promise<Page>;
  /** A fresh browser context (own cookies, optional `options`) with `account` signed in; closed after the test. */
  pageAs: (account: Account, options?: BrowserContextOptions) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  signIn: async ({}, use) => {
    await use(async (context, account) => {
      const page = await context.newPage();
      await page.goto("/sign-in");
      await submitSignIn(page, account);
      await expect(page.getByRole("heading", { name: "Your clubs" })).toBeVisible();
      return page;
    });
  },
  pageAs: async ({ browser, signIn }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (account, options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return signIn(context, account);
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };
