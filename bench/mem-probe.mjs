// Peak memory of the built hub on PostgreSQL (third pass of issue 8): starts DIST_DIR/src/main.js (response cache off,
// the bench's settings) on DATABASE_URL (a database bench/probe.mjs filled), reads its RSS once ready, then runs each
// scenario at 32 connections (warm-up + duration, or --amount N requests at 8 connections after the warm-up) and
// prints req/s, server CPU ms/request, p99, the sampled peak RSS (every 100 ms) and VmHWM, as one JSON line.
//   node bench/mem-probe.mjs DIST_DIR [--scenarios dashboard,society,ingest,mix|none] [--node-flags "..."]
//        [--env K=V,...] [--amount N] [--warmup S] [--duration S] [--port P] [--watch]
// --watch: bench/lib/mem-watch.mjs in the hub writes process.memoryUsage() and V8's spaces at each new RSS high and
// the loaded modules per package on SIGUSR2 (bench/out/mem-watch-PORT.jsonl). Node flags are given explicitly here
// (not start:prod's), so that a pair can compare them.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
const ROOT = path.resolve(import.meta.dirname, "..");
fs.mkdirSync(path.join(ROOT, "bench/out"), { recursive: true });
const B = (p) => pathToFileURL(path.join(ROOT, "bench", p)).href;
const { DASHBOARD_YEAR, slugOf } = await import(B("lib/dataset.mjs"));
const { cannon } = await import(B("lib/measure.mjs"));
const { httpOk, startProcess, rssSampler, rssMb, peakRssMb, cpuSeconds } = await import(B("lib/proc.mjs"));
const { body, hub: hubQ, ingestBatches } = await import(B("lib/queries.mjs"));
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : d);
const dist = args[0] ?? "dist";
const scen = opt("scenarios", "dashboard").split(",");
const flags = opt("node-flags", "").split(" ").filter(Boolean);
const extraEnv = Object.fromEntries(opt("env", "").split(",").filter(Boolean).map((kv) => kv.split("=")));
const port = Number(opt("port", Number(process.env.BENCH_PORT_BASE ?? 56400) + 45));
const watch = args.includes("--watch") ? path.join(ROOT, `bench/out/mem-watch-${port}.jsonl`) : null;
if (watch) fs.rmSync(watch, { force: true });
const url = process.env.DATABASE_URL;
const { generateApiKey } = await import(pathToFileURL(path.join(ROOT, "dist/src/auth/api-key.js")).href);
const staffKey = generateApiKey().secret;
const hub = await startProcess("hub", [...flags, ...(watch ? ["--import", path.join(ROOT, "bench/lib/mem-watch.mjs")] : []), path.resolve(ROOT, dist, "src/main.js")], {
  cwd: ROOT,
  env: { NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: String(port), DATABASE_URL: url, HUB_SEED_ON_EMPTY: "false", HUB_BOOTSTRAP_STAFF_KEY: staffKey,
    HUB_RESPONSE_CACHE_ENTRIES: "0", HUB_RATE_LIMIT_ANONYMOUS: "0", HUB_RATE_LIMIT_KEYED: "0", HUB_RATE_LIMIT_AUTH_FAILURES: "0", HUB_MAX_CONCURRENT_REQUESTS: "0", MEM_WATCH_FILE: watch ?? "", ...extraEnv },
  logFile: path.join(ROOT, "bench/out/hub-mem.log"),
  ready: () => httpOk(`http://127.0.0.1:${port}/readyz`),
});
await new Promise((r) => setTimeout(r, 500));
const out = { dist, flags: flags.join(" "), env: extraEnv, ready: { rss: Math.round(rssMb(hub.pid)), hwm: Math.round(peakRssMb(hub.pid)) } };
if (watch) { process.kill(hub.pid, "SIGUSR2"); await new Promise((r) => setTimeout(r, 300)); }
const gqlUrl = `http://127.0.0.1:${port}/graphql`;
const json = { "content-type": "application/json" };
const post = (b, h = {}) => ({ method: "POST", headers: { ...json, ...h }, body: b });
let i = 0;
const soc = () => ({ method: "POST", headers: json, setupRequest: (r) => ({ ...r, body: body(hubQ.society, { slug: slugOf((i++ % 200) + 1) }) }) });
async function partner() {
  const res = await fetch(gqlUrl, { method: "POST", headers: { ...json, authorization: `Bearer ${staffKey}` }, body: body(hubQ.issueKey, { input: { role: "PARTNER", societySlug: slugOf(200), label: "mem" } }) });
  return (await res.json()).data.issueApiKey.secret;
}
for (const s of scen) {
  let o;
  if (s === "dashboard") o = { url: gqlUrl, connections: 32, ...post(body(hubQ.dashboard, { year: DASHBOARD_YEAR })) };
  else if (s === "society") o = { url: gqlUrl, connections: 32, requests: [soc()] };
  else if (s === "ingest") { const p = await partner(); const batch = ingestBatches(`mem-${Date.now().toString(36)}`); o = { url: gqlUrl, connections: 4, requests: [{ method: "POST", headers: { ...json, authorization: `Bearer ${p}` }, setupRequest: (r) => ({ ...r, body: batch() }) }] }; }
  else if (s === "mix") o = { url: gqlUrl, connections: 32, requests: [post(body(hubQ.dashboard, { year: DASHBOARD_YEAR })), soc(), soc(), soc(), soc()] };
  if (!o) continue;
  const stop = rssSampler(hub.pid);
  const w = await cannon({ ...o, duration: Number(opt("warmup", 2)) });
  const c0 = cpuSeconds(hub.pid);
  const r = opt("amount") ? await cannon({ ...o, connections: 8, amount: Number(opt("amount")) }) : await cannon({ ...o, duration: Number(opt("duration", 6)) });
  const cpu = ((cpuSeconds(hub.pid) - c0) * 1000) / Math.max(1, r.requests.total);
  const peak = stop();
  (out.runs ??= []).push({ s, rps: Math.round(r.requests.total / r.duration), cpu: +cpu.toFixed(1), p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx + w.non2xx, sampledPeak: Math.round(peak), hwm: Math.round(peakRssMb(hub.pid)), after: Math.round(rssMb(hub.pid)) });
}
if (watch) { process.kill(hub.pid, "SIGUSR2"); await new Promise((r) => setTimeout(r, 300)); }
await hub.stop();
console.log(JSON.stringify(out));
