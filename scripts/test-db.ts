// Creates and drops the throwaway Postgres databases that tests and benchmarks run on.
// Usage: tsx scripts/test-db.ts create <prefix>   → prints the new database's URL
//        tsx scripts/test-db.ts drop <url>
//        tsx scripts/test-db.ts reachable         → exit 0 when the server answers
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import postgres from "postgres";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function admin() {
  return postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
}

export async function postgresReachable(): Promise<boolean> {
  const sql = admin();
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

export async function createDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const sql = admin();
  try {
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 1 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to drop unexpected database name: ${name}`);
  const sql = admin();
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function cli(): Promise<number> {
  const [command, argument] = process.argv.slice(2);
  if (command === "reachable") return (await postgresReachable()) ? 0 : 1;
  if (command === "create") {
    console.log(await createDatabase(argument ?? "chapterhouse_test"));
    return 0;
  }
  if (command === "drop" && argument) {
    await dropDatabase(argument);
    return 0;
  }
  console.error("usage: tsx scripts/test-db.ts create <prefix> | drop <url> | reachable");
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  cli().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
