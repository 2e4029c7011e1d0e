// Opens the configured database and brings its schema up to date: what the server and every CLI command share.
import type { Config } from "../config.js";
import { openPostgres, type Database } from "./client.js";
import { migrateDatabase, migratePostgresUrl } from "./migrate.js";

export async function openConfiguredDatabase(
  config: Pick<Config, "databaseUrl" | "dataDir" | "poolSize"> & Partial<Pick<Config, "dbConnectTimeoutMs">>,
  command: string,
  options: { statementTimeoutMs?: number } = {},
): Promise<Database> {
  if (config.databaseUrl) {
    await migratePostgresUrl(config.databaseUrl);
    return openPostgres(config.databaseUrl, config.poolSize, {
      statementTimeoutMs: options.statementTimeoutMs,
      connectTimeoutMs: config.dbConnectTimeoutMs,
    });
  }
  // Loaded here, not at the top: a hub on PostgreSQL never needs PGlite (./pglite.ts).
  const { openPglite } = await import("./pglite.js");
  const database = await openPglite(config.dataDir, { command });
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/** Where the data lives, for messages (never prints a password). */
export function describeDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): string {
  if (!config.databaseUrl) return `embedded PostgreSQL (PGlite) in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}
