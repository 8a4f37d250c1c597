import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { getEnv } from "@/lib/env";
import * as schema from "./schema/index";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseDriver = "postgres" | "pglite";

type Connection = {
  db: Database;
  driver: DatabaseDriver;
  /** Where the data lives: the server URL without credentials, or the PGlite folder. */
  location: string;
  /** Applies the committed drizzle-kit migrations; safe to run at every start. */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
  /** The embedded instance, for the job queue to share (one PGlite per folder); null on a server. */
  pglite: PGlite | null;
};

// Resolved from the working directory (every script runs from the project root) rather than
// import.meta, which Next's bundler rewrites for the route handlers that share this module.
const migrationsFolder = path.resolve("db/migrations");

/** The advisory lock key (any bigint the app uses for nothing else) that serialises migrations between nodes. */
const MIGRATION_LOCK = 4_342_000;

// Postgres's default of 128MB is allocated inside PGlite's WebAssembly memory and written at
// start, so it is all resident: about 120 MiB of RSS more at idle than 16MB
// (docs/decisions/0022-production-build-and-memory.md). An embedded database serves one small
// deployment; its files stay in the operating system's page cache behind these buffers.
const PGLITE_SHARED_BUFFERS = "16MB";

// server.ts and the code Next bundles are separate module graphs in one process. Keeping the
// connection on globalThis gives both the same one: for PGlite that is a must (two instances on
// one folder corrupt it), for postgres.js it stops hot reload from leaking pools.
const globalKey = Symbol.for("chapterhouse.database");
type GlobalWithDatabase = typeof globalThis & { [globalKey]?: Connection };

function open(): Connection {
  const env = getEnv();
  const url = env.DATABASE_URL;
  if (url) {
    const client = postgres(url, {
      max: env.DATABASE_POOL_SIZE,
      onnotice: () => {},
    });
    const parsed = new URL(url);
    const db = drizzlePostgres(client, { schema });
    return {
      db,
      driver: "postgres",
      location: `${parsed.host}${parsed.pathname}`,
      migrate: async () => {
        // App nodes starting together would each run the same pending migration (and all but one
        // fail): a session-level advisory lock lets one migrate while the others wait, then find
        // nothing left to do.
        const reserved = await client.reserve();
        try {
          await reserved`select pg_advisory_lock(${MIGRATION_LOCK})`;
          await migratePostgres(db, { migrationsFolder });
        } finally {
          await reserved`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => undefined);
          reserved.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
      pglite: null,
    };
  }
  const dir = path.resolve(env.PGLITE_DIR);
  // PGlite does not create parent folders.
  mkdirSync(path.dirname(dir), { recursive: true });
  // unaccent: search's text-search configurations use it (migration 0015).
  const client = new PGlite(dir, { extensions: { unaccent }, startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`] });
  const db = drizzlePglite(client, { schema });
  return {
    db,
    driver: "pglite",
    location: dir,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
    pglite: client,
  };
}

function connection(): Connection {
  const holder = globalThis as GlobalWithDatabase;
  holder[globalKey] ??= open();
  return holder[globalKey];
}

/** The app's database, opened on first use from DATABASE_URL (postgres.js) or a PGlite folder. */
export function getDb(): Database {
  return connection().db;
}

export function databaseInfo(): { driver: DatabaseDriver; location: string } {
  const { driver, location } = connection();
  return { driver, location };
}

/** The app's PGlite instance when that is the driver, so the job queue can run on the same one. */
export function pgliteClient(): PGlite | null {
  return connection().pglite;
}

export function migrateDatabase(): Promise<void> {
  return connection().migrate();
}

export async function closeDb(): Promise<void> {
  const holder = globalThis as GlobalWithDatabase;
  const current = holder[globalKey];
  if (!current) return;
  delete holder[globalKey];
  await current.close();
}
