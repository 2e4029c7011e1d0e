// A fresh, migrated database for one test file: on PGlite the migrated dump (tests/support/pglite-templates.ts), in an
// instance of this worker emptied back to it or a new clone of it; on PostgreSQL a new database made from the migrated
// template. Closing it drops it (PostgreSQL) or hands the instance back to the worker (PGlite).
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { wrapPostgres, type Database } from "../../src/db/client.js";
import { PGLITE_SUBDIR, pgliteOptions, wrapPglite } from "../../src/db/pglite.js";
import { DATABASE_URL, urlForDatabase } from "./env.js";
import { TEMPLATE_FILES, TEMPLATE_MARKERS } from "./pglite-templates.js";

export async function openTestDatabase(): Promise<Database> {
  if (!DATABASE_URL) return wrapPglite(await leasePglite(await pgliteTemplate("migrated")));
  const template = inject("migratedTemplate");
  const name = `hub_test_${process.ppid}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  // Copying a template fails while another session is connected to it; the template has none, but two copies
  // started at the same moment can still collide, so retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database ${name} template ${template}`);
      break;
    } catch (err) {
      if (attempt >= 20 || (err as { code?: string }).code !== "55006") throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const database = wrapPostgres(postgres(urlForDatabase(DATABASE_URL, name), { max: 4, onnotice: () => {} }));
  return {
    ...database,
    forRequest: database.forRequest,
    ping: database.ping,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Fills the hub data directory `dataDir` with a copy of the migrated database (PGlite's files in its pgdata folder,
 * no data), as a built install copies `npm run build`'s template: a hub or CLI opening it skips initdb and the
 * migrations, which cost most of a first start (initdb alone 3-4 s on a quiet machine, 15 s at load 8). A file copy
 * of the set-up's migrated data directory (tests/support/pglite-templates.ts); booting a PGlite to unpack the dump into
 * it cost ~1.5 s of CPU. The tests of the first start itself (tests/server.test.ts, tests/seed-cli.test.ts) do not use
 * it. PGlite runs only: the template exists there.
 */
export async function fillWithMigratedDatabase(dataDir: string): Promise<void> {
  if (DATABASE_URL) throw new Error("fillWithMigratedDatabase: the embedded database's template exists in the PGlite run only");
  await fs.promises.cp(await pgliteTemplate("migratedDataDir"), path.join(dataDir, PGLITE_SUBDIR), { recursive: true });
}

/**
 * The path of one of the PGlite run's templates (tests/support/pglite-templates.ts), once they are made: they are
 * made while the first test files load, so the first to ask waits for them here (polling their folder; a few seconds
 * on a quiet machine). The hook or test that asks bounds the wait with its own timeout; a later one, on a machine too
 * loaded for the first, still finds them.
 */
export async function pgliteTemplate(name: keyof typeof TEMPLATE_FILES): Promise<string> {
  const folder = inject("pgliteTemplates");
  if (!folder) throw new Error("the PGlite templates exist in the PGlite run only");
  const deadline = Date.now() + 600_000; // a bound for the loop itself, far beyond any hook's timeout
  while (!fs.existsSync(path.join(folder, TEMPLATE_MARKERS.ready))) {
    const failed = path.join(folder, TEMPLATE_MARKERS.failed);
    if (fs.existsSync(failed)) throw new Error(fs.readFileSync(failed, "utf8"));
    if (Date.now() > deadline) throw new Error(`the PGlite test templates were not ready in ${folder} after 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return path.join(folder, TEMPLATE_FILES[name]);
}

// ---------------------------------------------------------------------------------------------------------------
// PGlite instances reused by the files of one worker
//
// Booting PGlite from the dump cost about a second of CPU and 2-3 s of wall time per test file, and a few hundred MB
// that the next file's boot faulted in again. A worker of the pglite project runs its files one after another in one
// process (isolate: false), so an instance a file has closed is kept and, for the next file, emptied back to the
// migrated state: every table of the hub's schema truncated with its identity sequences restarted, and the rows the
// migrations themselves wrote (data_revision's one row) put back. What the next file sees is what a fresh clone holds;
// the schema, functions and triggers are the migrations' own, untouched (no test changes them on PGlite). The file
// that had it keeps a closed handle: every call on it fails as on a closed PGlite.

/** Instances kept per worker: most files hold one database at a time, a few two. */
const MAX_IDLE = 2;
const idle: Pooled[] = [];

interface Pooled {
  pg: PGlite;
  /** `truncate ...` of every table, and an insert for each table the migrated database has rows in. */
  reset: { sql: string; params?: unknown[] }[];
}

async function leasePglite(template: string): Promise<PGlite> {
  let pooled = idle.pop();
  if (pooled) {
    try {
      for (const step of pooled.reset) await pooled.pg.query(step.sql, step.params);
    } catch {
      await pooled.pg.close().catch(() => {});
      pooled = undefined;
    }
  }
  if (!pooled) {
    // A Blob backed by the file: a Blob of the file's bytes read first was copied twice more (~0.3 s of CPU a boot).
    const pg = await PGlite.create(pgliteOptions({ loadDataDir: await fs.openAsBlob(template) }));
    pooled = { pg, reset: await resetSteps(pg) };
  }
  return lease(pooled);
}

/** Read from a fresh clone: how to bring an instance back to it. */
async function resetSteps(pg: PGlite): Promise<Pooled["reset"]> {
  const tables = (await pg.query<{ name: string }>(`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname = 'public' order by 1`)).rows.map((r) => r.name);
  const steps: Pooled["reset"] = [{ sql: `truncate ${tables.join(", ")} restart identity cascade` }];
  for (const table of tables) {
    const { rows } = await pg.query<{ rows: unknown[] | null }>(`select json_agg(t) as rows from ${table} t`);
    if (rows[0]?.rows) {
      steps.push({ sql: `insert into ${table} overriding system value select * from json_populate_recordset(null::${table}, $1)`, params: [JSON.stringify(rows[0].rows)] });
    }
  }
  return steps;
}

/** The instance for one file: `close()` hands it back to the worker and leaves this handle closed. */
function lease(pooled: Pooled): PGlite {
  let released = false;
  const pg = pooled.pg;
  return new Proxy(pg, {
    get(target, prop) {
      if (prop === "closed") return released || target.closed;
      if (prop === "close") {
        return async () => {
          if (released) return;
          released = true;
          if (idle.length < MAX_IDLE && !target.closed) idle.push(pooled);
          else await target.close();
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => (released ? Promise.reject(new Error("PGlite is closed")) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}
