// A fresh, migrated database for one test file: a PGlite clone of the migrated dump, or a new PostgreSQL database
// made from the migrated template. Closing it drops it.
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { wrapPostgres, type Database } from "../../src/db/client.js";
import { pgliteOptions, wrapPglite } from "../../src/db/pglite.js";
import { DATABASE_URL, urlForDatabase } from "./env.js";

export async function openTestDatabase(): Promise<Database> {
  const template = inject("migratedTemplate");
  if (!DATABASE_URL) {
    const pg = await PGlite.create(pgliteOptions({ loadDataDir: new Blob([fs.readFileSync(template)]) }));
    return wrapPglite(pg);
  }
  const name = `hub_test_${process.ppid}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  // Copying a template fails while another session is connected to it; the template has none, but two copies
  // started at the same moment can still collide, so retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${template}`);
      break;
    } catch (err) {
      if (attempt >= 20 || (err as { code?: string }).code !== "55006") throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const database = wrapPostgres(postgres(urlForDatabase(DATABASE_URL, name), { max: 4, onnotice: () => {} }));
  return {
    ...database,
    forRequest: database.forRequest,
    ping: database.ping,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
