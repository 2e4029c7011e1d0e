// npm run db:seed — loads seeds/*.json; a second run changes nothing.
import "../metadata.js"; // first: see src/metadata.ts
import { loadConfig } from "../config.js";
import { describeDatabase, openConfiguredDatabase } from "../db/open.js";
import { seedDatabase } from "../seeds/seed.js";
import { runCli } from "./run.js";

await runCli(async () => {
  const config = loadConfig();
  console.log(`Seeding ${describeDatabase(config)} ...`);
  const database = await openConfiguredDatabase(config, "npm run db:seed");
  try {
    await seedDatabase(database.db, (line) => console.log(`  ${line}`));
  } finally {
    await database.close();
  }
  console.log("Seed data loaded.");
});
