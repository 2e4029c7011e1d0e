// A fresh, migrated database for one test file: a PGlite clone of the migrated dump, or a new PostgreSQL database
// made from the migrated template. Closing it drops it.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { wrapPostgres, type Database } from "../../src/db/client.js";
import { PGLITE_SUBDIR, pgliteOptions, wrapPglite } from "../../src/db/pglite.js";
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

/**
 * Fills the hub data directory `dataDir` with a copy of the migrated database (PGlite's files in its pgdata folder,
 * no data), as `npm run build`'s template does for a built install: a hub or CLI opening it skips initdb and the
 * migrations, which cost most of a first start (initdb alone 3-4 s on a quiet machine, 15 s at load 8). The tests of
 * the first start itself (tests/server.test.ts) do not use it. PGlite runs only: the dump exists there.
 */
export async function fillWithMigratedDatabase(dataDir: string): Promise<void> {
  if (DATABASE_URL) throw new Error("fillWithMigratedDatabase: the embedded database's dump exists in the PGlite run only");
  const pg = await PGlite.create(
    path.join(dataDir, PGLITE_SUBDIR),
    pgliteOptions({ loadDataDir: new Blob([fs.readFileSync(inject("migratedTemplate"))]) }),
  );
  await pg.close();
}
