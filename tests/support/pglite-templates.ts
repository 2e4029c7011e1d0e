// The embedded databases a PGlite test run starts from, made in a process the global set-up
// (tests/support/global-setup.ts) starts, `node --liftoff-only --import tsx <this> <folder>`, while the workers start
// and load the test files, unless an earlier run kept them (TEMPLATE_CACHE below); tests read them through
// `pgliteTemplate` (tests/support/db.ts), which waits for them.
//
// - initdb.tar: a cluster as initdb leaves it, not migrated (tests/migration-0005.test.ts migrates it step by step);
// - migrated.tar: the same cluster migrated, no data (every test file's database: tests/support/db.ts);
// - migrated-pgdata/: migrated.tar as a PGlite data directory on disk, for the data directories a hub or CLI opens
//   (tests/support/db.ts, fillWithMigratedDatabase), as `npm run build`'s template is for a built install.
//
// Why a process: PGlite's initdb took ~8 s of the set-up's ~15 s in vitest's own thread, one after the web site's
// build there, and no worker started before it ended. Beside them, all run at once. And --liftoff-only, as in the
// test workers (vitest.config.ts says why).
// Each test that needs a fresh cluster loads one of these instead of running initdb itself (~4 s of CPU each).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { MIGRATIONS_DIR, migrateDatabase } from "../../src/db/migrate.js";
import { pgliteOptions, wrapPglite } from "../../src/db/pglite.js";
import { fromRoot } from "../../src/shared/project-root.js";

export const TEMPLATE_FILES = { initdb: "initdb.tar", migrated: "migrated.tar", migratedDataDir: "migrated-pgdata" } as const;
/** Written last when every file is there (`ready`), or by the global set-up when this failed (`failed`, its error). */
export const TEMPLATE_MARKERS = { ready: "ready", failed: "failed" } as const;

/**
 * Where a run keeps its templates for the next runs (`npm ci` empties it with node_modules), in a folder named after
 * everything they are made from: this script, the migrations and the code that applies them, and the installed
 * packages (PGlite among them). A change to any of these makes them anew. `rm -rf node_modules/.cache/idor-hub-tests`
 * forces it.
 */
export const TEMPLATE_CACHE = fromRoot("node_modules", ".cache", "idor-hub-tests");

export function templatesKey(): string {
  const hash = createHash("sha256");
  const files = [
    fromRoot("tests", "support", "pglite-templates.ts"),
    fromRoot("src", "db", "migrate.ts"),
    fromRoot("src", "db", "pglite.ts"),
    fromRoot("package-lock.json"),
    ...fs.readdirSync(MIGRATIONS_DIR, { recursive: true, encoding: "utf8" }).sort().map((name) => path.join(MIGRATIONS_DIR, name)),
  ];
  for (const file of files) {
    if (!fs.statSync(file).isFile()) continue;
    hash.update(`${path.relative(fromRoot(), file)}\0`).update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

async function writeDump(pg: PGlite, file: string): Promise<void> {
  const dump = await pg.dumpDataDir("none");
  await fs.promises.writeFile(file, new Uint8Array(await dump.arrayBuffer()));
}

async function makeTemplates(folder: string): Promise<void> {
  const pg = await PGlite.create(pgliteOptions());
  try {
    await writeDump(pg, path.join(folder, TEMPLATE_FILES.initdb));
    await migrateDatabase(wrapPglite(pg));
    await pg.query("checkpoint");
    await writeDump(pg, path.join(folder, TEMPLATE_FILES.migrated));
  } finally {
    await pg.close();
  }
  // The dump is a tar of PGlite's data directory: unpacked by the system's tar (~0.2 s), where a PGlite booted on the
  // folder to load it took ~3 s more before the first test could start.
  const dataDir = path.join(folder, TEMPLATE_FILES.migratedDataDir);
  fs.mkdirSync(dataDir);
  execFileSync("tar", ["-xf", path.join(folder, TEMPLATE_FILES.migrated), "-C", dataDir], { stdio: ["ignore", "ignore", "pipe"] });
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`tar left no cluster in ${dataDir}`);
  fs.writeFileSync(path.join(folder, TEMPLATE_MARKERS.ready), "");
}

// Run as a script (the global set-up), not when imported for the names above.
const realPath = (file: string | undefined) => (file && fs.existsSync(file) ? fs.realpathSync(file) : undefined);
if (realPath(process.argv[1]) !== undefined && realPath(process.argv[1]) === realPath(import.meta.filename)) {
  await makeTemplates(process.argv[2]!);
}
