// Whole table rows read without drizzle's generic result mapping. drizzle maps every cell through a chain of
// `is(field, Column | SQL | Subquery)` prototype walks; on the dashboard (a thousand metric rows per request) that
// was 16% of the hub's CPU and much of its garbage (bench/RESULTS.md). A row mapper made once per table from its
// drizzle columns decodes each cell with the column's own mapFromDriverValue, so values are exactly what
// `db.select().from(table)` returns, on PGlite and on postgres.js alike.
import { getTableColumns, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { parse as parseArray } from "postgres-array";
import { rowsOf, type Db } from "./client.js";

export type RowMapper<T> = (raw: Record<string, unknown>) => T;

/**
 * Maps a raw row (keys are column names) to the table's row type (keys are the schema's property names): the whole
 * row, or only the columns of the given property keys (a row read narrowed, e.g. only the metric fields a query asks).
 */
export function rowMapper<T extends PgTable>(table: T): RowMapper<T["$inferSelect"]>;
export function rowMapper<T extends PgTable>(table: T, keys: readonly string[]): RowMapper<Partial<T["$inferSelect"]>>;
export function rowMapper<T extends PgTable>(table: T, keys?: readonly string[]): RowMapper<Partial<T["$inferSelect"]>> {
  const columns: Array<[key: string, name: string, column: Column]> = columnsOf(table, keys).map(([key, column]) => [
    key,
    column.name,
    column,
  ]);
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, name, column] of columns) {
      const value = raw[name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T["$inferSelect"];
  };
}

const wholeRows = new WeakMap<PgTable, RowMapper<unknown>>();
/** rowMapper(table) made once per table. */
export function tableRowMapper<T extends PgTable>(table: T): RowMapper<T["$inferSelect"]> {
  let map = wholeRows.get(table);
  if (!map) wholeRows.set(table, (map = rowMapper(table)));
  return map as RowMapper<T["$inferSelect"]>;
}

function columnsOf(table: PgTable, keys?: readonly string[]): Array<[string, Column]> {
  const all = getTableColumns(table) as Record<string, Column>;
  if (!keys) return Object.entries(all);
  return keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`rowMapper: ${key} is not a column of the table`);
    return [key, column];
  });
}

/**
 * Rows built as text in PostgreSQL, one text array per row: `array[textCells(table, keys)]`, the rows gathered with
 * `array(select …)` and sent as one text value (`::text`), parsed by `parseTextRows` and mapped by
 * `textRowMapper(table, keys)` to exactly what `rowMapper` gives for the same columns read as rows. PostgreSQL builds
 * an array of texts at about half the cost of the same rows as JSON (`json_build_array` per row: bench/RESULTS.md,
 * "Fifth pass"). The array literal is parsed by postgres-array, which tells NULL from the text "NULL" (postgres.js's
 * own array parser does not) and reads the same on PGlite and postgres.js. Every cell travels as its text, as the
 * drivers receive it, and is decoded by the column's own mapFromDriverValue; booleans (cast to 'true'/'false') are the one type
 * whose driver value is not its text. Arrays and JSON columns are refused (their text is not a driver value).
 */
export function textCells(table: PgTable, keys: readonly string[]): SQL {
  return sql.join(
    columnsOf(table, keys).map(([, column]) => sql`${column}::text`),
    sql`, `,
  );
}

export function textRowMapper<T extends PgTable>(table: T, keys: readonly string[]): (cells: Array<string | null>) => Partial<T["$inferSelect"]> {
  const columns = columnsOf(table, keys).map(([key, column]) => {
    const type = column.getSQLType();
    if (/json|\[\]$/.test(type)) throw new Error(`textRowMapper: ${column.name} (${type}) has no driver value as text`);
    // Columns that keep the driver's value as it is (texts, enums) are not decoded at all.
    const decode =
      type === "boolean"
        ? (cell: string) => cell === "true"
        : column.mapFromDriverValue === Column.prototype.mapFromDriverValue
          ? null
          : (cell: string) => column.mapFromDriverValue(cell);
    return [key, decode] as const;
  });
  return (cells) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) {
      const [key, decode] = columns[i]!;
      const cell = cells[i];
      row[key] = cell === null || cell === undefined ? null : decode ? decode(cell) : cell;
    }
    return row as Partial<T["$inferSelect"]>;
  };
}

/** The rows of a two-dimensional text array as PostgreSQL prints it (`{{a,NULL},{"b c",d}}`; `{}` when empty). */
export function parseTextRows(text: string): Array<Array<string | null>> {
  return parseArray(text) as unknown as Array<Array<string | null>>;
}

/** Runs a query (counted like every other statement) and maps its raw rows. */
export async function selectRows<T>(db: Db, query: SQLWrapper, map: RowMapper<T>): Promise<T[]> {
  return rowsOf<Record<string, unknown>>(await db.execute(query)).map(map);
}

/**
 * A multi-row INSERT with one parameter: the rows as one JSON array that PostgreSQL unpacks (jsonb_to_recordset).
 * drizzle's `insert().values(rows)` builds one SQL parameter per cell through its generic query builder, which for a
 * partner's batch (100 activities, 500 figures, 100 audit entries) was a third of the hub's CPU (bench/RESULTS.md).
 * Values go through each column's mapToDriverValue as drizzle would send them, except json/jsonb and arrays, which
 * travel as JSON. Columns no row gives take their database default, like drizzle's; a column given in some rows but
 * not others would need a per-row default, so it is refused (callers pass uniform rows).
 */
export async function insertJsonRows<T extends PgTable>(
  db: Db,
  table: T,
  rows: Array<T["$inferInsert"]>,
  options: { onConflictDoNothing?: Column[]; returning?: boolean } = {},
): Promise<Array<T["$inferSelect"]>> {
  if (rows.length === 0) return [];
  const all = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  const given = all.filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  for (const [key, column] of given) {
    if (rows.some((r) => (r as Record<string, unknown>)[key] === undefined) && (column.hasDefault || column.defaultFn)) {
      throw new Error(`insertJsonRows: column ${column.name} is given in some rows only`);
    }
  }
  for (const [, column] of all) {
    if (!given.some(([, c]) => c === column) && (column.defaultFn || column.onUpdateFn)) {
      throw new Error(`insertJsonRows: column ${column.name} has a default computed by drizzle; give it`);
    }
  }
  const asJson = (column: Column) => /json|\[\]$/.test(column.getSQLType());
  const payload = rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [key, column] of given) {
      const value = (r as Record<string, unknown>)[key];
      out[column.name] = value === null || value === undefined ? null : asJson(column) ? value : column.mapToDriverValue(value);
    }
    return out;
  });
  const names = given.map(([, c]) => sql.identifier(c.name));
  const types = sql.raw(given.map(([, c]) => `"${c.name}" ${sqlType(c)}`).join(", "));
  const conflict = options.onConflictDoNothing
    ? sql` on conflict (${sql.join(options.onConflictDoNothing.map((c) => sql.identifier(c.name)), sql`, `)}) do nothing`
    : sql``;
  const returning = options.returning ? sql` returning *` : sql``;
  const query = sql`insert into ${table} (${sql.join(names, sql`, `)})
    select ${sql.join(names, sql`, `)} from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as r(${types})${conflict}${returning}`;
  const result = await db.execute(query);
  return options.returning ? rowsOf<Record<string, unknown>>(result).map(rowMapper(table)) : [];
}

/** The column's type as SQL, an enum's name quoted (the hub has enums named `precision` and `channel`). */
function sqlType(column: Column): string {
  const base = (column as unknown as { baseColumn?: Column }).baseColumn ?? column;
  const enumName = (base as unknown as { enum?: { enumName: string } }).enum?.enumName;
  if (!enumName) return column.getSQLType();
  return `"${enumName}"${base === column ? "" : "[]"}`;
}
