// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) under the data directory. Kept apart from
// ./client.ts and loaded only when no DATABASE_URL is set (src/db/open.ts imports it on demand), so that a hub on
// PostgreSQL never loads PGlite's JavaScript (~10 MB of resident memory).
import fs from "node:fs";
import path from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { wrap, type Database, type Db } from "./client.js";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.js";
import { fromRoot } from "../shared/project-root.js";

/** The folder inside the data directory that holds PGlite's files (beside the lock and the hub's other files). */
export const PGLITE_SUBDIR = "pgdata";

/**
 * PostgreSQL's settings for the embedded instance: PGlite's own start parameters plus a smaller buffer pool.
 * PGlite's initdb writes `shared_buffers = 128MB`; the instance touches that memory inside its WebAssembly memory,
 * which never shrinks, and its files live on the host's file system anyway (the OS page cache holds what the pool
 * does not). 16 MB took a fresh start's peak resident memory down by ~80 MB (bench/RESULTS.md, third pass).
 */
export const PGLITE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/** The options every PGlite the hub opens gets (tests' clones included). */
export function pgliteOptions(extra: PGliteOptions = {}): PGliteOptions {
  return { startParams: [...PGLITE_START_PARAMS], ...extra };
}

export function wrapPglite(client: PGlite, onClose?: () => void | Promise<void>): Database {
  return wrap(
    "pglite",
    (logger) => drizzlePglite({ client, logger }) as unknown as Db,
    () => client.query("select 1"),
    async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        await onClose?.();
      }
    },
  );
}

export async function openPglite(dataDir: string, opts: { command?: string } = {}): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  // Taken before PGlite touches the files: a second opener must not even read a directory another process writes.
  const lock: DataDirLock = acquireDataDirLock(dataDir, opts);
  try {
    const pgdata = path.join(dataDir, PGLITE_SUBDIR);
    if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) copyTemplate(pgdata);
    const client = await PGlite.create(pgdata, pgliteOptions());
    return wrapPglite(client, () => lock.release());
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * A new data directory starts as a copy of the empty cluster `npm run build` initialised and migrated
 * (scripts/pglite-template.mjs), when it was made by the installed PGlite; PGlite then opens it like an existing one.
 * Without it (sources run through tsx, no build) PGlite runs initdb, whose second WebAssembly instance made a first
 * start peak near 800 MB (bench/RESULTS.md). Copied beside and renamed, so an interrupted copy is never taken for a
 * cluster.
 */
function copyTemplate(pgdata: string): void {
  const template = fromRoot("dist", "pglite-template");
  try {
    const installed = (JSON.parse(fs.readFileSync(fromRoot("node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string }).version;
    if (fs.readFileSync(`${template}.version`, "utf8").trim() !== installed) return;
  } catch {
    return;
  }
  // Something other than a cluster already there is left to PGlite, as before.
  if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0) return;
  const copying = `${pgdata}.copying`;
  fs.rmSync(copying, { recursive: true, force: true });
  fs.cpSync(template, copying, { recursive: true });
  fs.rmSync(pgdata, { recursive: true, force: true }); // empty
  fs.renameSync(copying, pgdata);
}
