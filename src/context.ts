// One per-request context: the database handle (counting its statements), who is calling, and the request's loaders;
// plus the request's abort signal (time budget spent or client gone) and its view of the app's summary cache.
import type { Db, SqlStats } from "./db/client.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { SummaryCache, type SummaryCacheScope } from "./summaries/summary.cache.js";

/** Who is calling. Partners and staff arrive with API keys (submissions issue); without credentials, the public. */
export type Viewer =
  | { role: "PUBLIC" }
  | { role: "PARTNER"; societyId: number; keyPrefix: string }
  | { role: "STAFF"; keyPrefix: string };

export const PUBLIC_VIEWER: Viewer = { role: "PUBLIC" };

export interface Context {
  /** Where the request reads: the primary, or a read replica for the public (src/http/read-routing.ts). */
  db: Db;
  /** The primary: writes, and reads that must see the latest write (the summaries' revision checks). */
  primary: Db;
  viewer: Viewer;
  loaders: Loaders;
  requestId: string;
  sql: SqlStats;
  /** Aborted when the request's time budget is spent or its client went away: work stops at the next statement. */
  signal: AbortSignal;
  /** The app's summary cache, as this request may use it (a bounded number of new entries). */
  summaries: SummaryCacheScope;
}

export interface ContextExtras {
  signal?: AbortSignal;
  /** The app's cache; without one (CLI commands) the context gets a small cache of its own. */
  summaries?: SummaryCache;
  /** The primary when `db` reads from a replica (src/http/read-routing.ts); by default `db` itself. */
  primary?: Db;
}

export function createContext(db: Db, viewer: Viewer, requestId: string, sql: SqlStats, extras: ContextExtras = {}): Context {
  const signal = extras.signal ?? new AbortController().signal;
  const summaries = (extras.summaries ?? new SummaryCache(100, 100)).forRequest(signal);
  return { db, primary: extras.primary ?? db, viewer, loaders: createLoaders(db, viewer), requestId, sql, signal, summaries };
}
