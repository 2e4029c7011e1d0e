// Whole table rows read without drizzle's generic result mapping. drizzle maps every cell through a chain of
// `is(field, Column | SQL | Subquery)` prototype walks; on the dashboard (a thousand metric rows per request) that
// was 16% of the hub's CPU and much of its garbage (bench/RESULTS.md). A row mapper made once per table from its
// drizzle columns decodes each cell with the column's own mapFromDriverValue, so values are exactly what
// `db.select().from(table)` returns, on PGlite and on postgres.js alike.
import { getTableColumns, type SQLWrapper } from "drizzle-orm";
import type { Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { rowsOf, type Db } from "./client.js";

export type RowMapper<T> = (raw: Record<string, unknown>) => T;

/** Maps a raw row (keys are column names) to the table's row type (keys are the schema's property names). */
export function rowMapper<T extends PgTable>(table: T): RowMapper<T["$inferSelect"]> {
  const columns: Array<[key: string, name: string, column: Column]> = Object.entries(getTableColumns(table)).map(
    ([key, column]) => [key, column.name, column as Column],
  );
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, name, column] of columns) {
      const value = raw[name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T["$inferSelect"];
  };
}

/** Runs a query (counted like every other statement) and maps its raw rows. */
export async function selectRows<T>(db: Db, query: SQLWrapper, map: RowMapper<T>): Promise<T[]> {
  return rowsOf<Record<string, unknown>>(await db.execute(query)).map(map);
}
