// npm run db:migrate — applies the committed migrations to the configured database.
import "../metadata.js"; // first: see src/metadata.ts
import { loadConfig } from "../config.js";
import { describeDatabase, openConfiguredDatabase } from "../db/open.js";
import { runCli } from "./run.js";

await runCli(async () => {
  const config = loadConfig();
  console.log(`Migrating ${describeDatabase(config)} ...`);
  const database = await openConfiguredDatabase(config, "npm run db:migrate");
  await database.close();
  console.log("Migrations applied; the schema is up to date.");
});
