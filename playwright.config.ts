// End-to-end tests run against the PRODUCTION build through the real custom server
// (`npm start` = node on dist/server.mjs, server.ts with Socket.IO bundled by esbuild). Both parts
// of the build must already exist, `.next` and `dist/server.mjs`: run `npm run build` first
// (scripts/test.sh does this before `playwright test`).
//
// Database: with E2E_DATABASE_URL set (the caller creates and drops a fresh Postgres
// database), the server uses it; otherwise it gets a fresh PGlite folder in the OS temp
// directory. Either way the server seeds the demo club and accounts (db/seed.ts) at start.
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3210";
const baseURL = `http://localhost:${port}`;

// This file is evaluated by the runner and again by every worker: choose the folder once and
// keep it in the environment, which the workers inherit.
process.env.E2E_PGLITE_DIR ??= path.join(os.tmpdir(), `chapterhouse-e2e-${Date.now()}`);

const databaseEnv: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : { PGLITE_DIR: process.env.E2E_PGLITE_DIR };
// Playwright starts the web server with the runner's environment plus `env` below, so a
// DATABASE_URL from the developer's shell would win over PGLITE_DIR: drop it here.
if (!process.env.E2E_DATABASE_URL) delete process.env.DATABASE_URL;

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Use the system Chromium when there is one; otherwise Playwright's own browser.
          executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: "npm start",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    // server.ts closes Socket.IO and the database on SIGTERM (PGlite must be closed cleanly).
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      PORT: port,
      HOST: "127.0.0.1",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "chapterhouse-e2e-test-secret-not-for-production",
      SEED_DEMO: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      // One member builds a 200-reply chain in tests/e2e/deep-thread.spec.ts; the limit itself is
      // tested in tests/integration/limits.test.ts.
      LIMIT_REPLIES_PER_MINUTE: "1000",
      ...databaseEnv,
    },
  },
});
