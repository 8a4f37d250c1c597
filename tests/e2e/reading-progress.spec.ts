import { accounts, clubName, expect, test, unique } from "./fixtures";

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const shots = process.env.E2E_SCREENSHOTS;

test("a member sets how far they've read from the club page on a phone, in two taps", async ({ pageAs }) => {
  // Tommy hasn't said where he is in the demo.
  const page = await pageAs(accounts.tommy, phone);
  await page.getByRole("link", { name: new RegExp(clubName) }).click();
  const progress = page.getByRole("combobox", { name: "I've read to" });
  await expect(progress).toHaveValue("");
  // A native select: one tap opens it, one picks.
  await progress.selectOption({ label: "Part Two, chapter 12" });
  // Saved as it changes, with no button to press: the page says so, politely (a live region).
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByText("Saved.")).toHaveAttribute("aria-live", "polite");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "I've read to" })).toHaveValue("12");
  // The schedule now counts the first meeting's reading (up to the end of Part One) as done.
  await expect(page.getByText("Read ✓")).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/club-390.png`, fullPage: true });
});

test("a room past the reader's progress opens veiled, without its replies in the page, and lifts on request", async ({ pageAs }) => {
  const text = unique("Ruth's thoughts on the ending");
  // Ruth has finished: the ending's room (question 6) is open to her. She posts there.
  const ruth = await pageAs(accounts.ruth);
  await ruth.getByRole("link", { name: new RegExp(clubName) }).click();
  await ruth.getByRole("link", { name: /^Question 6:/ }).click();
  await expect(ruth.getByRole("heading", { name: "This discussion goes further than you've read" })).toBeHidden();
  await ruth.getByRole("textbox", { name: "Your answer" }).fill(text);
  await ruth.getByRole("button", { name: "Post reply" }).click();
  await expect(ruth.locator(".reply-body").getByText(text)).toBeVisible();
  const roomUrl = ruth.url();

  // Kathy is at chapter 12: the room list warns her, and the room opens on a veil.
  const kathy = await pageAs(accounts.kathy);
  await kathy.getByRole("link", { name: new RegExp(clubName) }).click();
  await expect(kathy.getByRole("link", { name: /^Question 6:/ })).toContainText("Goes up to the ending, past where you are");
  if (shots) await kathy.screenshot({ path: `${shots}/club-1280.png`, fullPage: true });
  await kathy.getByRole("link", { name: /^Question 6:/ }).click();
  await expect(kathy.getByRole("heading", { name: "This discussion goes further than you've read" })).toBeVisible();
  await expect(kathy.getByText(text)).toHaveCount(0);
  // Not hidden by the browser: the server never sent it (page HTML and embedded data alike).
  const html = await (await kathy.request.get(roomUrl)).text();
  expect(html).toContain("This discussion goes further than you");
  expect(html).not.toContain(text);
  if (shots) await kathy.screenshot({ path: `${shots}/veil-1280.png`, fullPage: true });

  // By keyboard: the button goes with the veil, and focus moves to the room's title rather than
  // falling to the page.
  await kathy.getByRole("button", { name: "I've read it / show anyway" }).focus();
  await kathy.keyboard.press("Enter");
  await expect(kathy.locator(".reply-body").getByText(text)).toBeVisible();
  await expect(kathy.getByRole("heading", { level: 1 })).toBeFocused();
  await kathy.reload();
  await expect(kathy.locator(".reply-body").getByText(text)).toBeVisible();
  await expect(kathy.getByRole("heading", { name: "This discussion goes further than you've read" })).toHaveCount(0);
});

test("an inline spoiler stays hidden until revealed by keyboard", async ({ pageAs }) => {
  const secret = unique("Tommy completes");
  const page = await pageAs(accounts.ruth);
  await page.getByRole("link", { name: new RegExp(clubName) }).click();
  await page.getByRole("link", { name: /^Question 9:/ }).click();
  await page.getByRole("textbox", { name: "Your answer" }).fill(`I cried when ||${secret}||.`);
  await page.getByRole("button", { name: "Post reply" }).click();
  // Announced as a hidden spoiler, not by its words.
  await expect(page.getByRole("button", { name: "Spoiler, hidden. Press to reveal." }).last()).toBeVisible();
  const spoiler = page.locator("[data-spoiler]").last();
  await expect(spoiler).toHaveAttribute("aria-expanded", "false");
  await spoiler.focus();
  await page.keyboard.press("Enter");
  await expect(spoiler).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: secret })).toBeVisible();
});

test("a link inside a hidden inline spoiler can't be reached by Tab, nor its words heard, until revealed", async ({ pageAs }) => {
  const secret = unique("Ruth completes");
  const page = await pageAs(accounts.ruth);
  await page.getByRole("link", { name: new RegExp(clubName) }).click();
  await page.getByRole("link", { name: /^Question 9:/ }).click();
  await page.getByRole("textbox", { name: "Your answer" }).fill(`Then ||[${secret}](https://example.com/ending)|| and after.`);
  await page.getByRole("button", { name: "Post reply" }).click();
  // Its words are in the DOM (only hidden), so the text finds this reply's spoiler.
  const spoiler = page.locator("[data-spoiler]").filter({ hasText: secret });
  await expect(spoiler).toHaveAttribute("aria-expanded", "false");
  // Tab from the veil goes past it: focusing the link would read out its words (and show its address).
  await spoiler.focus();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("[data-spoiler]") !== null)).toBe(false);
  await expect(page.getByRole("link", { name: secret })).toHaveCount(0);
  // Revealed, the link is an ordinary link again.
  await spoiler.focus();
  await page.keyboard.press("Enter");
  await expect(spoiler).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: secret })).toBeVisible();
});

test("the book page keeps the full summary behind a warning; screenshots at a phone's width", async ({ pageAs }) => {
  // Tommy is at most at chapter 12 (the first test), so the ending's room is still veiled for him.
  const page = await pageAs(accounts.tommy, phone);
  await page.getByRole("link", { name: new RegExp(clubName) }).click();
  await page.getByRole("navigation", { name: "Club" }).getByRole("link", { name: "Books" }).click();
  // Wait for the Books page itself: the club page links its past books too (a next-book vote
  // adopted in another test leaves one), and a click before the navigation lands there.
  await expect(page).toHaveURL(/\/books$/);
  await page.getByRole("main").locator('a[href*="/books/"]').first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Never Let Me Go" })).toBeVisible();
  const summary = page.getByText("Full summary — contains spoilers, ending included");
  await expect(summary).toBeVisible();
  await expect(page.getByText(/deferrals never existed/)).toBeHidden();
  if (shots) await page.screenshot({ path: `${shots}/book-390.png`, fullPage: true });
  await summary.click();
  await expect(page.getByText(/deferrals never existed/)).toBeVisible();

  await page.goto(page.url().replace(/\/books\/.*/, ""));
  await page.getByRole("link", { name: /^Question 6:/ }).click();
  await expect(page.getByRole("heading", { name: "This discussion goes further than you've read" })).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/veil-390.png`, fullPage: true });
});

test("moderators' views: the book's chapters and each question's reach (screenshots)", async ({ pageAs }) => {
  const emily = await pageAs(accounts.emily);
  await emily.getByRole("link", { name: new RegExp(clubName) }).click();
  await emily.getByRole("link", { name: "Manage questions" }).click();
  await expect(emily.getByRole("combobox", { name: "How far question 6 reaches" })).toHaveValue("10000");
  await expect(emily.getByRole("combobox", { name: "How far question 5 reaches" })).toHaveValue("9");
  if (shots) await emily.screenshot({ path: `${shots}/questions-1280.png`, fullPage: true });
  await emily.goto(emily.url().replace(/\/questions$/, "/edit"));
  await expect(emily.getByRole("textbox", { name: "Parts (optional)" })).toHaveValue("Part One, chapters 1–9\nPart Two, chapters 10–17\nPart Three, chapters 18–23");
  if (shots) await emily.screenshot({ path: `${shots}/edit-1280.png`, fullPage: true });
});
