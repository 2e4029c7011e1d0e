// Applies the committed SQL migrations (schema/migrations). On PostgreSQL several hub processes may start at once, so
// the migrator runs on one dedicated connection under a session advisory lock: the first applies, the others wait and
// then find nothing left to do. PGlite is held by one process (the data-directory lock), so it needs no lock.
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { postgresClient, type Database } from "./client.js";
import { fromRoot } from "../shared/project-root.js";

export const MIGRATIONS_DIR = fromRoot("schema", "migrations");

/** Any fixed 64-bit number, the same in every hub process: "idor-hub migrations". */
const MIGRATION_LOCK_KEY = 7_311_402_218_001;

export async function migrateDatabase(database: Database, databaseUrl?: string): Promise<void> {
  if (database.engine === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  if (!databaseUrl) throw new Error("migrateDatabase: a PostgreSQL database needs its URL");
  await migratePostgresUrl(databaseUrl);
}

export async function migratePostgresUrl(databaseUrl: string): Promise<void> {
  const client = postgresClient(databaseUrl, 1);
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
