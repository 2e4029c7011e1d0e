// Keyset pagination (Relay cursor connections): `first` rows after a cursor, or `last` rows before one, where a cursor
// is opaque and encodes the row's sort key. Stable while rows are added; never OFFSET. Services read one row more than
// asked for to learn whether another page exists in the direction of reading.
import { and, asc, desc, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { rowsOf, type Db } from "../db/client.js";
import { tableRowMapper } from "../db/rows.js";
import { builtStatement, runBuilt } from "../db/statements.js";
import { badInput } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Relay's connection arguments: `first`/`after` reads forward, `last`/`before` backward; the cursors may be combined. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageRequest<K> {
  /** Rows the caller wants (`first`, or `last` when reading backward). */
  first: number;
  /** True for `last`: the page is the last `first` rows of the window, read from its end. */
  backward: boolean;
  /** The decoded sort key of the `after` cursor, or null. */
  after: K | null;
  /** The decoded sort key of the `before` cursor, or null. */
  before: K | null;
}

function pageSize(value: number | null | undefined, name: "first" | "last"): number {
  const n = value ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) {
    throw badInput(`${name} must be a whole number from 0 to ${MAX_PAGE_SIZE}; got ${value}`, name);
  }
  return n;
}

function cursorKey<K>(cursor: string | null | undefined, name: "after" | "before", decodeKey: (raw: unknown) => K | null): K | null {
  if (cursor === undefined || cursor === null) return null;
  const key = decodeCursor(cursor, decodeKey);
  if (key === null) {
    const which = name === "after" ? "the endCursor" : "the startCursor";
    throw badInput(
      `${name} is not a valid cursor for this list: pass ${which} (or an edge's cursor) of a previous page of the same list`,
      name,
    );
  }
  return key;
}

export function pageRequest<K>(args: PageArgs, decodeKey: (raw: unknown) => K | null): PageRequest<K> {
  // Relay allows both but "strongly discourages" it: the result is confusing, so one direction per request.
  if (args.first != null && args.last != null) throw badInput("pass either first (with after) or last (with before), not both", "last");
  const backward = args.last != null;
  return {
    first: backward ? pageSize(args.last, "last") : pageSize(args.first, "first"),
    backward,
    after: cursorKey(args.after, "after", decodeKey),
    before: cursorKey(args.before, "before", decodeKey),
  };
}

/**
 * A list's sort order: its key columns (the last one unique), all in one direction, and a cursor key's values for
 * them (as SQL, with casts where PostgreSQL needs them).
 */
export interface Keyset<K> {
  columns: PgColumn[];
  direction: "asc" | "desc";
  values: (key: K) => SQL[];
}

/** The window between the cursors, and the order to read it in (reversed for `last`; toPage turns the rows back). */
export function seek<K>(keyset: Keyset<K>, request: PageRequest<K>): { where: SQL | undefined; orderBy: SQL[] } {
  const row = (parts: Array<SQL | PgColumn>) => (parts.length === 1 ? sql`${parts[0]}` : sql`(${sql.join(parts, sql`, `)})`);
  const columns = row(keyset.columns);
  const later = keyset.direction === "asc" ? sql.raw(">") : sql.raw("<");
  const earlier = keyset.direction === "asc" ? sql.raw("<") : sql.raw(">");
  const readAscending = (keyset.direction === "asc") !== request.backward;
  return {
    where: and(
      request.after !== null ? sql`${columns} ${later} ${row(keyset.values(request.after))}` : undefined,
      request.before !== null ? sql`${columns} ${earlier} ${row(keyset.values(request.before))}` : undefined,
    ),
    orderBy: keyset.columns.map((c) => (readAscending ? asc(c) : desc(c))),
  };
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
  /** The cursor of `nodes[i]`, encoded only when asked: most pages are read without their cursors (the dashboard's
   * 200 activities), and encoding them was 2% of its CPU (bench/RESULTS.md, "Fourth pass"). */
  cursorAt(i: number): string;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Counted only when a client asks for totalCount (batched through a loader). */
  totalCount: () => Promise<number>;
}

/**
 * Turns the fetched rows (`first + 1` at most, in reading order) into a page in the list's order. Reading forward, a
 * surplus row means a next page; backward, a previous one. The other direction is known from the cursor: a page read
 * after a cursor has items before it, one read before a cursor has items after it (Relay lets a server say so).
 */
export function toPage<T>(
  rows: T[],
  request: PageRequest<unknown>,
  keyOf: (row: T) => unknown,
  totalCount: () => Promise<number>,
): Page<T> {
  const more = rows.length > request.first;
  const nodes = rows.slice(0, request.first);
  if (request.backward) nodes.reverse();
  const cursorAt = (i: number) => encodeCursor(keyOf(nodes[i]!));
  return {
    nodes,
    cursorAt,
    hasNextPage: request.backward ? request.before !== null : more,
    hasPreviousPage: request.backward ? more : request.after !== null,
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
/** A (time, id) key's values for Keyset.values. */
export const timeIdValues = (key: TimeIdKey): SQL[] => [sql`${key.at.toISOString()}::timestamptz`, sql`${key.id}`];

/**
 * One page of a table in keyset order: the rows between the cursors' keys among those matching `where`, plus a
 * totalCount of all matching rows that runs only when asked for.
 */
export async function keysetPage<TTable extends PgTable, K>(
  db: Db,
  query: {
    from: TTable;
    where: SQL | undefined;
    keyset: Keyset<K>;
    /** Everything `where` and the request depend on, when the caller can say it: the page's statement is then built
     * once per key and run as a prepared statement (db/statements.ts), its rows mapped by rowMapper. */
    statementKey?: string;
  },
  request: PageRequest<K>,
  keyOf: (row: TTable["$inferSelect"]) => unknown,
): Promise<Page<TTable["$inferSelect"]>> {
  const table = query.from as PgTable;
  const page = () => {
    const window = seek(query.keyset, request);
    return db
      .select()
      .from(table)
      .where(and(query.where, window.where))
      .orderBy(...window.orderBy)
      .limit(request.first + 1);
  };
  const rows = (
    query.statementKey === undefined
      ? await page()
      : rowsOf<Record<string, unknown>>(await runBuilt(db, builtStatement(`page|${query.statementKey}`, () => page().getSQL()), {})).map(
          tableRowMapper(table),
        )
  ) as Array<TTable["$inferSelect"]>;
  return toPage(rows, request, keyOf, async () => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(query.where);
    return row?.n ?? 0;
  });
}
