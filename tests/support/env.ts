// Which engine the suite runs on: PGlite by default, PostgreSQL when DATABASE_URL is set. Same tests either way.
export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;
export const onPostgres = DATABASE_URL !== undefined;

/** The same server URL pointing at another database. */
export function urlForDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: path of a migrated data directory dump. PostgreSQL: name of a migrated template database. */
    migratedTemplate: string;
    /** PGlite only: path of a cluster's dump as initdb leaves it, not migrated (tests/support/pglite-templates.ts). */
    initdbTemplate: string;
    /** PGlite only: the migrated cluster as a PGlite data directory on disk (pgdata), to copy. */
    migratedDataDir: string;
    /** The hub compiled once for this run (tests/support/hub-build.ts), for the tests that spawn it as a process. */
    hubBuild: string;
  }
}
