// Peak memory of a hub on the embedded database: starts `node ARGS` (e.g. "dist/src/main.js" or "--import tsx
// src/main.ts") on a new PGlite data directory (seeding on), sends one dashboard request, reads VmHWM; then restarts
// it on the same directory. Prints {first, restart} with seconds to ready and peak RSS (MB) as one JSON line.
//   node bench/pglite-start.mjs "NODE ARGS" [PORT]   (WATCH=1: bench/lib/mem-watch.mjs; EXTRA=K=V,... more env)
import fs from "node:fs"; import os from "node:os"; import path from "node:path"; import { pathToFileURL } from "node:url";
const ROOT = path.resolve(import.meta.dirname, "..");
fs.mkdirSync(path.join(ROOT, "bench/out"), { recursive: true });
const B = (p) => pathToFileURL(path.join(ROOT, "bench", p)).href;
const { DASHBOARD_YEAR } = await import(B("lib/dataset.mjs"));
const { httpOk, startProcess, peakRssMb } = await import(B("lib/proc.mjs"));
const { body, hub: hubQ } = await import(B("lib/queries.mjs"));
const argv = process.argv[2].split(" ").filter(Boolean);
const port = Number(process.argv[3] ?? Number(process.env.BENCH_PORT_BASE ?? 56400) + 46);
const watch = process.env.WATCH ? path.join(ROOT, `bench/out/mem-watch-pglite-${port}.jsonl`) : null;
if (watch) fs.rmSync(watch, { force: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "s3mem-pgl-"));
const out = { cmd: process.argv[2] };
for (const phase of ["first", "restart"]) {
  const t = Date.now();
  const p = await startProcess("pgl", [...(watch ? ["--import", path.join(ROOT, "bench/lib/mem-watch.mjs")] : []), ...argv], { cwd: ROOT,
    env: { NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: String(port), HUB_DATA_DIR: dataDir, DATABASE_URL: "", MEM_WATCH_FILE: watch ?? "", ...(process.env.EXTRA ? Object.fromEntries(process.env.EXTRA.split(",").map((kv) => kv.split("="))) : {}) },
    logFile: path.join(ROOT, "bench/out/hub-pglite-start.log"), ready: () => httpOk(`http://127.0.0.1:${port}/readyz`) });
  const s = (Date.now() - t) / 1000;
  const readyHwm = peakRssMb(p.pid);
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: body(hubQ.dashboard, { year: DASHBOARD_YEAR }) });
  const j = await res.json(); if (j.errors) throw new Error(JSON.stringify(j.errors));
  out[phase] = { s: +s.toFixed(1), readyHwm: Math.round(readyHwm), hwm: Math.round(peakRssMb(p.pid)) };
  if (watch) { process.kill(p.pid, "SIGUSR2"); await new Promise((r) => setTimeout(r, 300)); }
  await p.stop();
}
fs.rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify(out));
