import { accounts, clubName, expect, test, unique } from "./fixtures";

// The owner's settings page (issue 13 follow-up): the last tab of the club, for the owner only.
// A rename shows at once on the club's pages and the home page; the language lives here now,
// not on the search page.

const shots = process.env.E2E_SCREENSHOTS;
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

test("the owner renames a club on its settings page, and its pages and the home page read the new name at once", async ({ pageAs }) => {
  const emily = await pageAs(accounts.emily);
  const before = unique("Thursday Readers");
  const after = unique("The Cottages");
  await emily.getByRole("link", { name: "Create a club" }).click();
  await emily.getByRole("textbox", { name: "Club name" }).fill(before);
  await emily.getByRole("button", { name: "Create club" }).click();
  await expect(emily.getByRole("heading", { level: 1, name: before })).toBeVisible();
  const club = new URL(emily.url()).pathname;

  // The owner's own tab comes last.
  const nav = emily.getByRole("navigation", { name: "Club" });
  await expect(nav.getByRole("link").last()).toHaveText("Settings");
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(emily).toHaveURL(new RegExp(`${club}/settings$`));
  const about = emily.getByRole("region", { name: "About the club" });

  // A blank name is refused in words, and nothing changes.
  const name = about.getByRole("textbox", { name: "Club name" });
  await name.fill("   ");
  await about.getByRole("button", { name: "Save changes" }).click();
  await expect(name).toHaveAccessibleDescription("Give the club a name.");
  await expect(about.getByRole("alert")).toHaveText("Give the club a name.");
  await expect(emily.getByRole("heading", { level: 1 })).toHaveText(before);

  await name.fill(`  ${after}  `);
  await about.getByRole("textbox", { name: /^Description/ }).fill("We meet on Thursdays, with tea.");
  await about.getByRole("button", { name: "Save changes" }).click();
  await expect(about.getByText("Saved.")).toBeVisible();
  await expect(name).toHaveValue(after);
  await expect(name).toHaveAccessibleDescription("");
  await expect(emily.getByRole("heading", { level: 1 })).toHaveText(after);

  // Through the tabs (the client's cached pages included) and on the home page.
  await nav.getByRole("link", { name: "Discussion" }).click();
  await expect(emily.getByRole("heading", { level: 1 })).toHaveText(after);
  await expect(emily.getByText("We meet on Thursdays, with tea.")).toBeVisible();
  await nav.getByRole("link", { name: "Members" }).click();
  await expect(emily.getByRole("heading", { level: 1 })).toHaveText(after);
  await emily.goto("/");
  await expect(emily.getByRole("link", { name: new RegExp(after) })).toBeVisible();
  await expect(emily.getByRole("link", { name: new RegExp(before) })).toHaveCount(0);

  // The language is set here, and the search page no longer offers it.
  await emily.goto(`${club}/settings`);
  const language = emily.getByRole("region", { name: "Language" });
  await language.getByRole("combobox", { name: "Language of the discussion" }).selectOption("es");
  await language.getByRole("button", { name: "Save language" }).click();
  await expect(language.getByText("Saved: replies are searched in Spanish now.")).toBeVisible();
  await emily.reload();
  await expect(emily.getByRole("region", { name: "Language" }).getByRole("combobox", { name: "Language of the discussion" })).toHaveValue("es");
  await emily.goto(`${club}/search`);
  await expect(emily.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(emily.getByRole("combobox", { name: "Language of the discussion" })).toHaveCount(0);
});

test("the settings page fits a phone and a desktop, in English and in Spanish", async ({ pageAs }) => {
  for (const [language, options] of [
    ["en", {}],
    ["es", {}],
    ["en", phone],
    ["es", phone],
  ] as const) {
    const emily = await pageAs(accounts.emily, options);
    const width = "isMobile" in options ? 390 : 1280;
    await emily.context().addCookies([{ name: "chapterhouse-locale", value: language, url: new URL(emily.url()).origin }]);
    await emily.getByRole("link", { name: new RegExp(clubName) }).click();
    await emily.waitForURL(/\/clubs\/[^/]+$/);
    await emily.goto(`${new URL(emily.url()).pathname}/settings`);
    await expect(emily.getByRole("heading", { level: 1 })).toHaveText(clubName);
    await expect(emily.getByRole("main").getByRole("heading", { level: 2 })).toHaveText(
      language === "en" ? ["About the club", "Language", "Export the discussion"] : ["Sobre el club", "Idioma", "Exportar la conversación"],
    );
    expect(await emily.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (shots) await emily.screenshot({ path: `${shots}/club-settings-${language}-${width}.png`, fullPage: true });
  }
});

test("a member who opens the settings address is told the owner looks after them, and finds the way back", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy, phone);
  await kathy.getByRole("link", { name: new RegExp(clubName) }).click();
  await kathy.waitForURL(/\/clubs\/[^/]+$/);
  const club = new URL(kathy.url()).pathname;
  await kathy.goto(`${club}/settings`);
  await expect(kathy.getByRole("heading", { level: 1 })).toHaveText("Only the owner changes the settings");
  await expect(kathy.getByRole("textbox", { name: "Club name" })).toHaveCount(0);
  if (shots) await kathy.screenshot({ path: `${shots}/club-settings-member-390.png`, fullPage: true });
  await kathy.getByRole("link", { name: "Back to the club" }).click();
  await expect(kathy).toHaveURL(new RegExp(`${club}$`));
  await expect(kathy.getByRole("heading", { level: 1 })).toHaveText(clubName);
});
