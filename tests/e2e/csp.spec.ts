import type { Page } from "@playwright/test";
import { accounts, clubName, expect, liveStatus, test } from "./fixtures";

// The Content-Security-Policy (proxy.ts) must block nothing the app itself does: every kind of
// page is opened with the policy enforced, and any violation the browser reports, as a
// `securitypolicyviolation` event or a console message, fails the test.

type Violation = { directive: string; blocked: string; page: string };

/** Records every CSP violation on `page`, from both of the browser's channels. */
function watchViolations(page: Page): Violation[] {
  const seen: Violation[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(text)) {
      seen.push({ directive: "console", blocked: text, page: page.url() });
    }
  });
  void page.exposeFunction("reportCspViolation", (violation: Violation) => seen.push(violation));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (violation: Violation) => void }).reportCspViolation;
      report({ directive: event.violatedDirective, blocked: event.blockedURI, page: location.href });
    });
  });
  return seen;
}

/** The first link on the current page whose href matches `pattern`. */
async function linkMatching(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => pattern.test(href));
  if (!found) throw new Error(`no link matching ${pattern} on ${page.url()}`);
  return found;
}

/** Opens `path`, waits for the page's script to settle, and checks it is the page expected. */
async function visit(page: Page, path: string, status = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  await page.waitForLoadState("networkidle");
}

test("no page breaks the Content-Security-Policy, signed in as a moderator or signed out", async ({ browser, pageAs }) => {
  const emily = await pageAs(accounts.emily);
  const violations = watchViolations(emily);

  await visit(emily, "/");
  // The demo club by name: other tests may have made clubs of their own.
  const club = (await emily.getByRole("link", { name: new RegExp(clubName) }).first().getAttribute("href")) ?? "";
  await visit(emily, club);
  await expect(emily.getByRole("heading", { name: clubName })).toBeVisible();
  const room = await linkMatching(emily, /\/rooms\/[0-9a-f-]{36}$/);
  await visit(emily, room);
  // The room's live connection (Socket.IO over a WebSocket) must be allowed by connect-src.
  await expect(liveStatus(emily)).toContainText(/live/i);

  await visit(emily, `${club}/books`);
  const book = await linkMatching(emily, /\/books\/[0-9a-f-]{36}$/);
  for (const path of [book, `${book}/import`, `${book}/questions`, `${book}/edit`, `${club}/books/new`]) await visit(emily, path);
  for (const path of [`${club}/members`, `${club}/invites`, `${club}/meetings`, `${club}/meetings/new`]) await visit(emily, path);
  await visit(emily, `${club}/meetings`);
  const meeting = await linkMatching(emily, /\/meetings\/[0-9a-f-]{36}$/);
  for (const path of [meeting, `${meeting}/edit`, "/calendar", "/notifications", "/profile", "/clubs/new"]) await visit(emily, path);
  await visit(emily, "/no-such-page", 404);

  // Signed out: the account pages, an invite link, an unsubscribe link, and not found.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  const visitorViolations = watchViolations(visitor);
  for (const path of ["/sign-in", "/sign-up", "/invite/not-a-real-invite-token", "/unsubscribe/not-a-real-token"]) await visit(visitor, path);
  await visit(visitor, "/no-such-page", 404);
  await context.close();

  expect([...violations, ...visitorViolations]).toEqual([]);
});

test("every page answer carries its own nonce, and Next's scripts carry it", async ({ request }) => {
  const nonces: string[] = [];
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const response = await request.get("/sign-in");
    const policy = response.headers()["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    nonces.push(nonce ?? "");
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("the policy forbids framing, plugins, foreign form targets and other base URLs", async ({ request }) => {
  const policy = (await request.get("/sign-in")).headers()["content-security-policy"] ?? "";
  for (const directive of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) {
    expect(policy).toContain(directive);
  }
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toContain("unsafe-eval");
});
