// Writes dist/pglite-template.tar.gz: a PGlite cluster initialised and migrated (no data) once at build time
// (`npm run build`, after tsc: it runs the built migrations).
// A hub starting on a new data directory then loads it (PGlite's loadDataDir) instead of running initdb itself:
// initdb's WebAssembly instance beside PostgreSQL's was most of a first start's ~800 MB peak (bench/RESULTS.md).
// The template is tied to the installed PGlite: its version is stored beside it and checked before use.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, "dist", "pglite-template.tar.gz");
const version = JSON.parse(fs.readFileSync(path.join(root, "node_modules/@electric-sql/pglite/package.json"), "utf8")).version;
const db = await PGlite.create();
// Migrated here too: the hub applies only migrations newer than the template's at start (none, for this build).
const { wrapPglite } = await import("../dist/src/db/pglite.js");
const { migrateDatabase } = await import("../dist/src/db/migrate.js");
await migrateDatabase(wrapPglite(db));
const blob = await db.dumpDataDir("gzip");
await db.close();
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, Buffer.from(await blob.arrayBuffer()));
fs.writeFileSync(`${out}.version`, `${version}\n`);
console.error(`pglite: wrote ${path.relative(root, out)} (PGlite ${version}, ${Math.round(fs.statSync(out).size / 1024)} KB)`);
