// Private, throwaway PostgreSQL clusters for the tests that need a server of their own: fault tests stop and start
// one, the replica tests make a streaming replica of one. Debian's binaries (the newest /usr/lib/postgresql/*/bin with
// initdb, pg_ctl and pg_basebackup; tests skip when there is none), a temporary directory, a free loopback port. The
// tools run as the postgres user when the tests run as root (initdb refuses root), and asynchronously: a hub under test
// in this process must keep answering while pg_ctl works.
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);

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

/** Runs a PostgreSQL tool as the cluster owner, from / (its working directory must be readable to that user). */
async function pgTool(tool: string, args: string[]): Promise<void> {
  const cmd = [path.join(PG_BIN!, tool), ...args];
  if (!asRoot) {
    await exec(cmd[0]!, cmd.slice(1), { cwd: "/" });
    return;
  }
  const quoted = cmd.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ");
  await exec("su", ["postgres", "-s", "/bin/sh", "-c", `cd / && ${quoted}`]);
}

/** A loopback port nobody listens on (the system's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface Cluster {
  url: string;
  port: number;
  start(): Promise<void>;
  /** Fast shutdown: open sessions are ended, new connections refused. */
  stop(): Promise<void>;
  /** Stops it at once (if it runs) and deletes its directory. */
  destroy(): Promise<void>;
}

/** Starts a cluster made in `dir` by `make`, on a free port (socket in its directory). */
async function launch(dir: string, make: () => Promise<void>): Promise<Cluster> {
  await make();
  const port = await freePort();
  const start = () =>
    pgTool("pg_ctl", ["-D", dir, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-w", "-t", "60", "-l", path.join(dir, "log"), "start"]);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop: () => pgTool("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]),
    destroy: async () => {
      await pgTool("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]).catch(() => {}); // may be stopped already
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A directory the cluster owner may write. */
async function ownedTempDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join("/tmp", "idor-hub-pg-"));
  if (asRoot) await exec("chown", ["postgres:", dir]);
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** A fresh, empty cluster, started. */
export async function startCluster(): Promise<Cluster> {
  const dir = await ownedTempDir();
  return launch(dir, () => pgTool("initdb", ["-D", dir, "-U", "postgres", "--auth=trust", "--no-sync"]));
}

/** A streaming replica of `primary` (pg_basebackup -R), started. */
export async function startReplica(primary: Cluster): Promise<Cluster> {
  const dir = await ownedTempDir();
  return launch(dir, () =>
    pgTool("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", dir, "-R", "-X", "stream", "-c", "fast", "--no-sync"]),
  );
}
