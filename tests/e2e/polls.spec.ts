import type { Page } from "@playwright/test";
import { accounts, clubName, expect, test, unique } from "./fixtures";

// A next-book vote from start to finish: Emily (the club's owner) opens it in Madrid time, Kathy
// proposes a book, Kathy and Ruth vote for it while Emily watches the count change without a
// reload, and Emily closes the vote and makes the winner the club's current book in one step.

const madrid = { timezoneId: "Europe/Madrid" };
const losAngeles = { timezoneId: "America/Los_Angeles" };
// A Friday in late January: both zones on standard time, 20:00 in Madrid is 11:00 in Los Angeles.
const closeDate = `${new Date().getUTCFullYear() + 1}-01-29`;

async function openPolls(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByRole("link", { name: new RegExp(clubName) }).click();
  await page.getByRole("navigation", { name: "Club" }).getByRole("link", { name: "Polls" }).click();
  await expect(page.getByRole("heading", { name: "Polls", exact: true, level: 2 })).toBeVisible();
}

test("a next-book vote goes from a member's proposal to votes to the club's new current book", async ({ pageAs }) => {
  const question = unique("What do we read after Never Let Me Go?");
  const proposed = unique("Klara and the Sun");

  // Emily opens the vote, closing at 8 pm on a Friday, Madrid time; members may propose books.
  const emily = await pageAs(accounts.emily, madrid);
  await openPolls(emily);
  await emily.getByRole("link", { name: "Open a poll" }).click();
  await expect(emily.getByRole("heading", { name: "Open a poll", level: 1 })).toBeVisible();
  // The form starts in the moderator's or the club's zone (which one depends on what other tests
  // scheduled in the demo club: tests/integration/polls.test.ts checks the rule); the zone list
  // arrives after hydration, so wait for it before choosing from it.
  const zone = emily.getByLabel("Time zone");
  await expect.poll(() => zone.locator("option").count()).toBeGreaterThan(10);
  await zone.selectOption(madrid.timezoneId);
  await expect(zone).toHaveValue(madrid.timezoneId);
  await expect(emily.getByLabel("Vote on the next book")).toBeChecked();
  await emily.getByLabel("Question", { exact: true }).fill(question);
  await emily.getByLabel("Book 1: title").fill("The Remains of the Day");
  await emily.getByLabel("Book 1: author").fill("Kazuo Ishiguro");
  await expect(emily.getByLabel("Members can propose books")).toBeChecked();
  await emily.getByLabel("Day", { exact: true }).fill(closeDate);
  await emily.getByLabel("Time", { exact: true }).fill("20:00");
  await expect(emily.getByText(/^Closes Friday, January 29, \d{4} at 8:00\sPM CET\.$/)).toBeVisible();
  await emily.getByRole("button", { name: "Open the poll" }).click();
  await expect(emily.getByRole("heading", { name: question, level: 1 })).toBeVisible();
  const pollUrl = new URL(emily.url()).pathname;
  expect(pollUrl).toMatch(/\/polls\/[0-9a-f-]{36}$/);

  // Kathy, in Los Angeles, sees the closing time in hers and in Madrid's, and proposes a book.
  const kathy = await pageAs(accounts.kathy, losAngeles);
  await kathy.goto(pollUrl);
  await expect(kathy.getByText(/Closes Friday, January 29 at 11:00\sAM your time \(8:00\sPM in Madrid\)/)).toBeVisible();
  await kathy.getByLabel("Title", { exact: true }).fill(proposed);
  await kathy.getByLabel("Author", { exact: true }).fill("Kazuo Ishiguro");
  await kathy.getByLabel("Link (optional)").fill("https://example.org/klara");
  await kathy.getByRole("button", { name: "Propose this book" }).click();
  await expect(kathy.getByText(`“${proposed}” is on the list.`)).toBeVisible();

  // Emily's open page gets the new book without a reload.
  await expect(emily.getByRole("radio", { name: new RegExp(proposed) })).toBeVisible();

  // Kathy and Ruth vote for it; Emily's count follows live.
  await kathy.getByRole("radio", { name: new RegExp(proposed) }).check();
  await kathy.getByRole("button", { name: "Vote" }).click();
  await expect(kathy.getByText("Your vote is saved.")).toBeVisible();
  const ruth = await pageAs(accounts.ruth, madrid);
  await ruth.goto(pollUrl);
  await ruth.getByRole("radio", { name: new RegExp(proposed) }).check();
  await ruth.getByRole("button", { name: "Vote" }).click();
  await expect(ruth.getByText("Your vote is saved.")).toBeVisible();
  const results = emily.getByRole("region", { name: "Results so far" });
  await expect(results.getByText(`Leading: ${proposed}.`)).toBeVisible();
  await expect(results.getByText(/^2 votes/)).toBeVisible();

  // Emily closes the vote and makes the winner the club's next book in one step.
  await emily.getByRole("button", { name: `Close and make “${proposed}” the club's next book` }).click();
  await expect(emily.getByText(`${proposed} is now the club's book.`)).toBeVisible();
  await expect(emily.getByRole("region", { name: "Results" }).getByText(`Winner: ${proposed}.`)).toBeVisible();
  // Kathy's page hears that it closed: no more voting.
  await expect(kathy.getByText("Voting has closed.")).toBeVisible();

  // The club page now reads the new book.
  await emily.getByRole("link", { name: clubName }).first().click();
  const nowReading = emily.getByRole("region", { name: proposed });
  await expect(nowReading.getByText("Now reading")).toBeVisible();

  // Put the demo club back on Never Let Me Go: the browser tests after this one read its rooms.
  await emily.getByRole("navigation", { name: "Club" }).getByRole("link", { name: "Books" }).click();
  await expect(emily).toHaveURL(/\/books$/);
  await emily.getByRole("main").locator('a[href*="/books/"]').filter({ hasText: "Never Let Me Go" }).first().click();
  await expect(emily.getByRole("heading", { level: 1, name: "Never Let Me Go" })).toBeVisible();
  await emily.getByRole("button", { name: "Make this the current book" }).click();
  await expect(emily.getByRole("button", { name: "Make this the current book" })).toHaveCount(0);
  await emily.getByRole("link", { name: clubName }).first().click();
  await expect(emily.getByRole("region", { name: /Never Let Me Go/ }).getByText("Now reading")).toBeVisible();
});
