// `npm run bench`: the IDoR Hub side by side with PostGraphile 5 and the floors (raw SQL, bare HTTP) on one throwaway
// PostgreSQL 15 loaded with a deterministic data set, then bench/RESULTS.md with the tables, a chart and a CPU profile.
// Options: --quick (smoke run, ~2 min), --large (adds one edition of 1,000,000 metrics), --rounds N, --duration S,
// --warmup S, --only dashboard,society,summary,ingest,mix,pglite, --hub-env FILE (extra settings for the hub, e.g. raised rate limits), --out FILE, --no-build
// (by default the hub is built only when dist/ is older than its sources; --rebuild always builds),
// --no-profile. DATABASE_URL: use that (empty) database instead of starting a cluster.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import postgres from "postgres";
import { startCluster } from "./lib/cluster.mjs";
import { DASHBOARD_YEAR, LARGE, loadDataset, SCALES, slugOf } from "./lib/dataset.mjs";
import { cannon, measure, medianOf, resetSqlUsage, sqlUsage } from "./lib/measure.mjs";
import { httpOk, hubNodeArgs, peakRssMb, startProcess } from "./lib/proc.mjs";
import { summariseProfile } from "./lib/profile.mjs";
import { body, hub as hubQ, ingestBatches, normaliseDashboard, pgl as pglQ } from "./lib/queries.mjs";
import { writeResults } from "./lib/report.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const OUT = path.join(BENCH, "out");

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const quick = flag("quick");
const large = flag("large");
const settings = {
  quick,
  large,
  scale: quick ? SCALES.quick : SCALES.default,
  rounds: Number(option("rounds", quick ? 1 : 3)),
  warmup: Number(option("warmup", quick ? 1 : 2)),
  duration: Number(option("duration", quick ? 3 : 6)),
  connections: 32,
  coldRequests: quick ? 3 : 8,
  portBase: Number(option("port-base", process.env.BENCH_PORT_BASE ?? 56400)),
  hubEnvFile: option("hub-env", process.env.BENCH_HUB_ENV ?? path.join(BENCH, "hub.env")),
  out: option("out", path.join(BENCH, quick ? "RESULTS-quick.md" : "RESULTS.md")),
};
const PORTS = { pg: settings.portBase, hub: settings.portBase + 10, hubCached: settings.portBase + 11, pgl: settings.portBase + 20, floor: settings.portBase + 30 };
const started = Date.now();
const log = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** Newest modification time under a path (files and folders), 0 when absent. */
function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((max, entry) => Math.max(max, newest(path.join(p, entry))), st.mtimeMs);
}

/** dist/ (compiled hub, PGlite template) and web/dist are newer than everything they are built from. */
function buildIsFresh() {
  if (flag("rebuild")) return false;
  const at = (...parts) => Math.max(...parts.map((p) => newest(path.join(ROOT, p))));
  const hub = Math.min(at("dist/src/main.js"), at("dist/pglite-template.version"));
  const web = at("web/dist/.built");
  const lock = at("package-lock.json");
  return (
    hub > 0 &&
    web > 0 &&
    hub >= Math.max(lock, at("src", "schema", "scripts", "tsconfig.json", "tsconfig.build.json")) &&
    web >= Math.max(lock, at("web/src", "web/index.html", "web/graphiql.html", "web/vite.config.ts"))
  );
}

/** KEY=VALUE lines (comments with #) passed to the hub's environment. */
function readEnvFile(file) {
  if (!file || !fs.existsSync(file)) return {};
  const env = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trim().startsWith("#")) env[m[1]] = m[2];
  }
  return env;
}

function withUser(url, user) {
  const u = new URL(url);
  u.username = user;
  u.password = "";
  return u.toString();
}

async function gql(port, query, variables, headers = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: body(query, variables),
  });
  const json = await res.json();
  if (json.errors) throw new Error(`GraphQL errors from port ${port}: ${JSON.stringify(json.errors).slice(0, 400)}`);
  return json.data;
}

const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (err) {
      console.error("cleanup:", err.message);
    }
  }
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  log(`IDoR Hub bench (${quick ? "quick" : "full"}${large ? ", large edition" : ""}): Node ${process.version}, ${os.cpus().length} cores`);

  if (flag("no-build")) {
    // as asked
  } else if (buildIsFresh()) {
    log("the hub's build (dist/) is newer than its sources: not rebuilding (--rebuild forces it)");
  } else {
    log("building the hub (npm run build)");
    execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  }

  let url = process.env.DATABASE_URL;
  let pgVersion = "given by DATABASE_URL";
  if (!url) {
    log(`starting a throwaway PostgreSQL on 127.0.0.1:${PORTS.pg}`);
    const cluster = await startCluster(PORTS.pg);
    cleanups.push(() => cluster.stop());
    url = cluster.url;
    pgVersion = cluster.version;
  }
  const admin = postgres(url, { max: 2, onnotice: () => {} });
  cleanups.push(() => admin.end({ timeout: 5 }));
  const [{ version: serverVersion }] = await admin`select version()`;

  // One role per server so that pg_stat_statements tells their statements apart.
  const roles = { hub: "bench_hub", hubCached: "bench_hub_cached", pgl: "bench_pgl", floor: "bench_floor" };
  let separateRoles = true;
  try {
    await admin`create extension if not exists pg_stat_statements`;
    for (const role of Object.values(roles)) {
      const [exists] = await admin`select 1 from pg_roles where rolname = ${role}`;
      if (!exists) await admin.unsafe(`create role ${role} login superuser`);
    }
  } catch (err) {
    separateRoles = false;
    log(`pg_stat_statements or roles not available (${err.message}): SQL statements per request are not measured`);
  }
  const urlOf = (who) => (separateRoles ? withUser(url, roles[who]) : url);

  log("migrating through the hub's own migrations");
  const { migratePostgresUrl } = await import(pathToFileURL(path.join(ROOT, "dist/src/db/migrate.js")).href);
  await migratePostgresUrl(url);
  log(`loading the data set (${JSON.stringify(settings.scale)}${large ? ` + edition ${LARGE.year} with 1,000,000 metrics` : ""})`);
  const [{ n: existing }] = await admin`select count(*)::int as n from activities`;
  let dataset;
  if (existing > 0) {
    // A DATABASE_URL that a previous run loaded: reuse it (the scale options then describe nothing).
    const [counts] = await admin`select (select count(*)::int from activities) as activities, (select count(*)::int from metrics) as metrics`;
    const years = (await admin`select year from editions order by year`).map((r) => r.year);
    dataset = { ...counts, years };
    log(`the database already holds ${counts.activities} activities: reusing them`);
  } else {
    dataset = await loadDataset(url, settings.scale, { large, log });
  }
  const [{ id: dashboardEditionId }] = await admin`select id from editions where year = ${DASHBOARD_YEAR}`;

  const { generateApiKey } = await import(pathToFileURL(path.join(ROOT, "dist/src/auth/api-key.js")).href);
  const staffKey = generateApiKey().secret;
  const hubEnvExtra = readEnvFile(settings.hubEnvFile);
  const hubEnv = {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    HUB_SEED_ON_EMPTY: "false",
    HUB_BOOTSTRAP_STAFF_KEY: staffKey,
    ...hubEnvExtra,
  };
  // Two hubs: the engine alone (response cache off), and as deployed (public answers cached until the data changes).
  const startHub = (extraArgs = [], name = "hub", cached = false) =>
    startProcess(name, [...hubNodeArgs(ROOT), ...extraArgs, path.join(ROOT, "dist/src/main.js")], {
      cwd: ROOT,
      env: {
        ...hubEnv,
        PORT: String(cached ? PORTS.hubCached : PORTS.hub),
        DATABASE_URL: urlOf(cached ? "hubCached" : "hub"),
        HUB_RESPONSE_CACHE_ENTRIES: cached ? (hubEnv.HUB_RESPONSE_CACHE_ENTRIES ?? "1000") : "0",
      },
      logFile: path.join(OUT, `${name}.log`),
      ready: () => httpOk(`http://127.0.0.1:${cached ? PORTS.hubCached : PORTS.hub}/readyz`),
    });

  log("starting the hub, PostGraphile and the bare HTTP floor (side by side)");
  // Started together: their start-ups overlap (PostGraphile's introspection, the hubs' schema builds). A server that
  // started is stopped at the end even when another one failed to start.
  const keep = (promise) => promise.then((server) => (cleanups.push(() => server.stop()), server));
  let hubStopper = () => {};
  cleanups.push(() => hubStopper());
  let [hub, hubCached, pgl, floorHttp] = await Promise.all([
    startHub().then((server) => ((hubStopper = () => server.stop()), server)),
    keep(startHub([], "hub-cached", true)),
    keep(
      startProcess("postgraphile", [path.join(BENCH, "postgraphile.mjs"), String(PORTS.pgl), urlOf("pgl")], {
        cwd: BENCH,
        env: { NODE_ENV: "production", GRAPHILE_ENV: "production" },
        logFile: path.join(OUT, "postgraphile.log"),
        ready: async () => (await gql(PORTS.pgl, "{ __typename }"))?.__typename === "Query",
      }),
    ),
    keep(
      startProcess("floor-http", [path.join(BENCH, "floor-http.mjs"), String(PORTS.floor)], {
        cwd: BENCH,
        logFile: path.join(OUT, "floor-http.log"),
        ready: () => httpOk(`http://127.0.0.1:${PORTS.floor}/`),
      }),
    ),
  ]);

  // Same rows, same order: the comparison is only fair when both answer the same data.
  const staff = { authorization: `Bearer ${staffKey}` };
  const hubDash = normaliseDashboard({ data: await gql(PORTS.hub, hubQ.dashboard, { year: DASHBOARD_YEAR }) }, "hub");
  const pglDash = normaliseDashboard({ data: await gql(PORTS.pgl, pglQ.dashboard, { editionId: dashboardEditionId }) }, "pgl");
  if (JSON.stringify(hubDash) !== JSON.stringify(pglDash)) {
    fs.writeFileSync(path.join(OUT, "dashboard-hub.json"), JSON.stringify(hubDash, null, 1));
    fs.writeFileSync(path.join(OUT, "dashboard-pgl.json"), JSON.stringify(pglDash, null, 1));
    throw new Error("the hub and PostGraphile answer different dashboards (see bench/out/dashboard-*.json)");
  }
  const dashMetrics = hubDash.reduce((n, s) => n + s.activities.reduce((m, a) => m + a.metrics.length, 0), 0);
  const dashActivities = hubDash.reduce((n, s) => n + s.activities.length, 0);
  log(`dashboard equivalence: same ${hubDash.length} societies, ${dashActivities} activities, ${dashMetrics} metrics in the same order`);

  // A partner key for ingest (a society outside the dashboard's first 20, so its new rows never sit in their pages).
  const ingestSlug = slugOf(settings.scale.societies);
  const issued = await gql(PORTS.hub, hubQ.issueKey, { input: { role: "PARTNER", societySlug: ingestSlug, label: "bench ingest" } }, staff);
  const partner = { authorization: `Bearer ${issued.issueApiKey.secret}` };
  const renameSlug = slugOf(3);
  const renameHubId = (await gql(PORTS.hub, hubQ.societyId, { slug: renameSlug })).society.id;
  const renamePglId = (await gql(PORTS.pgl, pglQ.societyNodeId, { slug: renameSlug })).allSocieties.nodes[0].id;

  const json = { "content-type": "application/json" };
  const post = (b, headers = {}) => ({ method: "POST", headers: { ...json, ...headers }, body: b });
  const gqlUrl = (port) => `http://127.0.0.1:${port}/graphql`;
  const slugCount = settings.scale.societies;
  let slugCounter = 0;
  const rotatingSlug = (query) => [
    {
      method: "POST",
      headers: json,
      setupRequest: (req) => ({ ...req, body: body(query, { slug: slugOf((slugCounter++ % slugCount) + 1) }) }),
    },
  ];
  const ingestBatch = ingestBatches(Date.now().toString(36));
  // Check one batch by hand: it must be accepted (userErrors empty), or the ingest figures mean nothing.
  {
    const res = await fetch(gqlUrl(PORTS.hub), { method: "POST", headers: { ...json, ...partner }, body: ingestBatch() });
    const answer = await res.json();
    const payload = answer.data?.submitActivities;
    if (!payload || payload.userErrors.length || payload.activities?.length !== 100) {
      throw new Error(`a submitActivities batch was refused: ${JSON.stringify(answer).slice(0, 500)}`);
    }
  }
  const METRICS_PER_BATCH = 500;

  // One write per second during the read mix: a staff rename of a society on the dashboard, on both servers alike.
  const writer = (target, port) => ({
    start() {
      let n = 0;
      let failures = 0;
      let stopped = false;
      const loop = (async () => {
        while (!stopped) {
          const t = Date.now();
          const name = `Society of Radiology 3 (rename ${n++})`;
          try {
            if (target === "hub") {
              const d = await gql(port, hubQ.updateSociety, { input: { id: renameHubId, name } }, staff);
              if (d.updateSociety.userErrors.length) {
                failures++;
                log(`mix: a rename was refused: ${JSON.stringify(d.updateSociety.userErrors)}`);
              }
            } else {
              await gql(PORTS.pgl, pglQ.updateSociety, { input: { id: renamePglId, societyPatch: { name } } });
            }
          } catch (err) {
            failures++;
            log(`mix: a rename on ${target} failed: ${String(err?.message ?? err).slice(0, 300)}`);
          }
          await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - t))));
        }
      })();
      return {
        stop: async () => {
          stopped = true;
          await loop;
        },
        get result() {
          return { writes: n, failures };
        },
      };
    },
  });

  const mixHub = [
    { ...post(body(hubQ.dashboard, { year: DASHBOARD_YEAR })) },
    ...Array.from({ length: 4 }, () => rotatingSlug(hubQ.society)[0]),
  ];
  const mixHubCached = mixHub.map((r) => ({ ...r }));
  const mixPgl = [
    { ...post(body(pglQ.dashboard, { editionId: dashboardEditionId })) },
    ...Array.from({ length: 4 }, () => rotatingSlug(pglQ.society)[0]),
  ];

  // The scenarios: each target is { server, role, opts } for autocannon, or a custom runner (the SQL floor).
  const servers = { hub: () => hub, hubCached: () => hubCached, pgl: () => pgl, floorHttp: () => floorHttp };
  const cachedDashboard = { url: gqlUrl(PORTS.hubCached), ...post(body(hubQ.dashboard, { year: DASHBOARD_YEAR })) };
  const dashboardGet = `${gqlUrl(PORTS.hubCached)}?${new URLSearchParams({ query: hubQ.dashboard, variables: JSON.stringify({ year: DASHBOARD_YEAR }) })}`;
  const only = option("only", null)?.split(",");
  const allScenarios = [
    {
      id: "dashboard",
      title: `Dashboard: 20 societies × their first 10 activities of ${DASHBOARD_YEAR} × all metrics`,
      targets: {
        hub: { server: "hub", role: roles.hub, label: "hub (engine)", opts: { url: gqlUrl(PORTS.hub), ...post(body(hubQ.dashboard, { year: DASHBOARD_YEAR })) } },
        hubCached: { server: "hubCached", role: roles.hubCached, label: "hub + response cache", opts: cachedDashboard },
        hub304: {
          server: "hubCached",
          role: roles.hubCached,
          label: "hub, conditional GET",
          // A browser or CDN revalidating what it holds: If-None-Match with the ETag of the current answer → 304.
          opts: async () => {
            const accept = "application/json";
            const etag = (await fetch(dashboardGet, { headers: { accept } })).headers.get("etag");
            return { url: dashboardGet, method: "GET", headers: { accept, "if-none-match": etag } };
          },
          expect304: true,
        },
        postgraphile: { server: "pgl", role: roles.pgl, opts: { url: gqlUrl(PORTS.pgl), ...post(body(pglQ.dashboard, { editionId: dashboardEditionId })) } },
        floor: { custom: "floorSql" },
        // At 32 connections with no pause between requests, the mean latency is 32 / throughput (Little's law): below
        // 3,200 req/s no server can have a p99 under 10 ms, however steady. This target offers the load the goal names,
        // 20× PostGraphile's throughput in its latest round, at a fixed rate, and measures the latency it gets.
        hubPaced: {
          server: "hubCached",
          role: roles.hubCached,
          label: "hub + cache, paced 20×",
          opts: async () => {
            const pglRuns = raw.dashboard?.postgraphile ?? [];
            const pglRps = pglRuns.at(-1)?.rps;
            if (!pglRps) throw new Error("bench: the paced dashboard needs a PostGraphile round first");
            return { ...cachedDashboard, overallRate: Math.round(20 * pglRps) };
          },
        },
      },
    },
    {
      id: "society",
      title: "One society by slug (rotating over all societies)",
      targets: {
        hub: { server: "hub", role: roles.hub, label: "hub (engine)", opts: { url: gqlUrl(PORTS.hub), requests: rotatingSlug(hubQ.society) } },
        hubCached: { server: "hubCached", role: roles.hubCached, label: "hub + response cache", opts: { url: gqlUrl(PORTS.hubCached), requests: rotatingSlug(hubQ.society) } },
        postgraphile: { server: "pgl", role: roles.pgl, opts: { url: gqlUrl(PORTS.pgl), requests: rotatingSlug(pglQ.society) } },
        floor: { server: "floorHttp", opts: { url: `http://127.0.0.1:${PORTS.floor}/` } },
      },
    },
    {
      id: "summary",
      title: `summary(year: ${DASHBOARD_YEAR}), cached (no writes), against { __typename }`,
      targets: {
        hub: { server: "hub", role: roles.hub, opts: { url: gqlUrl(PORTS.hub), ...post(body(hubQ.summary, { year: DASHBOARD_YEAR })) } },
        postgraphile: { server: "pgl", role: roles.pgl, opts: { url: gqlUrl(PORTS.pgl), ...post(body(pglQ.summary, { year: DASHBOARD_YEAR })) } },
        floor: { server: "hub", role: roles.hub, label: "hub { __typename }", opts: { url: gqlUrl(PORTS.hub), ...post(body(hubQ.typename)) } },
      },
    },
    {
      id: "ingest",
      title: "Partner ingest: submitActivities, batches of 100 activities × 5 metrics, 4 batches at a time",
      unit: "metric rows/s",
      perRequest: METRICS_PER_BATCH,
      targets: {
        hub: {
          server: "hub",
          role: roles.hub,
          // 4 connections, not 32: 32 batches of 100 in flight (3,200 activities) only measure queueing.
          opts: { url: gqlUrl(PORTS.hub), connections: 4, requests: [{ method: "POST", headers: { ...json, ...partner }, setupRequest: (req) => ({ ...req, body: ingestBatch() }) }] },
          warmRequests: 10,
          topStatements: 6,
        },
      },
    },
    {
      id: "mix",
      title: "Read mix (1 dashboard : 4 society lookups) with one write per second (a society renamed)",
      targets: {
        hub: { server: "hub", role: roles.hub, label: "hub (engine)", opts: { url: gqlUrl(PORTS.hub), requests: mixHub }, during: writer("hub", PORTS.hub) },
        hubCached: { server: "hubCached", role: roles.hubCached, label: "hub + response cache", opts: { url: gqlUrl(PORTS.hubCached), requests: mixHubCached }, during: writer("hub", PORTS.hubCached) },
        postgraphile: { server: "pgl", role: roles.pgl, opts: { url: gqlUrl(PORTS.pgl), requests: mixPgl }, during: writer("pgl", PORTS.pgl) },
      },
    },
  ];

  const scenarios = only ? allScenarios.filter((s) => only.includes(s.id)) : allScenarios;
  const runFloorSql = async () => {
    const out = execFileSync(
      process.execPath,
      [path.join(BENCH, "floor-sql.mjs"), urlOf("floor"), String(settings.connections), String(settings.warmup), String(settings.duration), String(DASHBOARD_YEAR)],
      { cwd: BENCH },
    ).toString();
    const r = JSON.parse(out.trim().split("\n").pop());
    return { rps: r.total / r.seconds, total: r.total, p50: r.p50, p99: r.p99, errors: 0, sqlPerReq: 1, pgMsPerReq: null, cpuMsPerReq: r.cpuMsPerReq, rssMb: r.rssMb, kbPerResponse: r.kbPerResponse };
  };

  const raw = {};
  for (let round = 1; round <= settings.rounds; round++) {
    for (const scenario of scenarios) {
      // Alternate who goes first, round by round.
      const order = Object.keys(scenario.targets);
      if (round % 2 === 0) order.reverse();
      for (const name of order) {
        const target = scenario.targets[name];
        let result;
        if (target.custom === "floorSql") {
          if (separateRoles) await resetSqlUsage(admin);
          result = await runFloorSql();
          if (separateRoles) {
            const u = await sqlUsage(admin, roles.floor);
            result.pgMsPerReq = u.ms / Math.max(1, u.calls);
          }
        } else {
          result = await measure({
            admin: separateRoles ? admin : null,
            server: servers[target.server](),
            role: target.role,
            opts: { connections: settings.connections, ...(typeof target.opts === "function" ? await target.opts() : target.opts) },
            warmRequests: target.warmRequests,
            topStatements: target.topStatements,
            okStatus: target.expect304 ? 304 : undefined,
            warmup: settings.warmup,
            duration: settings.duration,
            during: target.during,
          });
        }
        (raw[scenario.id] ??= {})[name] ??= [];
        raw[scenario.id][name].push(result);
        log(
          `round ${round}/${settings.rounds} ${scenario.id.padEnd(9)} ${(target.label ?? name).padEnd(22)} ${result.rps.toFixed(0).padStart(6)} req/s` +
            `  p50 ${result.p50?.toFixed(1)} ms  p99 ${result.p99?.toFixed(1)} ms  errors ${result.errors}` +
            (result.cpuMsPerReq != null ? `  cpu ${result.cpuMsPerReq.toFixed(2)} ms/req` : "") +
            (result.sqlPerReq ? `  sql ${result.sqlPerReq.toFixed(2)}/req` : "") +
            (result.rssMb ? `  rss ${result.rssMb.toFixed(0)} MB` : "") +
            (result.extra ? `  writes ${result.extra.writes} (failed ${result.extra.failures})` : ""),
        );
      }
    }
  }

  // summary(year) cold: every request after a change of the data revision, one at a time.
  const cold = [];
  const coldYears = [DASHBOARD_YEAR, ...(large ? [LARGE.year] : [])];
  for (const year of coldYears) {
    const latencies = [];
    let pgMs = 0;
    let statements = 0;
    for (let i = 0; i < settings.coldRequests + 1; i++) {
      await admin`update data_revision set revision = revision + 1`;
      if (separateRoles) await resetSqlUsage(admin);
      const t = process.hrtime.bigint();
      await gql(PORTS.hub, hubQ.summary, { year });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (i === 0) continue; // the first one also warms the plan cache
      latencies.push(ms);
      if (separateRoles) {
        const u = await sqlUsage(admin, roles.hub);
        pgMs += u.ms;
        statements += u.calls;
      }
    }
    latencies.sort((a, b) => a - b);
    const n = latencies.length;
    cold.push({
      year,
      metrics: (await admin`select count(*)::int as n from metrics m join activities a on a.id = m.activity_id join editions e on e.id = a.edition_id where e.year = ${year}`)[0].n,
      requests: n,
      medianMs: latencies[Math.floor(n / 2)],
      pgMs: separateRoles ? pgMs / n : null,
      sqlPerReq: separateRoles ? statements / n : null,
    });
    log(`summary cold ${year}: median ${cold.at(-1).medianMs.toFixed(1)} ms, PostgreSQL ${cold.at(-1).pgMs?.toFixed(1)} ms per request`);
  }

  // A CPU profile of the hub under the dashboard load: a hub of its own started with --cpu-prof, only the samples
  // of the measured window counted.
  let profile = null;
  if (!flag("no-profile")) {
    log("profiling the hub under the dashboard load (node --cpu-prof)");
    await hub.stop();
    const profDir = path.join(OUT, "profile");
    fs.rmSync(profDir, { recursive: true, force: true });
    hub = await startHub(["--cpu-prof", `--cpu-prof-dir=${profDir}`], "hub-profiled");
    hubStopper = () => hub.stop();
    const opts = { connections: settings.connections, ...allScenarios[0].targets.hub.opts };
    await cannon({ ...opts, duration: settings.warmup + 1 });
    const t0 = process.hrtime.bigint() / 1000n;
    const r = await cannon({ ...opts, duration: settings.duration });
    const t1 = process.hrtime.bigint() / 1000n;
    await hub.stop();
    const file = fs.readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
    if (file) {
      profile = { file: path.relative(BENCH, path.join(profDir, file)), rps: r.requests.total / r.duration, ...summariseProfile(path.join(profDir, file), [Number(t0), Number(t1)]) };
      log(`profile: ${profile.samples} samples${profile.windowed ? " in the load window" : ""}; top: ${profile.categories.slice(0, 5).map((c) => `${c.key} ${c.pct.toFixed(0)}%`).join(", ")}`);
    } else log("profile: no .cpuprofile written");
  }

  // The embedded database: peak RSS of a first start (creating, migrating and seeding a PGlite database) and of a
  // restart on the same directory, as `npm start` does it.
  let pglite = null;
  if (!only || only.includes("pglite")) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-bench-pglite-"));
    pglite = {};
    for (const phase of ["first start", "restart"]) {
      const t = Date.now();
      const p = await startProcess(`hub-pglite`, [...hubNodeArgs(ROOT), path.join(ROOT, "dist/src/main.js")], {
        cwd: ROOT,
        env: { NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", PORT: String(PORTS.hub + 2), HUB_DATA_DIR: dataDir, HUB_BOOTSTRAP_STAFF_KEY: staffKey },
        logFile: path.join(OUT, "hub-pglite.log"),
        ready: () => httpOk(`http://127.0.0.1:${PORTS.hub + 2}/readyz`),
      });
      const seconds = (Date.now() - t) / 1000;
      await gql(PORTS.hub + 2, hubQ.dashboard, { year: DASHBOARD_YEAR }); // one real request on the seed data
      pglite[phase] = { seconds, peakRssMb: peakRssMb(p.pid) };
      await p.stop();
      log(`PGlite ${phase}: ready in ${seconds.toFixed(1)} s, peak RSS ${pglite[phase].peakRssMb.toFixed(0)} MB`);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const versions = {
    hubNodeArgs: hubNodeArgs(ROOT).join(" "),
    node: process.version,
    postgres: serverVersion.split(",")[0],
    pgBinaries: pgVersion,
    postgraphile: JSON.parse(fs.readFileSync(path.join(BENCH, "node_modules/postgraphile/package.json"), "utf8")).version,
    pgAggregates: JSON.parse(fs.readFileSync(path.join(BENCH, "node_modules/@graphile/pg-aggregates/package.json"), "utf8")).version,
    autocannon: JSON.parse(fs.readFileSync(path.join(BENCH, "node_modules/autocannon/package.json"), "utf8")).version,
    apollo: JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/@apollo/server/package.json"), "utf8")).version,
    hubCommit: (() => {
      try {
        return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
      } catch {
        return "unknown";
      }
    })(),
  };
  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    kernel: `${os.type()} ${os.release()}`,
  };
  const medians = Object.fromEntries(
    Object.entries(raw).map(([id, byTarget]) => [id, Object.fromEntries(Object.entries(byTarget).map(([t, runs]) => [t, medianOf(runs)]))]),
  );
  const results = {
    when: new Date().toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`,
    seconds: (Date.now() - started) / 1000,
    settings: { ...settings, hubEnv: hubEnvExtra },
    machine,
    versions,
    dataset: { ...dataset, dashboard: { societies: hubDash.length, activities: dashActivities, metrics: dashMetrics } },
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, unit: s.unit, perRequest: s.perRequest, labels: Object.fromEntries(Object.entries(s.targets).map(([k, t]) => [k, t.label ?? k])) })),
    medians,
    raw,
    cold,
    profile,
    pglite,
    separateRoles,
  };
  fs.writeFileSync(path.join(OUT, quick ? "results-quick.json" : "results.json"), JSON.stringify(results, null, 1));
  writeResults(results, settings.out);
  log(`wrote ${path.relative(ROOT, settings.out)} in ${((Date.now() - started) / 60000).toFixed(1)} min`);
}

try {
  await main();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
