// Preloaded into a hub by bench/mem-probe.mjs and bench/pglite-start.mjs (--watch / WATCH=1): appends
// process.memoryUsage() and V8's space sizes to MEM_WATCH_FILE at every new RSS high (sampled every 20 ms; a busy event
// loop delays samples), and on SIGUSR2 the modules loaded so far, counted per package (Node >= 22.15: registerHooks).
import fs from "node:fs";
import module from "node:module";
import v8 from "node:v8";
const file = process.env.MEM_WATCH_FILE;
const loaded = new Set();
if (module.registerHooks) module.registerHooks({ load(url, ctx, next) { loaded.add(url); return next(url, ctx); } });
let max = 0;
const t0 = Date.now();
function sample(tag) {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / 1048576)]));
  return { tag, t: Date.now() - t0, rss: m.rss >> 20, heapTotal: m.heapTotal >> 20, heapUsed: m.heapUsed >> 20, external: m.external >> 20, arrayBuffers: m.arrayBuffers >> 20, spaces };
}
const timer = setInterval(() => {
  const m = process.memoryUsage.rss();
  if (m > max + 2 * 1048576) { max = m; fs.appendFileSync(file, JSON.stringify(sample("max")) + "\n"); }
}, 20);
timer.unref();
process.on("SIGUSR2", () => {
  fs.appendFileSync(file, JSON.stringify(sample("usr2")) + "\n");
  const pkgs = {};
  for (const u of loaded) { const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u); const k = m ? m[1] : u.startsWith("node:") ? "node:" : u.replace(/^file:\/\/\/work\/wt\/[^/]+\//, "").split("/").slice(0, 2).join("/"); pkgs[k] = (pkgs[k] ?? 0) + 1; }
  fs.appendFileSync(file, JSON.stringify({ tag: "modules", n: loaded.size, pkgs }) + "\n");
});
