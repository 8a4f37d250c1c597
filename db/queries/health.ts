import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/index";

export async function pingDatabase(): Promise<void> {
  await getDb().execute(sql`select 1`);
}
