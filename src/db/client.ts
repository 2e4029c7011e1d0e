// Opens the database: embedded PGlite under the data directory by default, PostgreSQL through postgres.js when
// DATABASE_URL is set. Both give the same drizzle API; domain code never knows which one it talks to.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.js";

export type Db = PgDatabase<PgQueryResultHKT>;

/** What one request did to the database: the hub counts SQL statements per operation (tests and logs read it). */
export interface SqlStats {
  statements: number;
  /** Each statement with its parameters, kept only when asked for (tests). */
  log?: Array<{ sql: string; params: unknown[] }>;
}

export interface Database {
  readonly engine: "pglite" | "postgres";
  /** A drizzle handle that shares the connection(s) and counts statements into `stats`. */
  forRequest(stats?: SqlStats): Db;
  /** The plain handle, for start-up work (migrations, seeds). */
  readonly db: Db;
  ping(): Promise<void>;
  close(): Promise<void>;
}

function countingLogger(stats: SqlStats): Logger {
  return {
    logQuery(query: string, params: unknown[]) {
      stats.statements += 1;
      stats.log?.push({ sql: query, params });
    },
  };
}

/** The folder inside the data directory that holds PGlite's files (beside the lock and the hub's other files). */
export const PGLITE_SUBDIR = "pgdata";

/** What both engines share: a drizzle handle per request (counting statements when asked), ping and close. */
function wrap(
  engine: Database["engine"],
  handle: (logger: Logger | undefined) => Db,
  ping: () => Promise<unknown>,
  close: () => Promise<void>,
): Database {
  return {
    engine,
    db: handle(undefined),
    forRequest: (stats) => handle(stats ? countingLogger(stats) : undefined),
    ping: async () => {
      await ping();
    },
    close,
  };
}

export function wrapPglite(client: PGlite, onClose?: () => void | Promise<void>): Database {
  return wrap(
    "pglite",
    (logger) => drizzlePglite({ client, logger }) as unknown as Db,
    () => client.query("select 1"),
    async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        await onClose?.();
      }
    },
  );
}

export async function openPglite(dataDir: string, opts: { command?: string } = {}): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  // Taken before PGlite touches the files: a second opener must not even read a directory another process writes.
  const lock: DataDirLock = acquireDataDirLock(dataDir, opts);
  try {
    const client = await PGlite.create(path.join(dataDir, PGLITE_SUBDIR));
    return wrapPglite(client, () => lock.release());
  } catch (err) {
    lock.release();
    throw err;
  }
}

export function wrapPostgres(client: postgres.Sql): Database {
  return wrap(
    "postgres",
    (logger) => drizzlePostgres({ client, logger }) as unknown as Db,
    () => client`select 1`,
    () => client.end({ timeout: 5 }),
  );
}

export function postgresClient(url: string, max: number): postgres.Sql {
  return postgres(url, {
    max,
    onnotice: () => {},
    connection: { application_name: "idor-hub" },
  });
}

export function openPostgres(url: string, poolSize: number): Database {
  return wrapPostgres(postgresClient(url, poolSize));
}

/** Rows of a raw `db.execute(sql...)`: PGlite answers `{ rows }`, postgres.js an array. Normalised here, once. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function isEmpty(db: Db): Promise<boolean> {
  const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from editions`));
  return (rows[0]?.n ?? 0) === 0;
}
