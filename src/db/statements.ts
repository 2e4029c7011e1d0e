// Statements built once and run again with other parameters. drizzle builds a statement's text from its query builder
// on every call — on the dashboard its `is` walks and chunk joins were ~8% of the hub's CPU — and `db.execute` sends
// the text unnamed, so PostgreSQL parses and plans it every time (about 0.5 ms of its CPU for the dashboard's page
// statement; bench/RESULTS.md, "Fifth pass"). A hot read with a fixed shape builds its text once per key (everything
// the text depends on: the caller puts the per-request values that vary, such as the parents of a batch, behind
// `sql.placeholder`) and runs it as a named prepared statement on postgres.js, so each connection plans it once.
// What is cached is SQL text and parameters, no data: the same text is right on every database.
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./client.js";

/** A statement's text and its parameters, placeholders among them (filled at each run). */
export interface BuiltStatement {
  sql: string;
  params: unknown[];
  /** Run as a named prepared statement (postgres.js keeps it per connection); false once too many texts were named. */
  named: boolean;
}

const dialect = new PgDialect();
/** Built statements kept, newest last: a key carries a page's arguments, cursors included, so keys are many. */
const MAX_BUILT = 500;
/** Distinct texts prepared by name: postgres.js never forgets one on a connection, so their number is bounded. */
const MAX_NAMED_TEXTS = 100;
const built = new Map<string, BuiltStatement>();
const namedTexts = new Set<string>();

/** The statement for this key, built by `build` the first time (and again after it was dropped to make room). */
export function builtStatement(key: string, build: () => SQL): BuiltStatement {
  const found = built.get(key);
  if (found) return found;
  const query = dialect.sqlToQuery(build());
  if (!namedTexts.has(query.sql) && namedTexts.size < MAX_NAMED_TEXTS) namedTexts.add(query.sql);
  const statement = { sql: query.sql, params: query.params, named: namedTexts.has(query.sql) };
  built.set(key, statement);
  if (built.size > MAX_BUILT) built.delete(built.keys().next().value!);
  return statement;
}

/**
 * Runs a built statement with its placeholders filled from `values`, through the request's handle: counted and
 * cancelled like every other statement. The raw result, as `db.execute` gives it (read it with `rowsOf`).
 */
export function runBuilt(db: Db, statement: BuiltStatement, values: Record<string, unknown>): Promise<unknown> {
  // A name makes drizzle's postgres.js session pass `prepare: true` (postgres.js names and keeps the statement per
  // connection, by its text); PGlite runs the text as it is.
  const name = statement.named ? "hub" : undefined;
  return db._.session.prepareQuery({ sql: statement.sql, params: statement.params }, undefined, name, false).execute(values);
}
