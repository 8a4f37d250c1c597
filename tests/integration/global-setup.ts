import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { closeDb, migrateDatabase } from "@/db/index";
import { createDatabase, dropDatabase, postgresReachable } from "@/scripts/test-db";

export type TestDatabase = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabase;
  }
}

/**
 * One fresh database per run: a new Postgres database when the server answers (TEST_DB=pglite
 * or no server: a new PGlite folder instead), migrated once here, removed at the end.
 */
export default async function setup(project: TestProject) {
  const usePglite = process.env.TEST_DB === "pglite" || !(await postgresReachable());
  if (usePglite && process.env.TEST_DB !== "pglite") {
    if (process.env.CI) throw new Error("CI needs a Postgres server for the integration tests, and none answered.");
    console.warn("\n  No Postgres server answered: running the database tests on PGlite.\n");
  }

  let database: TestDatabase;
  if (usePglite) {
    database = { kind: "pglite", dir: path.join(await mkdtemp(path.join(os.tmpdir(), "chapterhouse-test-")), "pglite") };
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = database.dir;
  } else {
    database = { kind: "postgres", url: await createDatabase("chapterhouse_test") };
    process.env.DATABASE_URL = database.url;
  }
  await migrateDatabase();
  // PGlite has no file lock: close it here before any test file opens the same folder.
  await closeDb();
  console.log(`  Integration database: ${database.kind === "postgres" ? "Postgres (fresh database)" : "PGlite (fresh folder)"}`);
  project.provide("testDatabase", database);

  return async () => {
    if (database.kind === "postgres") await dropDatabase(database.url);
    else await rm(path.dirname(database.dir), { recursive: true, force: true });
  };
}
