import type { Locator } from "@playwright/test";
import { accounts, clubName, expect, test } from "./fixtures";

// A member whose browser asks for Spanish (Accept-Language es-ES, no profile choice, no cookie)
// reads the demo club's next meeting in Spanish and answers "Sí". Signed in through the fixture's
// English form, then the session moves to a Spanish browser: this spec is about the meeting pages.

/** "Van (2)" → 2; no "Van" row yet (nobody has answered) → 0. */
async function goingCount(terms: Locator): Promise<number> {
  if ((await terms.count()) === 0) return 0;
  const match = /\((\d+)\)/.exec((await terms.first().textContent()) ?? "");
  return match ? Number(match[1]) : 0;
}

test("a member with a Spanish browser opens the next meeting, answers Sí and is counted, in Spanish", async ({ browser, signIn }) => {
  const english = await browser.newContext();
  await signIn(english, accounts.ruth);
  const session = await english.storageState();
  await english.close();

  const context = await browser.newContext({ storageState: session, locale: "es-ES", timezoneId: "Europe/Madrid" });
  try {
    const ruth = await context.newPage();
    await ruth.goto("/");
    await ruth.getByRole("link", { name: new RegExp(clubName) }).first().click();
    await expect(ruth).toHaveURL(/\/clubs\/[^/]+$/);
    await ruth.goto(`${new URL(ruth.url()).pathname}/meetings`);
    await expect(ruth.getByRole("heading", { name: "Reuniones", exact: true, level: 2 })).toBeVisible();
    // The demo's meeting, a week ahead (db/seed.ts).
    await ruth.getByRole("link", { name: "Part One: Hailsham" }).first().click();

    await expect(ruth.getByText("Próxima reunión", { exact: true })).toBeVisible();
    // The date in Spanish words, in the reader's zone, and how far off it is.
    await expect(ruth.locator("time").first()).toHaveText(/^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d{1,2} de [a-z]+ de \d{4}$/);
    await expect(ruth.getByText(/^(dentro de \d+ días|la próxima semana)$/)).toBeVisible();
    await expect(ruth.getByText(/^En tu zona horaria, hora de Europa central \(Europe\/Madrid\)\./)).toBeVisible();

    await expect(ruth.getByRole("heading", { name: "¿Vas a venir?", level: 2 })).toBeVisible();
    const answers = ruth.getByRole("group", { name: "¿Vas a venir?" });
    const yes = answers.getByRole("button", { name: "Sí", exact: true });
    await expect(yes).toHaveAttribute("aria-pressed", "false");
    const goingTerm = ruth.getByRole("term").filter({ hasText: /^Van \(/ });
    const before = await goingCount(goingTerm);

    await yes.click();
    await expect(ruth.getByText("Vas a venir. Puedes cambiarlo cuando quieras.", { exact: true })).toBeVisible();
    await expect(yes).toHaveAttribute("aria-pressed", "true");
    await expect(answers.getByRole("button", { name: "Quizá" })).toHaveAttribute("aria-pressed", "false");
    await expect(answers.getByRole("button", { name: "No", exact: true })).toHaveAttribute("aria-pressed", "false");
    await expect(goingTerm).toHaveText(`Van (${before + 1})`);
    const going = ruth.locator("dl > div").filter({ has: goingTerm });
    await expect(going.getByRole("definition")).toContainText("Ruth");

    // Kept after a reload, and the club's list says so too.
    await ruth.reload();
    await expect(ruth.getByRole("group", { name: "¿Vas a venir?" }).getByRole("button", { name: "Sí", exact: true })).toHaveAttribute("aria-pressed", "true");
    await ruth.getByRole("link", { name: "Reuniones" }).first().click();
    await expect(ruth.getByText(/^Vas a venir/).first()).toBeVisible();
  } finally {
    await context.close();
  }
});
