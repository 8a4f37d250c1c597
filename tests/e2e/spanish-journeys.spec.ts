import type { Browser, Page } from "@playwright/test";
import { accounts, expect, test, unique, type Account } from "./fixtures";

// Issue 12: the main journeys for a reader whose browser asks for Spanish (Accept-Language es-ES):
// signing in, reading and answering in a room, with a refusal said in Spanish too, and another
// member seeing the answer live. Meetings (spanish-meetings.spec.ts) and guide import
// (spanish-guide-import.spec.ts) have their own Spanish journeys.

const spanishClub = "Veladas de Hailsham";

/** A Spanish browser signed in through the Spanish sign-in form; on "Tus clubes". */
async function signInInSpanish(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext({ locale: "es-ES" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByLabel("Correo electrónico", { exact: true }).fill(account.email);
  await page.getByLabel("Contraseña", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("heading", { name: "Tus clubes" })).toBeVisible();
  return page;
}

test("signing in with a wrong password is refused in Spanish, then the right one opens Tus clubes", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-ES" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page).toHaveTitle(/Iniciar sesión/);
  await page.getByLabel("Correo electrónico", { exact: true }).fill(accounts.ruth.email);
  await page.getByLabel("Contraseña", { exact: true }).fill("not-her-password");
  await page.getByRole("button", { name: "Entrar" }).click();
  // The refusal is a Spanish sentence, and nothing English leaks beside it.
  const alert = page.getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText(/password|email|sign in/i);
  await page.getByLabel("Contraseña", { exact: true }).fill(accounts.ruth.password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("heading", { name: "Tus clubes" })).toBeVisible();
  await context.close();
});

test("a Spanish reader opens the Spanish club's room, is refused an empty answer in Spanish, posts one, and another member sees it live", async ({ browser }) => {
  const kathy = await signInInSpanish(browser, accounts.kathy);
  await kathy.getByRole("link", { name: new RegExp(spanishClub) }).click();
  await expect(kathy.getByRole("heading", { level: 1, name: spanishClub })).toBeVisible();
  await kathy.getByRole("link", { name: /^Pregunta 1:/ }).click();
  await expect(kathy).toHaveURL(/\/rooms\//);
  const roomPath = new URL(kathy.url()).pathname;

  const tommy = await signInInSpanish(browser, accounts.tommy);
  await tommy.goto(roomPath);
  await expect(tommy.getByRole("heading", { level: 1 })).toBeVisible();

  // The demo's Spanish replies are there, in Spanish, with Spanish buttons on them.
  await expect(kathy.getByRole("article").first()).toBeVisible();
  await expect(kathy.getByRole("button", { name: /^Responder a / }).first()).toBeVisible();

  // An empty answer is refused by the server in Spanish (the browser's own "required" check is
  // bypassed by posting whitespace).
  const answer = kathy.getByRole("textbox", { name: "Tu respuesta" });
  await answer.fill("   ");
  await kathy.getByRole("combobox", { name: "Spoilers hasta" }).first().selectOption("0");
  await kathy.getByRole("button", { name: "Publicar respuesta" }).first().click();
  await expect(kathy.getByText("Escribe algo antes de publicar.")).toBeVisible();

  const text = unique("Me quedé pensando en la cinta perdida");
  await answer.fill(text);
  await kathy.getByRole("combobox", { name: "Spoilers hasta" }).first().selectOption("0");
  await kathy.getByRole("button", { name: "Publicar respuesta" }).first().click();
  const mine = kathy.getByRole("article", { name: "Respuesta de Kathy" }).filter({ hasText: text });
  await expect(mine).toHaveCount(1);
  await expect(answer).toHaveValue("");

  // Tommy's open room gets it live, labelled in Spanish; and it is stored (a reload shows it).
  await expect(tommy.getByRole("article", { name: "Respuesta de Kathy" }).filter({ hasText: text })).toHaveCount(1);
  await kathy.reload();
  await expect(kathy.getByRole("article", { name: "Respuesta de Kathy" }).filter({ hasText: text })).toHaveCount(1);

  await kathy.context().close();
  await tommy.context().close();
});
