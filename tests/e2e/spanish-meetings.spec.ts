import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from "@playwright/test";
import postgres from "postgres";
import { accounts, clubName, expect, test, unique, type Account } from "./fixtures";

// A member whose browser asks for Spanish (Accept-Language es-ES, no profile choice, no cookie)
// reads the demo club's next meeting in Spanish and answers "Sí". Signed in through the fixture's
// English form, then the session moves to a Spanish browser: this spec is about the meeting pages.

type SignIn = (context: BrowserContext, account: Account) => Promise<Page>;

/** A context whose browser asks for Spanish, with `account` signed in (through the English form: the session is what matters). */
async function spanishContext(browser: Browser, signIn: SignIn, account: Account, options: BrowserContextOptions = {}) {
  const english = await browser.newContext();
  await signIn(english, account);
  const storageState = await english.storageState();
  await english.close();
  return browser.newContext({ ...options, storageState, locale: "es-ES" });
}

/** "Van (2)" → 2; no "Van" row yet (nobody has answered) → 0. */
async function goingCount(terms: Locator): Promise<number> {
  if ((await terms.count()) === 0) return 0;
  const match = /\((\d+)\)/.exec((await terms.first().textContent()) ?? "");
  return match ? Number(match[1]) : 0;
}

test("a member with a Spanish browser opens the next meeting, answers Sí and is counted, in Spanish", async ({ browser, signIn }) => {
  const context = await spanishContext(browser, signIn, accounts.ruth, { timezoneId: "Europe/Madrid" });
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
    // Links inside sentences ("Suscríbete a tu calendario…") are told apart without colour, among the rest.
    const { violations } = await new AxeBuilder({ page: ruth }).analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
    const answers = ruth.getByRole("group", { name: "¿Vas a venir?" });
    const yes = answers.getByRole("button", { name: "Sí", exact: true });
    // A database kept from an earlier run may already have her "Sí": step back to "Quizá" first.
    if ((await yes.getAttribute("aria-pressed")) === "true") {
      await answers.getByRole("button", { name: "Quizá" }).click();
      await expect(ruth.getByText("Quizá vengas. Puedes cambiarlo cuando quieras.", { exact: true })).toBeVisible();
    }
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

test("in Spanish at 390 px, a meeting happening now fits the column, shows whole initials and does not ask '¿Vas a venir?'", async ({ browser, signIn }) => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  test.skip(!databaseUrl, "Needs E2E_DATABASE_URL (Postgres) to create a meeting that is on now; the PGlite database is held by the server.");
  const sql = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
  let meetingId: string | undefined;
  const contexts: BrowserContext[] = [];
  try {
    const [club] = await sql<{ clubId: string; bookId: string; emilyId: string }[]>`
      select c.id as "clubId", c.current_book_id as "bookId", u.id as "emilyId"
      from clubs c, users u where c.name = ${clubName} and u.email = ${accounts.emily.email}`;
    if (!club) throw new Error("The demo club or Emily is missing: is SEED_DEMO on?");
    const [meeting] = await sql<{ id: string }[]>`
      insert into meetings (club_id, book_id, title, starts_at, time_zone, duration_minutes, created_by_id)
      values (${club.clubId}, ${club.bookId}, ${unique("En directo")}, now() - interval '10 minutes', 'Europe/Madrid', 90, ${club.emilyId})
      returning id`;
    meetingId = meeting!.id;
    const room = await sql<{ id: string }[]>`select id from rooms where book_id = ${club.bookId} and position = 1`;
    await sql`insert into meeting_agenda (meeting_id, room_id, position) values (${meetingId}, ${room[0]!.id}, 1)`;
    const path = `/clubs/${club.clubId}/meetings/${meetingId}`;

    const ruthContext = await spanishContext(browser, signIn, accounts.ruth);
    contexts.push(ruthContext);
    await (await ruthContext.newPage()).goto(path);
    const kathyContext = await spanishContext(browser, signIn, accounts.kathy, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    contexts.push(kathyContext);
    const kathy = await kathyContext.newPage();
    await kathy.goto(path);

    await expect(kathy.getByText("Reunión en directo", { exact: true })).toBeVisible();
    await expect(kathy.getByText("En curso", { exact: true })).toBeVisible();
    await expect(kathy.getByRole("heading", { name: "¿Vas a venir?" })).toHaveCount(0);
    await expect(kathy.getByRole("group", { name: "¿Vas a venir?" })).toHaveCount(0);
    await expect(kathy.getByRole("heading", { name: "Quién está aquí" })).toBeVisible();
    await expect(kathy.locator("p").filter({ hasText: /^Aquí ahora:/ })).toContainText("Ruth");
    // Each avatar shows its initials whole: the next one does not cover them.
    const clipped = await kathy.locator("[aria-hidden] > span.rounded-full").evaluateAll((avatars) =>
      avatars.slice(0, -1).flatMap((avatar, index) => {
        const range = document.createRange();
        range.selectNodeContents(avatar);
        return range.getBoundingClientRect().right > avatars[index + 1]!.getBoundingClientRect().left ? [avatar.textContent] : [];
      }),
    );
    expect(clipped).toEqual([]);
    const { scrollWidth, clientWidth } = await kathy.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const main = (await kathy.locator("main").boundingBox())!;
    for (const box of await kathy.locator("main section, main [class*='rounded-lg']").evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(main.x - 0.5);
      expect(box.right).toBeLessThanOrEqual(main.x + main.width + 0.5);
    }
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    if (meetingId) await sql`delete from meetings where id = ${meetingId}`;
    await sql.end();
  }
});
