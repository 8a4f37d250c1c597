// The screenshots in docs/screenshots/ and the README: the main pages in English and Spanish at
// desktop (1280) and phone (390) widths, as the demo club's owner Emily sees them (so the
// moderators' pages are there too), and the signed-out pages. Run against a server
// that seeded the demo (`npm run dev`, or `npm start` after a build):
//
//   BASE_URL=http://localhost:3000 npx tsx scripts/docs-screenshots.ts
//
// Not a test (it asserts nothing); the e2e suite checks these pages.
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";

const baseURL = process.env.BASE_URL ?? "http://localhost:3000";
const outDir = new URL("../docs/screenshots/", import.meta.url).pathname;
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const widths = [
  { name: "1280", viewport: { width: 1280, height: 900 } },
  { name: "390", viewport: { width: 390, height: 844 } },
];
// Each language shows the demo club that talks in it.
const languages = [
  { name: "en", locale: "en-US", club: /The Hailsham Circle/ },
  { name: "es", locale: "es-ES", club: /Veladas de Hailsham/ },
];

async function signIn(page: Page): Promise<void> {
  await page.goto(`${baseURL}/sign-in`);
  await page.locator('input[name="email"]').fill("emily@example.com");
  await page.locator('input[name="password"]').fill("never-let-me-go");
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(`${baseURL}/`);
}

/** The pages to show, found by following links as a member would (ids differ per database). */
async function pages(page: Page, clubName: RegExp): Promise<Array<{ name: string; url: string }>> {
  await page.goto(`${baseURL}/`);
  const clubs = page.locator('main a[href^="/clubs/"]:not([href="/clubs/new"])');
  const named = clubs.filter({ hasText: clubName });
  const club = await ((await named.count()) > 0 ? named : clubs).first().getAttribute("href");
  if (!club) throw new Error("No club on the home page: did the server seed the demo?");
  await page.goto(baseURL + club);
  const room = await page.locator('a[href*="/rooms/"]').first().getAttribute("href");
  await page.goto(`${baseURL}${club}/meetings`);
  const meeting = await page.locator('main a[href*="/meetings/"]:not([href$="/new"])').first().getAttribute("href").catch(() => null);
  return [
    { name: "home", url: "/" },
    { name: "club", url: club },
    ...(room ? [{ name: "room", url: room }] : []),
    { name: "books", url: `${club}/books` },
    { name: "meetings", url: `${club}/meetings` },
    ...(meeting ? [{ name: "meeting", url: meeting }] : []),
    { name: "meeting-plan", url: `${club}/meetings/new` },
    { name: "members", url: `${club}/members` },
    { name: "invites", url: `${club}/invites` },
    { name: "notifications", url: "/notifications" },
    { name: "profile", url: "/profile" },
  ];
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: existsSync(chromiumPath) ? chromiumPath : undefined, args: ["--no-sandbox"] });
  for (const language of languages) {
    for (const width of widths) {
      const context = await browser.newContext({ locale: language.locale, viewport: width.viewport, reducedMotion: "reduce" });
      const page = await context.newPage();
      for (const [name, url] of [["welcome", "/"], ["sign-up", "/sign-up"], ["sign-in", "/sign-in"]] as const) {
        await page.goto(baseURL + url);
        await page.screenshot({ path: `${outDir}${name}-${language.name}-${width.name}.png` });
      }
      await signIn(page);
      for (const { name, url } of await pages(page, language.club)) {
        await page.goto(baseURL + url);
        await page.waitForLoadState("networkidle");
        await page.screenshot({ path: `${outDir}${name}-${language.name}-${width.name}.png`, fullPage: width.name === "390" ? false : true });
        console.log(`${name}-${language.name}-${width.name}.png`);
      }
      await context.close();
    }
  }
  await browser.close();
}

await main();
