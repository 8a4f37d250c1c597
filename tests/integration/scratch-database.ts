import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { inject } from "vitest";
import { createDatabase, dropDatabase } from "@/scripts/test-db";

// A database of its own for a migration test, of the same kind as the run's (a fresh Postgres
// database, or a PGlite folder), migrated as far as the test asks. The suite's shared database
// is always fully migrated, so tests of one migration's data changes need their own.

export const migrationsFolder = path.resolve("db/migrations");

/** A copy of the migrations folder that stops before the tag given, as a database made then would have. */
export function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), "chapterhouse-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  if (index < 0) throw new Error(`No migration tagged ${tag}`);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

type Query = ReturnType<typeof sql>;
export type ScratchDatabase = {
  db: { execute: (query: Query) => Promise<unknown> };
  migrate: (folder: string) => Promise<void>;
  rows: (query: Query) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
};

export async function openScratchDatabase(): Promise<ScratchDatabase> {
  const database = inject("testDatabase");
  if (database.kind === "postgres") {
    const url = await createDatabase("chapterhouse_migration");
    const client = postgres(url, { max: 1, onnotice: () => {} });
    const db = drizzlePostgres(client);
    return {
      db,
      migrate: (folder) => migratePostgres(db, { migrationsFolder: folder }),
      rows: async (query) => [...(await db.execute(query))] as Record<string, unknown>[],
      close: async () => {
        await client.end({ timeout: 5 });
        await dropDatabase(url);
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "chapterhouse-migration-pglite-"));
  const client = new PGlite(path.join(dir, "data"), { extensions: { unaccent } });
  const db = drizzlePglite(client);
  return {
    db,
    migrate: (folder) => migratePglite(db, { migrationsFolder: folder }),
    rows: async (query) => (await db.execute(query)).rows as Record<string, unknown>[],
    close: async () => {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
