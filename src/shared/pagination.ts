// Forward keyset pagination (Relay connections): `first` rows after an opaque cursor that encodes the row's sort
// key. Stable while rows are added; never OFFSET. Services read `first + 1` rows to learn whether a next page exists.
import { and, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { badInput } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageRequest<K> {
  /** Rows the caller wants. */
  first: number;
  /** The decoded sort key of the `after` cursor, or null for the first page. */
  after: K | null;
}

export function pageRequest<K>(args: PageArgs, decodeKey: (raw: unknown) => K | null): PageRequest<K> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be a whole number from 0 to ${MAX_PAGE_SIZE}; got ${args.first}`, "first");
  }
  if (args.after === undefined || args.after === null) return { first, after: null };
  const key = decodeCursor(args.after, decodeKey);
  if (key === null) {
    throw badInput(
      "after is not a valid cursor for this list: pass the endCursor (or an edge's cursor) of a previous page of the same list",
      "after",
    );
  }
  return { first, after: key };
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

function decodeCursor<K>(cursor: string, decodeKey: (raw: unknown) => K | null): K | null {
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) return null;
  try {
    return decodeKey(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    return null;
  }
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Counted only when a client asks for totalCount (batched through a loader). */
  totalCount: () => Promise<number>;
}

/** Turns `first + 1` fetched rows into a page. */
export function toPage<T>(
  rows: T[],
  request: PageRequest<unknown>,
  keyOf: (row: T) => unknown,
  totalCount: () => Promise<number>,
): Page<T> {
  const nodes = rows.slice(0, request.first);
  return {
    nodes,
    cursors: nodes.map((row) => encodeCursor(keyOf(row))),
    hasNextPage: rows.length > request.first,
    hasPreviousPage: request.after !== null,
    totalCount,
  };
}

// Key decoders for the hub's sort orders.
export const decodeSlugKey = (raw: unknown): string | null =>
  Array.isArray(raw) && raw.length === 2 && raw[0] === "s" && typeof raw[1] === "string" && raw[1].length <= 64
    ? raw[1]
    : null;

export type TimeIdKey = { at: Date; id: number };
export const decodeTimeIdKey =
  (tag: string) =>
  (raw: unknown): TimeIdKey | null => {
    if (!Array.isArray(raw) || raw.length !== 3 || raw[0] !== tag) return null;
    const [, at, id] = raw;
    if (typeof at !== "string" || !Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
    // Only the exact form the hub writes (toISOString of a year 1 to 9999): anything else could not be a real cursor
    // and might be out of PostgreSQL's range.
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) || at.startsWith("0000")) return null;
    const date = new Date(at);
    return Number.isNaN(date.getTime()) || date.toISOString() !== at ? null : { at: date, id };
  };
export const timeIdKey = (tag: string, at: Date, id: number) => [tag, at.toISOString(), id];

/**
 * One page of a table in keyset order: the rows after the cursor's key (`after`, built by the caller from the decoded
 * key) among those matching `where`, plus a totalCount of all matching rows that runs only when asked for.
 */
export async function keysetPage<TTable extends PgTable>(
  db: Db,
  query: { from: TTable; where: SQL | undefined; after: SQL | undefined; orderBy: Array<SQL | PgColumn> },
  request: PageRequest<unknown>,
  keyOf: (row: TTable["$inferSelect"]) => unknown,
): Promise<Page<TTable["$inferSelect"]>> {
  const table = query.from as PgTable;
  const rows = (await db
    .select()
    .from(table)
    .where(and(query.where, query.after))
    .orderBy(...query.orderBy)
    .limit(request.first + 1)) as Array<TTable["$inferSelect"]>;
  return toPage(rows, request, keyOf, async () => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(query.where);
    return row?.n ?? 0;
  });
}
