// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the PGlite folder).
// The server also migrates at start; this is for deployments that migrate as a separate step.
// Never run it against a PGlite folder that a running server holds.
import { closeDb, databaseInfo, migrateDatabase } from "@/db/index";

await migrateDatabase();
const { driver, location } = databaseInfo();
console.log(`Migrated ${driver} database at ${location}`);
await closeDb();
