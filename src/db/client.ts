// Opens the database: embedded PGlite under the data directory by default (./pglite.ts), PostgreSQL through
// postgres.js when DATABASE_URL is set. Both give the same drizzle API; domain code never knows which one it talks to.
import { sql } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";

export type Db = PgDatabase<PgQueryResultHKT>;

/** What one request did to the database: the hub counts SQL statements per operation (tests and logs read it). */
export interface SqlStats {
  statements: number;
  /** Each statement with its parameters, kept only when asked for (tests). */
  log?: Array<{ sql: string; params: unknown[] }>;
}

export interface Database {
  readonly engine: "pglite" | "postgres";
  /**
   * A drizzle handle that shares the connection(s) and counts statements into `stats`. Once `signal` is aborted (the
   * request's time budget is spent or its client went away) no further statement starts, and on PostgreSQL the
   * request's running statements are cancelled.
   */
  forRequest(stats?: SqlStats, signal?: AbortSignal): Db;
  /** The plain handle, for start-up work (migrations, seeds). */
  readonly db: Db;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Drizzle calls its logger right before it sends each statement: the place to count them and to stop new ones. */
function requestLogger(stats: SqlStats | undefined, signal: AbortSignal | undefined): Logger | undefined {
  if (!stats && !signal) return undefined;
  return {
    logQuery(query: string, params: unknown[]) {
      signal?.throwIfAborted();
      if (!stats) return;
      stats.statements += 1;
      stats.log?.push({ sql: query, params });
    },
  };
}

/**
 * The pool as one request sees it: every statement it starts (also inside its transactions) is remembered, and all
 * are cancelled when the signal aborts. A cancelled statement fails with the signal's reason (REQUEST_TIMEOUT).
 */
function cancellable(client: postgres.Sql, signal: AbortSignal): postgres.Sql {
  const started: Array<{ cancel(): unknown }> = [];
  signal.addEventListener("abort", () => started.forEach((query) => query.cancel()), { once: true });
  const wrap = (sql: postgres.Sql): postgres.Sql =>
    new Proxy(sql, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === "unsafe") {
          return (...args: Parameters<postgres.Sql["unsafe"]>) => {
            signal.throwIfAborted();
            const query = target.unsafe(...args);
            started.push(query);
            return query;
          };
        }
        if (prop === "begin" || prop === "savepoint") {
          return (...args: unknown[]) => {
            const i = args.findIndex((a) => typeof a === "function");
            const body = args[i] as (tx: postgres.Sql) => unknown;
            args[i] = (tx: postgres.Sql) => body(wrap(tx));
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return wrap(client);
}

/** What both engines share: a drizzle handle per request (counting statements when asked), ping and close. The
 * PGlite side is in ./pglite.ts, loaded only by a hub on the embedded database. */
export function wrap(
  engine: Database["engine"],
  handle: (logger: Logger | undefined, signal?: AbortSignal) => Db,
  ping: () => Promise<unknown>,
  close: () => Promise<void>,
): Database {
  return {
    engine,
    db: handle(undefined),
    // PGlite runs one statement at a time and cannot interrupt one: an aborted request only starts no new statement.
    forRequest: (stats, signal) => handle(requestLogger(stats, signal), signal),
    ping: async () => {
      await ping();
    },
    close,
  };
}

export function wrapPostgres(client: postgres.Sql): Database {
  return wrap(
    "postgres",
    (logger, signal) => drizzlePostgres({ client: signal ? cancellable(client, signal) : client, logger }) as unknown as Db,
    () => client`select 1`,
    () => client.end({ timeout: 5 }),
  );
}

/** A connection that cannot open within `connectTimeoutMs` fails (the request answers 503 instead of hanging);
 * `statementTimeoutMs` is PostgreSQL's statement_timeout on every connection (the server passes its request budget). */
export interface PostgresOptions {
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

export function postgresClient(url: string, max: number, { connectTimeoutMs = 30_000, statementTimeoutMs }: PostgresOptions = {}): postgres.Sql {
  return postgres(url, {
    max,
    connect_timeout: connectTimeoutMs / 1000,
    // postgres.js waits 3^failures/100 s (up to 20 s) before reopening a connection after failed ones: queries
    // queued behind it hung for seconds and recovery lagged the database by ~10 s. The hub's DatabaseGuard already
    // keeps requests off a down database (one probe per interval), so a connection may reopen after 100 ms.
    backoff: () => 0.1,
    onnotice: () => {},
    connection: {
      application_name: "idor-hub",
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    },
  });
}

export function openPostgres(url: string, poolSize: number, options: PostgresOptions = {}): Database {
  return wrapPostgres(postgresClient(url, poolSize, options));
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
