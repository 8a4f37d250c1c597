import { accounts, clubName, expect, openRoom, test } from "./fixtures";

const shots = process.env.E2E_SCREENSHOTS;
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

test("Kathy types a word in the club's search box, sees Ruth's reply with the word marked, and opens the room at it", async ({ pageAs }) => {
  // One word nobody else wrote (letters and digits are one word to the search).
  const word = `marshboat${Date.now().toString(36)}`;
  const text = `Kathy and Tommy found the ${word}, stranded in the marsh, and Ruth wanted to see it.`;

  const ruth = await pageAs(accounts.ruth);
  await openRoom(ruth, 2);
  // Nothing in it spoils the book, so Kathy (chapter 12) may find it.
  await ruth.getByRole("combobox", { name: "Spoilers up to" }).first().selectOption("0");
  await ruth.getByRole("textbox", { name: "Your answer" }).fill(text);
  await ruth.getByRole("button", { name: "Post reply" }).click();
  await expect(ruth.locator(".reply-body").getByText(text)).toBeVisible();

  const kathy = await pageAs(accounts.kathy);
  await kathy.getByRole("link", { name: new RegExp(clubName) }).click();
  const box = kathy.getByRole("searchbox", { name: "Search this club" });
  await box.fill(word);
  await box.press("Enter");

  await expect(kathy.getByRole("heading", { level: 1 })).toHaveText(`Results for “${word}”`);
  // The words searched for stay in the box.
  await expect(kathy.getByRole("searchbox", { name: "Search this club" })).toHaveValue(word);
  const result = kathy.getByRole("link").filter({ has: kathy.locator("mark", { hasText: word }) });
  await expect(result).toHaveCount(1);
  await expect(result).toContainText("Ruth");
  await expect(result).toContainText("Question 2");
  // The comma after the marked word sits right after it, with no gap that reads as a space.
  const gap = await result.locator("mark").evaluate((mark) => {
    const word = document.createRange();
    word.selectNodeContents(mark);
    const after = mark.nextSibling?.firstChild ?? mark.nextSibling;
    if (!after) return Number.NaN;
    const comma = document.createRange();
    comma.setStart(after, 0);
    comma.setEnd(after, 1);
    return comma.getBoundingClientRect().left - word.getBoundingClientRect().right;
  });
  expect(Math.abs(gap)).toBeLessThan(0.5);
  if (shots) await kathy.screenshot({ path: `${shots}/search-results-1280.png`, fullPage: true });

  await result.click();
  await expect(kathy).toHaveURL(/\/rooms\/[0-9a-f-]{36}\?reply=[0-9a-f-]{36}$/);
  const card = kathy.getByRole("article", { name: "Reply by Ruth" }).filter({ hasText: word });
  await expect(card).toHaveAttribute("data-highlighted", "true");
  await expect(card).toBeInViewport();
  await expect(card).toBeFocused();
});

test("the search page helps before a search and when nothing is found, in English and Spanish, on a phone", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy, phone);
  await kathy.getByRole("link", { name: new RegExp(clubName) }).click();
  await expect(kathy).toHaveURL(/\/clubs\/[0-9a-f-]{36}$/);
  const clubUrl = new URL(kathy.url()).pathname;

  await kathy.goto(`${clubUrl}/search`);
  await expect(kathy.getByText("Find anything said in this club")).toBeVisible();
  await expect(kathy.getByText(/Put words in quotes/)).toBeVisible();
  if (shots) await kathy.screenshot({ path: `${shots}/search-start-390.png`, fullPage: true });

  await kathy.goto(`${clubUrl}/search?q=${encodeURIComponent("zqxv nothing")}`);
  await expect(kathy.getByRole("status").filter({ hasText: "Nothing found for “zqxv nothing”" })).toBeVisible();
  if (shots) await kathy.screenshot({ path: `${shots}/search-none-390.png`, fullPage: true });

  // Punctuation or symbols alone: the page asks for words (they are not "common words").
  await kathy.goto(`${clubUrl}/search?q=${encodeURIComponent("📚")}`);
  await expect(kathy.getByText("“📚” has no words to look for, only punctuation or symbols. Type a word or two.")).toBeVisible();
  await expect(kathy.getByText(/only very common words/)).toHaveCount(0);

  // A page past the results says there are no more and leads back to the first, whatever its number.
  for (const page of [2, 99]) {
    await kathy.goto(`${clubUrl}/search?q=Hailsham&page=${page}`);
    await expect(kathy.getByRole("status").filter({ hasText: "No more results for “Hailsham”" })).toContainText(`The results end before page ${page}.`);
    await expect(kathy.getByRole("heading", { level: 1 })).toContainText(`page ${page}`);
  }
  if (shots) await kathy.screenshot({ path: `${shots}/search-past-end-390.png`, fullPage: true });
  await kathy.getByRole("link", { name: "See the first page of results" }).click();
  await expect(kathy).toHaveURL(new RegExp(`${clubUrl}/search\\?q=Hailsham$`));
  await expect(kathy.locator("main mark").first()).toBeVisible();

  // A hand-typed query longer than the box allows is cut between words, and the page says so.
  await kathy.goto(`${clubUrl}/search?q=${encodeURIComponent(`${"Hailsham ".repeat(22)}Norfolkmarshes`)}`);
  await expect(kathy.getByText("Your search was longer than 200 characters, so only the words above were searched.")).toBeVisible();
  await expect(kathy.getByRole("heading", { level: 1 })).toHaveText(`Results for “${"Hailsham ".repeat(22).trim()}”`);
  if (shots) await kathy.screenshot({ path: `${shots}/search-shortened-390.png`, fullPage: true });

  await kathy.goto(`${clubUrl}/search?q=Hailsham`);
  await expect(kathy.locator("main mark").first()).toBeVisible();
  // Nothing on the page is wider than the phone.
  expect(await kathy.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  if (shots) await kathy.screenshot({ path: `${shots}/search-results-390.png`, fullPage: true });

  // Tommy reads in Spanish: the footer's language switch sets this cookie (lib/i18n/locales.ts).
  const spanish = await pageAs(accounts.tommy, phone);
  await spanish.context().addCookies([{ name: "chapterhouse-locale", value: "es", url: new URL(spanish.url()).origin }]);
  await spanish.goto(`${clubUrl}/search?q=Hailsham`);
  await expect(spanish.getByRole("heading", { level: 1 })).toHaveText("Resultados de «Hailsham»");
  await expect(spanish.getByRole("searchbox")).toHaveValue("Hailsham");
});
