import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { hashInviteToken, newInviteToken } from "@/lib/clubs/invites";
import { createDatabase, dropDatabase } from "@/scripts/test-db";

// Migration 0004 stores invite tokens hashed. It hashes the rows already there in place, so a
// link handed out before it keeps working: the stored value is what the app now looks up.
// (Scratch-database helpers as in meetings-migration.test.ts.)

const migrationsFolder = path.resolve("db/migrations");
const database = inject("testDatabase");

/** A copy of the migrations folder that stops before the tag given, as a database made then would have. */
function migrationsBefore(tag: string): string {
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

type Db = { execute: (query: ReturnType<typeof sql>) => Promise<unknown> };
type Harness = { db: Db; migrate: (folder: string) => Promise<void>; rows: (query: ReturnType<typeof sql>) => Promise<Record<string, unknown>[]>; close: () => Promise<void> };

async function openScratchDatabase(): Promise<Harness> {
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
  const client = new PGlite(path.join(dir, "data"));
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

describe("migration 0004 (invite tokens hashed)", () => {
  it("hashes an existing invite's token in place, to exactly what a lookup of its link computes", async () => {
    const scratch = await openScratchDatabase();
    try {
      await scratch.migrate(migrationsBefore("0004_invite-token-hash"));
      const club = randomUUID();
      const raw = newInviteToken();
      await scratch.db.execute(sql`insert into clubs (id, name) values (${club}, 'Hailsham')`);
      await scratch.db.execute(sql`insert into invites (club_id, token, expires_at) values (${club}, ${raw}, now() + interval '7 days')`);

      await scratch.migrate(migrationsFolder);

      const rows = await scratch.rows(sql`select token from invites`);
      expect(rows).toEqual([{ token: hashInviteToken(raw) }]);
      expect(JSON.stringify(await scratch.rows(sql`select * from invites`))).not.toContain(raw);
    } finally {
      await scratch.close();
    }
  });
});
