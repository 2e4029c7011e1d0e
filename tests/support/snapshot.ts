// "Nothing was written": every table's row count and a digest of all its rows. Two equal snapshots mean no row was
// added, changed or removed in between.
import { sql } from "drizzle-orm";
import { rowsOf, type Database } from "../../src/db/client.js";

const TABLES = ["societies", "editions", "activities", "metrics", "activity_changes", "api_keys", "audit_log"] as const;

export type Snapshot = Record<(typeof TABLES)[number], { n: number; digest: string }>;

export async function snapshot(database: Database): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const table of TABLES) {
    const [row] = rowsOf<{ n: number; digest: string }>(
      await database.db.execute(
        sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`),
      ),
    );
    out[table] = row!;
  }
  return out;
}
