// A quick probe for working on one hot path: loads the bench's data set once into DATABASE_URL (kept between probes),
// starts the built hub (dist/, response cache off) and measures one scenario: req/s, server CPU ms per request, SQL
// statements per request. `npm run bench` is the real measurement; this is for before/after of one change.
//   DATABASE_URL=postgres://postgres@127.0.0.1:PORT/postgres node bench/probe.mjs dashboard|society|ingest|summary|typename|cold [--cpu-prof] [--rounds N]
// (PROBE_REQUESTS=N: requests per round; PROBE_CONNECTIONS=N (default 8); PROBE_RESPONSE_CACHE=1: the response cache on;
// PROBE_YEAR=Y: the summary's edition; `cold`: summary(year) one at a time, each after a change of the data revision,
// latency against the PostgreSQL time of its statements; --large: load the 1,000,000-metric edition too.)
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import postgres from "postgres";
import { DASHBOARD_YEAR, loadDataset, SCALES, slugOf } from "./lib/dataset.mjs";
import { cannon } from "./lib/measure.mjs";
import { cpuSeconds, httpOk, hubNodeArgs, startProcess } from "./lib/proc.mjs";
import { summariseProfile } from "./lib/profile.mjs";
import { body, hub as hubQ, ingestBatches } from "./lib/queries.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const args = process.argv.slice(2);
const scenario = args[0] ?? "dashboard";
const profile = args.includes("--cpu-prof");
const rounds = Number(args[args.indexOf("--rounds") + 1] || 1) || 1;
const port = Number(process.env.BENCH_PORT_BASE ?? 56400) + 40;
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL: an empty (or previously probed) PostgreSQL database");

const admin = postgres(url, { max: 2, onnotice: () => {} });
await admin`create extension if not exists pg_stat_statements`;
const [role] = await admin`select 1 from pg_roles where rolname = 'bench_probe'`;
if (!role) await admin.unsafe("create role bench_probe login superuser");
const { migratePostgresUrl } = await import(pathToFileURL(path.join(ROOT, "dist/src/db/migrate.js")).href);
await migratePostgresUrl(url);
const [{ n }] = await admin`select count(*)::int as n from activities`;
if (n === 0) await loadDataset(url, SCALES.default, { large: args.includes("--large"), log: console.log });
const { generateApiKey } = await import(pathToFileURL(path.join(ROOT, "dist/src/auth/api-key.js")).href);
const staffKey = generateApiKey().secret;

const u = new URL(url);
u.username = "bench_probe";
const profDir = path.join(BENCH, "out", "probe-profile");
fs.mkdirSync(path.join(BENCH, "out"), { recursive: true });
fs.rmSync(profDir, { recursive: true, force: true });
// --ab DIR_A DIR_B: two builds (copies of dist/ inside the repository, e.g. .tmp/dist-before) measured in alternation,
// round by round, so that both see the same load on a shared machine.
const ab = args.includes("--ab") ? [args[args.indexOf("--ab") + 1], args[args.indexOf("--ab") + 2]] : null;
const startHub = (dist, p, prof) =>
  startProcess(`hub-probe-${p}`, [...hubNodeArgs(ROOT), ...(prof ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : []), path.resolve(ROOT, dist, "src/main.js")], {
    cwd: ROOT,
    env: {
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(p),
      DATABASE_URL: u.toString(),
      HUB_SEED_ON_EMPTY: "false",
      HUB_BOOTSTRAP_STAFF_KEY: staffKey,
      HUB_RESPONSE_CACHE_ENTRIES: process.env.PROBE_RESPONSE_CACHE === "1" ? "1000" : "0",
      HUB_RATE_LIMIT_ANONYMOUS: "0",
      HUB_RATE_LIMIT_KEYED: "0",
      HUB_RATE_LIMIT_AUTH_FAILURES: "0",
      HUB_MAX_CONCURRENT_REQUESTS: "0",
      // A cold summary of a large edition on a loaded machine may take longer than the default budget of 10 s.
      ...(scenario === "cold" ? { HUB_REQUEST_TIMEOUT_MS: "600000" } : {}),
    },
    logFile: path.join(BENCH, "out", "hub-probe.log"),
    ready: () => httpOk(`http://127.0.0.1:${p}/readyz`),
  });
const hubs = ab ? [await startHub(ab[0], port, false), await startHub(ab[1], port + 1, false)] : [await startHub("dist", port, profile)];
const hub = hubs[0];
const gqlUrl = `http://127.0.0.1:${port}/graphql`;
const json = { "content-type": "application/json" };
let opts;
let perRequest = 1;
if (scenario === "dashboard") {
  opts = { url: gqlUrl, method: "POST", headers: json, body: body(hubQ.dashboard, { year: DASHBOARD_YEAR }) };
} else if (scenario === "society") {
  let i = 0;
  opts = { url: gqlUrl, requests: [{ method: "POST", headers: json, setupRequest: (r) => ({ ...r, body: body(hubQ.society, { slug: slugOf((i++ % 200) + 1) }) }) }] };
} else if (scenario === "ingest") {
  const res = await fetch(gqlUrl, {
    method: "POST",
    headers: { ...json, authorization: `Bearer ${staffKey}` },
    body: body(hubQ.issueKey, { input: { role: "PARTNER", societySlug: slugOf(200), label: "probe" } }),
  });
  const partner = (await res.json()).data.issueApiKey.secret;
  const batch = ingestBatches(`probe-${Date.now().toString(36)}`);
  const check = await (await fetch(gqlUrl, { method: "POST", headers: { ...json, authorization: `Bearer ${partner}` }, body: batch() })).json();
  if (check.data?.submitActivities?.userErrors?.length !== 0) throw new Error(JSON.stringify(check).slice(0, 400));
  opts = { url: gqlUrl, connections: 4, requests: [{ method: "POST", headers: { ...json, authorization: `Bearer ${partner}` }, setupRequest: (r) => ({ ...r, body: batch() }) }] };
  perRequest = 500;
} else if (scenario === "summary" || scenario === "cold") {
  opts = { url: gqlUrl, method: "POST", headers: json, body: body(hubQ.summary, { year: Number(process.env.PROBE_YEAR ?? DASHBOARD_YEAR) }) };
} else if (scenario === "typename") {
  opts = { url: gqlUrl, method: "POST", headers: json, body: body(hubQ.typename) };
} else throw new Error(`unknown scenario ${scenario}`);

/** POST without fetch's 300 s headers timeout: a cold summary of the large edition may take longer. */
function postWithoutTimeout(target, payload) {
  return new Promise((resolve, reject) => {
    const req = http.request(target, { method: "POST", headers: { ...json, "content-length": Buffer.byteLength(payload) } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
}

if (scenario === "cold") {
  // One request at a time, each after a change of the data revision; the first also warms the plan cache.
  try {
    for (let r = 0; r < rounds * hubs.length; r++) {
      const which = hubs.length === 1 ? 0 : (r + Math.floor(r / 2)) % 2;
      const target = gqlUrl.replace(String(port), String(port + which));
      const cpu0 = cpuSeconds(hubs[which].pid);
      await admin`update data_revision set revision = revision + 1`;
      await admin`select pg_stat_statements_reset()`;
      const t = process.hrtime.bigint();
      const res = await postWithoutTimeout(target, opts.body);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (res.errors) throw new Error(JSON.stringify(res.errors).slice(0, 400));
      const cpu = (cpuSeconds(hubs[which].pid) - cpu0) * 1000;
      const [u] = await admin`select coalesce(sum(s.calls), 0)::float8 as calls, coalesce(sum(s.total_exec_time), 0)::float8 as ms
        from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = 'bench_probe'`;
      console.log(`${ab ? `${ab[which]} ` : ""}cold summary: ${ms.toFixed(0)} ms, pg ${u.ms.toFixed(0)} ms in ${u.calls} statements, ratio ${(ms / u.ms).toFixed(2)}, hub cpu ${cpu.toFixed(0)} ms`);
    }
    if (profile && !ab) {
      await hubs[0].stop();
      const file = fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
      const s = summariseProfile(path.join(profDir, file), [0, Number.MAX_SAFE_INTEGER], 40);
      for (const c of s.categories.slice(0, 14)) console.log(`  ${c.pct.toFixed(1).padStart(5)}%  ${c.key}`);
      for (const f of s.frames) console.log(`  ${f.pct.toFixed(1).padStart(5)}%  ${f.fn}  ${f.where}`);
    }
  } finally {
    for (const h of hubs) await h.stop();
    await admin.end();
  }
  process.exit(0);
}

// A fixed number of requests at 8 connections, CPU read after every one has been answered: CPU per request without
// the requests a timed run leaves in flight (on a loaded machine those skew a short run's figure by tens of percent).
const amount = Number(process.env.PROBE_REQUESTS ?? { dashboard: 300, society: 3000, ingest: 40, summary: 3000, typename: 3000 }[scenario]);
try {
  const perHub = hubs.map((h, i) => ({ ...opts, url: opts.url.replace(String(port), String(port + i)) }));
  const connections = Number(process.env.PROBE_CONNECTIONS ?? 8);
  for (const o of perHub) await cannon({ connections, ...o, amount: Math.max(16, Math.round(amount / 3)) });
  const cpus = hubs.map(() => []);
  for (let r = 0; r < rounds * hubs.length; r++) {
    const which = hubs.length === 1 ? 0 : (r + Math.floor(r / 2)) % 2; // A B B A A B ...
    const hub = hubs[which];
    const opts = perHub[which];
    const t0 = process.hrtime.bigint() / 1000n;
    await admin`select pg_stat_statements_reset()`;
    const cpu0 = cpuSeconds(hub.pid);
    const started = Date.now();
    const m = await cannon({ connections, ...opts, amount });
    const wall = (Date.now() - started) / 1000;
    const cpu = (cpuSeconds(hub.pid) - cpu0) * 1000;
    const t1 = process.hrtime.bigint() / 1000n;
    const [u] = await admin`select coalesce(sum(s.calls), 0)::float8 as calls, coalesce(sum(s.total_exec_time), 0)::float8 as ms
      from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = 'bench_probe'`;
    const bad = m.non2xx + m.errors + m.timeouts;
    cpus[which].push(cpu / amount);
    console.log(
      `${ab ? `${ab[which]} ` : ""}${scenario}: ${amount} requests, ${((amount * perRequest) / wall).toFixed(0)} ${perRequest > 1 ? "rows" : "req"}/s  cpu ${(cpu / amount).toFixed(2)} ms/req  sql ${(u.calls / amount).toFixed(2)}/req  pg ${(u.ms / amount).toFixed(2)} ms/req  p50 ${m.latency.p50} p99 ${m.latency.p99}  errors ${bad}`,
    );
    if (scenario === "ingest") {
      const top = await admin`select left(regexp_replace(s.query, '[[:space:]]+', ' ', 'g'), 90) as q, s.calls::float8 as calls, s.mean_exec_time::float8 as mean
        from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = 'bench_probe' order by s.total_exec_time desc limit 8`;
      for (const t of top) console.log(`   ${t.calls} × ${t.mean.toFixed(2)} ms  ${t.q}`);
    }
    if (profile && !ab && r === rounds - 1) {
      await hub.stop();
      const file = fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
      const s = summariseProfile(path.join(profDir, file), [Number(t0), Number(t1)], 40);
      for (const c of s.categories.slice(0, 14)) console.log(`  ${c.pct.toFixed(1).padStart(5)}%  ${c.key}`);
      for (const f of s.frames) console.log(`  ${f.pct.toFixed(1).padStart(5)}%  ${f.fn}  ${f.where}`);
    }
  }
  if (ab) {
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(`median cpu ms/req: ${ab[0]} ${med(cpus[0]).toFixed(2)}, ${ab[1]} ${med(cpus[1]).toFixed(2)} (${((med(cpus[1]) / med(cpus[0]) - 1) * 100).toFixed(1)}%)`);
  }
} finally {
  for (const h of hubs) await h.stop();
  await admin.end();
}
