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
  db: Db;
  viewer: Viewer;
  loaders: Loaders;
  requestId: string;
  sql: SqlStats;
}

export function createContext(db: Db, viewer: Viewer, requestId: string, sql: SqlStats): Context {
  return { db, viewer, loaders: createLoaders(db, viewer), requestId, sql };
}
