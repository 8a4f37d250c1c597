// `npm run db:seed`: migrates, then adds the demo club and accounts if the database is empty.
import { closeDb, databaseInfo, migrateDatabase } from "@/db/index";
import { seedDemo } from "@/db/seed";

await migrateDatabase();
const { seeded } = await seedDemo();
const { driver, location } = databaseInfo();
console.log(seeded ? `Seeded the demo into ${driver} database at ${location}` : `The ${driver} database at ${location} already has data: left alone`);
await closeDb();
