// Writes dist/pglite-template/: a PGlite data directory initialised and migrated (no data) once at build time
// (`npm run build`, after tsc: it runs the built migrations).
// A hub starting on a new data directory copies it (src/db/pglite.ts) instead of running initdb itself: initdb's
// WebAssembly instance beside PostgreSQL's was most of a first start's ~800 MB peak (bench/RESULTS.md). It is a plain
// directory, not a tarball: unpacking a 40 MB tar inside the process (PGlite's loadDataDir) held ~100 MB of buffers
// at the first start's peak, a file copy holds none.
// The template is tied to the installed PGlite: its version is stored beside it and checked before use.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, "dist", "pglite-template");
const version = JSON.parse(fs.readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")).version;
const building = `${out}.building-${process.pid}`;
fs.rmSync(building, { recursive: true, force: true });
fs.mkdirSync(path.dirname(out), { recursive: true });
const { pgliteOptions, wrapPglite } = await import("../dist/src/db/pglite.js");
const db = await PGlite.create(building, pgliteOptions());
// Migrated here too: the hub applies only migrations newer than the template's at start (none, for this build).
const { migrateDatabase } = await import("../dist/src/db/migrate.js");
await migrateDatabase(wrapPglite(db));
await db.query("checkpoint");
await db.close();
fs.rmSync(out, { recursive: true, force: true });
fs.rmSync(path.join(root, "dist", "pglite-template.tar.gz"), { force: true }); // the earlier builds' format
fs.rmSync(path.join(root, "dist", "pglite-template.tar.gz.version"), { force: true });
fs.renameSync(building, out);
fs.writeFileSync(`${out}.version`, `${version}\n`);
const size = fs.readdirSync(out, { recursive: true }).reduce((n, f) => n + (fs.statSync(path.join(out, f)).isFile() ? fs.statSync(path.join(out, f)).size : 0), 0);
console.error(`pglite: wrote ${path.relative(root, out)}/ (PGlite ${version}, ${Math.round(size / 1048576)} MB)`);
