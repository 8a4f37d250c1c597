import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/index";

const database = inject("testDatabase");
if (database.kind === "postgres") {
  process.env.DATABASE_URL = database.url;
  delete process.env.PGLITE_DIR;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = database.dir;
}
process.env.NEXTAUTH_SECRET = "integration-test-secret-0123456789";

afterAll(async () => {
  await closeDb();
});
