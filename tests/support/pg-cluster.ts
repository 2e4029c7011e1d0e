// A private, throwaway PostgreSQL cluster for fault tests (stop it, start it again): Debian's binaries, a temporary
// directory, a free loopback port. Run as the postgres user when the tests run as root (initdb refuses root).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

const exec = promisify(execFile);

export async function freePort(): Promise<number> {
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
  destroy(): Promise<void>;
}

export async function startCluster(bin: string): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join("/tmp", "idor-hub-fault-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await exec("chown", ["postgres:", dir]);
  // Asynchronous: the hub under test shares this process and must keep answering while pg_ctl runs.
  const run = async (program: string, args: string[]) => {
    const cmd = [path.join(bin, program), ...args];
    if (asRoot) {
      const quoted = cmd.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
      await exec("su", ["postgres", "-s", "/bin/sh", "-c", `cd / && ${quoted}`]);
    } else await exec(cmd[0]!, cmd.slice(1));
  };
  await run("initdb", ["-D", dir, "-U", "postgres", "--auth=trust", "--no-sync"]);
  const port = await freePort();
  const start = () =>
    run("pg_ctl", ["-D", dir, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-w", "-t", "60", "-l", path.join(dir, "log"), "start"]);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop: () => run("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]),
    destroy: async () => {
      await run("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]).catch(() => {}); // may be stopped already
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
