// One measured run: warm-up, then autocannon at a fixed concurrency while the server's CPU time, resident memory and
// SQL statements (pg_stat_statements, by the server's database role) are recorded.
import autocannon from "autocannon";
import { cpuSeconds, rssSampler } from "./proc.mjs";

const WARM_REQUESTS = 100;

export function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: 32, pipelining: 1, timeout: 20, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** Statements and PostgreSQL execution time of one role since the last reset. */
export async function sqlUsage(admin, role) {
  const [row] = await admin`
    select coalesce(sum(s.calls), 0)::float8 as calls, coalesce(sum(s.total_exec_time), 0)::float8 as ms
    from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = ${role}`;
  return row;
}

/** The role's costliest statements since the last reset (where a write's time goes). */
export async function topSql(admin, role, n) {
  return admin`
    select left(regexp_replace(s.query, '[[:space:]]+', ' ', 'g'), 90) as query, s.calls::float8 as calls,
      s.total_exec_time::float8 as ms, s.mean_exec_time::float8 as mean_ms
    from pg_stat_statements s join pg_roles r on r.oid = s.userid where r.rolname = ${role}
    order by s.total_exec_time desc limit ${n}`;
}

/**
 * Waits until the server has finished what the load left in flight (its CPU below 5% over half a second, at most
 * 60 s), so that the next run does not pay for this one.
 */
async function settle(pid) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 500));
    if (cpuSeconds(pid) - before < 0.025) return;
  }
}

export async function resetSqlUsage(admin) {
  await admin`select pg_stat_statements_reset()`;
}

/**
 * Runs `opts` (autocannon options without duration) for warmup then duration seconds against a server process.
 * Returns req/s, latency p50/p99 (ms), errors, SQL statements and PostgreSQL ms per request, server CPU ms per
 * request and the peak RSS sampled during the measured part.
 */
export async function measure({ admin, server, role, opts, warmup, duration, during, warmRequests = WARM_REQUESTS, okStatus, topStatements }) {
  if (warmup > 0) {
    // At least WARM_REQUESTS requests, however slow the machine is right now: V8 must have optimised the hot code, or
    // a slow server measures even slower (cold code) than it is.
    const w = await cannon({ ...opts, duration: warmup });
    if (w.requests.total < warmRequests) {
      await cannon({ ...opts, amount: Math.max(opts.connections ?? 32, warmRequests - w.requests.total) });
    }
  }
  if (admin) await resetSqlUsage(admin);
  const cpu0 = server ? cpuSeconds(server.pid) : 0;
  const stopRss = server ? rssSampler(server.pid) : () => 0;
  const side = during?.start();
  const r = await cannon({ ...opts, duration });
  await side?.stop();
  const cpu1 = server ? cpuSeconds(server.pid) : 0;
  const peakRss = stopRss();
  const usage = admin && role ? await sqlUsage(admin, role) : { calls: 0, ms: 0 };
  const top = admin && role && topStatements ? await topSql(admin, role, topStatements) : undefined;
  if (server) await settle(server.pid);
  // autocannon counts a 304 as non-2xx; where 304 is the expected answer, only other statuses are errors.
  const bad = okStatus ? r.requests.total - (r.statusCodeStats?.[String(okStatus)]?.count ?? 0) : r.non2xx;
  const ok = r.requests.total - bad;
  const seconds = r.duration;
  return {
    rps: r.requests.total / seconds,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + bad,
    sqlPerReq: ok > 0 ? usage.calls / ok : 0,
    pgMsPerReq: ok > 0 ? usage.ms / ok : 0,
    cpuMsPerReq: server && r.requests.total > 0 ? ((cpu1 - cpu0) * 1000) / r.requests.total : null,
    rssMb: server ? peakRss : null,
    kbPerResponse: r.requests.total > 0 ? r.throughput.total / r.requests.total / 1024 : 0,
    extra: side?.result,
    top,
  };
}

export const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

/** Medians, field by field, of several rounds of measure(). */
export function medianOf(runs) {
  const out = {};
  for (const key of Object.keys(runs[0])) {
    if (typeof runs[0][key] === "number" || runs[0][key] === null) out[key] = median(runs.map((r) => r[key]));
  }
  out.rounds = runs.length;
  out.errors = runs.reduce((s, r) => s + (r.errors ?? 0), 0);
  return out;
}
