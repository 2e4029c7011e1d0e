// One per-request context: the database handle (counting its statements), who is calling, and the request's loaders.
import type { Db, SqlStats } from "./db/client.js";
import { createLoaders, type Loaders } from "./loaders.js";

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
}

export function createContext(db: Db, viewer: Viewer, requestId: string, sql: SqlStats, primary: Db = db): Context {
  return { db, primary, viewer, loaders: createLoaders(db, viewer), requestId, sql };
}
