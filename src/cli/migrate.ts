// npm run hub -- migrate (npm run db:migrate): applies the committed migrations to the configured database.
import { loadConfig } from "../config.js";
import { describeDatabase, openConfiguredDatabase } from "../db/open.js";
import { parse, type Command } from "./cli.js";

const USAGE = `Usage: npm run hub -- migrate

Applies the committed migrations (schema/migrations/) to the configured database; the hub does the same at start-up.`;

export const migrateCommand: Command = {
  usage: USAGE,
  whileHubRuns: "The running hub applied the migrations when it started: nothing to do.",
  async run(argv, io) {
    if (parse(argv, {}).values.help) return io.stdout(`${USAGE}\n`);
    const config = loadConfig(io.env);
    io.stdout(`Migrating ${describeDatabase(config)} ...\n`);
    const database = await openConfiguredDatabase(config, "npm run hub -- migrate");
    await database.close();
    io.stdout("Migrations applied; the schema is up to date.\n");
  },
};
