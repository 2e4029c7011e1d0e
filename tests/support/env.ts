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
    /** PostgreSQL: name of a migrated template database (empty in the PGlite run). */
    migratedTemplate: string;
    /**
     * PGlite: the folder tests/support/pglite-templates.ts fills while the first tests start; read its files through
     * `pgliteTemplate` (tests/support/db.ts), which waits for them (empty in the PostgreSQL run).
     */
    pgliteTemplates: string;
    /** The hub compiled once for this run (tests/support/hub-build.ts), for the tests that spawn it as a process. */
    hubBuild: string;
  }
}
