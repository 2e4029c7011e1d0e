// Throwaway PostgreSQL clusters for tests that need more than one server (a primary and its streaming replica).
// Run as the postgres user when the tests run as root (initdb refuses root). Binaries: the newest
// /usr/lib/postgresql/*/bin with initdb, pg_ctl and pg_basebackup; tests skip when there is none.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const PG_BIN: string | undefined = (() => {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return undefined;
  const dirs = fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(a) - Number(b))
    .map((v) => path.join(root, v, "bin"))
    .filter((bin) => ["initdb", "pg_ctl", "pg_basebackup"].every((tool) => fs.existsSync(path.join(bin, tool))));
  return dirs.at(-1);
})();

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool as the cluster owner (postgres when we are root), from / (its cwd must be readable). */
export function pgTool(tool: string, args: string[]): string {
  const cmd = path.join(PG_BIN!, tool);
  if (!asRoot) return execFileSync(cmd, args, { cwd: "/", encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const quoted = [cmd, ...args].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ");
  return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { cwd: "/", encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** A directory the cluster owner may write. */
export function ownedTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join("/tmp", prefix));
  if (asRoot) execFileSync("chown", ["postgres:", dir]);
  fs.chmodSync(dir, 0o700);
  return dir;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The first free loopback port from `from` on (tried one by one, at most 100). */
export async function freePort(from: number, skip: number[] = []): Promise<number> {
  for (let port = from; port < from + 100; port++) if (!skip.includes(port) && (await portIsFree(port))) return port;
  throw new Error(`no free port in ${from}-${from + 99}`);
}

/** Starts the cluster in `dataDir` on 127.0.0.1:port (socket in the data dir), waiting until it accepts connections. */
export function startCluster(dataDir: string, port: number): void {
  pgTool("pg_ctl", ["-D", dataDir, "-o", `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-w", "-t", "60", "-l", `${dataDir}/log`, "start"]);
}

export function stopCluster(dataDir: string): void {
  try {
    pgTool("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
  } catch {
    // already stopped (or never started)
  }
}
