import { expect, test, unique } from "./fixtures";

// The language switch (issue 12): a visitor's footer choice beats their browser's language; a
// member's profile choice beats both, and the footer saves it too. `<html lang>` follows.

test.use({ locale: "es-ES" });

test("a visitor reads their browser's language, and the footer switch (by keyboard) changes it and marks the current one", async ({ page, context }) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute("aria-current", "true");

  await page.getByRole("button", { name: "English" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("button", { name: "Español" })).not.toHaveAttribute("aria-current", /.*/);
  const cookie = (await context.cookies()).find((c) => c.name === "chapterhouse-locale");
  expect(cookie).toMatchObject({ value: "en", sameSite: "Lax", path: "/" });

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("the footer switch works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-ES", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Crea tu cuenta");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your account");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("a member's profile choice beats their browser's language, and the footer saves it too", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Nombre visible").fill("Lucía");
  await page.getByLabel("Correo electrónico").fill(`${unique("lucia").replace(/\W+/g, "-")}@example.test`);
  await page.getByLabel("Contraseña").fill("a calm unusual passphrase");
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tus clubes" })).toBeVisible();

  await page.goto("/profile");
  await expect(page.getByRole("radio", { name: "El idioma del navegador (ahora, Español)" })).toBeChecked();
  await page.getByRole("radio", { name: "English", exact: true }).check();
  await page.getByRole("button", { name: "Guardar idioma" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The choice is the profile's, not this browser's cookie: without the cookie it still holds.
  await page.context().clearCookies({ name: "chapterhouse-locale" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your profile");
  await expect(page.getByRole("radio", { name: "English", exact: true })).toBeChecked();

  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tu perfil");
  await page.context().clearCookies({ name: "chapterhouse-locale" });
  await page.reload();
  await expect(page.getByRole("radio", { name: "Español", exact: true })).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});
