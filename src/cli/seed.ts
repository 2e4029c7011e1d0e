// npm run hub -- seed (npm run db:seed): loads seeds/*.json; a second run changes nothing.
import { loadConfig } from "../config.js";
import { describeDatabase, openConfiguredDatabase } from "../db/open.js";
import { seedDatabase } from "../seeds/seed.js";
import { parse, type Command } from "./cli.js";

const USAGE = `Usage: npm run hub -- seed

Loads the facts of seeds/ into the configured database; rows already there stay as they are.`;

export const seedCommand: Command = {
  usage: USAGE,
  whileHubRuns: "Stop the hub first, or set HUB_DATA_DIR to another directory.",
  async run(argv, io) {
    if (parse(argv, {}).values.help) return io.stdout(`${USAGE}\n`);
    const config = loadConfig(io.env);
    io.stdout(`Seeding ${describeDatabase(config)} ...\n`);
    const database = await openConfiguredDatabase(config, "npm run hub -- seed");
    try {
      await seedDatabase(database.db, (line) => io.stdout(`  ${line}\n`));
    } finally {
      await database.close();
    }
    io.stdout("Seed data loaded.\n");
  },
};
