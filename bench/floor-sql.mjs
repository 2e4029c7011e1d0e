// The raw-SQL floor of the dashboard: one hand-written statement (JSON built by PostgreSQL) through postgres.js,
// `connections` loops at once for warm-up + duration seconds. Prints one JSON line with what it measured.
// Usage: node floor-sql.mjs <database url> <connections> <warmup s> <duration s> <year>
import postgres from "postgres";
import { floorDashboardSql } from "./lib/queries.mjs";

const [url, connections, warmup, duration, year] = process.argv.slice(2);
const n = Number(connections);
const sql = postgres(url, { max: n, onnotice: () => {}, connection: { application_name: "floor-sql" } });

async function loops(seconds, latencies) {
  const end = Date.now() + seconds * 1000;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        const [row] = await sql.unsafe(floorDashboardSql, [Number(year)], { prepare: true });
        latencies?.push(Number(process.hrtime.bigint() - t) / 1e6);
        bytes += row.json.length;
      }
    }),
  );
  return bytes;
}

await loops(Number(warmup));
const latencies = [];
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const bytes = await loops(Number(duration), latencies);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(
  JSON.stringify({
    total: latencies.length,
    seconds,
    p50: pct(50),
    p99: pct(99),
    cpuMsPerReq: (cpu.user + cpu.system) / 1000 / latencies.length,
    rssMb: process.memoryUsage().rss / 1024 / 1024,
    kbPerResponse: bytes / latencies.length / 1024,
  }),
);
await sql.end({ timeout: 5 });
