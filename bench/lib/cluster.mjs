// A throwaway PostgreSQL 15 cluster for one bench run: initdb in a temporary directory (as the postgres user when we
// are root, which initdb requires), pg_stat_statements loaded so that SQL statements per request can be counted.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

function run(cmd, args, asPostgres) {
  if (asPostgres) {
    const quoted = [cmd, ...args].map((a) => `'${String(a).replace(/'/g, "'\\''")}'`).join(" ");
    return execFileSync("su", ["postgres", "-c", quoted], { stdio: ["ignore", "pipe", "pipe"] }).toString();
  }
  return execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"] }).toString();
}

export async function startCluster(port) {
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-bench-pg-"));
  if (root) execFileSync("chown", ["postgres:", dir]);
  run(path.join(BIN, "initdb"), ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], root);
  const opts = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c shared_preload_libraries=pg_stat_statements",
    "-c pg_stat_statements.track=all",
    "-c max_connections=200",
    "-c shared_buffers=512MB",
  ].join(" ");
  run(path.join(BIN, "pg_ctl"), ["-D", dir, "-o", opts, "-w", "-l", path.join(dir, "log"), "start"], root);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    version: run(path.join(BIN, "postgres"), ["--version"], false).trim(),
    stop() {
      try {
        run(path.join(BIN, "pg_ctl"), ["-D", dir, "-m", "fast", "-w", "stop"], root);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
