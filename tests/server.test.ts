// Black-box tests of the real entry point, run the way a user runs it (`npm start` = node --import tsx src/main.ts):
// start-up on a fresh data directory (migrate, seed, listen), the data-directory lock between processes, graceful
// shutdown and crash recovery. Every hub here is a child process talking real HTTP on a loopback port. The PGlite hubs
// do not depend on DATABASE_URL, so they run in the PGlite run only; the PostgreSQL hubs run when DATABASE_URL is set.
// Configuration and start-up errors are tests/server-config.test.ts, `db:seed` on a free directory tests/seed-cli.test.ts.
// Starting a PGlite hub costs seconds, so one data directory goes through a whole life cycle in order (the tests of
// that describe block depend on each other and must run in sequence, which is vitest's default within a file).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_URL, onPostgres, urlForDatabase } from "./support/env.js";
import { runHubCli } from "./support/cli.js";
import { repoRoot, waitFor } from "./support/processes.js";
import {
  cleanUp,
  envWith,
  expectSeededEditions,
  LOCK_FILE,
  logged,
  READY,
  seeds,
  snapshot,
  spawnHub,
  startHub,
  tempDir,
  type Hub,
  exitWithin,
  sleep,
  type Snapshot,
} from "./support/hub-process.js";

afterAll(cleanUp);

/**
 * A GraphQL request that stays in flight until `finish()` sends the rest of its body. It announces its body with
 * `Expect: 100-continue`, so once "100 Continue" came back the server has certainly received (and counted) it.
 */
async function requestInFlight(port: number, query: string) {
  const body = JSON.stringify({ query });
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  const closed = new Promise<string>((resolve, reject) => {
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
  const continued = new Promise<void>((resolve, reject) => {
    socket.on("data", (d) => {
      received += d.toString("utf8");
      if (received.startsWith("HTTP/1.1 100 Continue\r\n\r\n")) resolve();
    });
    socket.once("close", () => reject(new Error(`connection closed before 100 Continue: ${received}`)));
  });
  closed.catch(() => {});
  continued.catch(() => {});
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
  );
  await continued;
  return {
    finish: () => socket.write(body),
    /** Everything received after "100 Continue", once the server closed the connection. */
    response: closed.then((all) => all.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "")),
    destroy: () => socket.destroy(),
  };
}

/** Whether a new TCP connection to the port is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code === "ECONNREFUSED"));
  });
}

/** Temp or set-aside files of the lock protocol (`.hub.lock.<pid>.<rand>.tmp`, `hub.lock.stale-…`). */
function lockLeftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith(`.${LOCK_FILE}.`) || name.startsWith(`${LOCK_FILE}.`));
}

function readLockHolder(dir: string): { pid: number; command?: string } {
  return JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")) as { pid: number; command?: string };
}

// ---------------------------------------------------------------------------------------------------------------

// The embedded hub does not depend on DATABASE_URL: run once, in the PGlite run.
describe.skipIf(onPostgres)("the hub on embedded PGlite, one data directory through its life cycle", { timeout: 180_000 }, () => {
  let dir: string;
  let first: Hub;
  let baseline: Snapshot;
  let restarted: Hub;
  let recovered: Hub;
  let portInUseStderr: string | undefined;

  beforeAll(async () => {
    dir = tempDir();
    first = await startHub({ HUB_DATA_DIR: dir });
  }, 180_000);

  it("migrates and seeds a fresh data directory, logs that it is ready, and serves the seeded data", async () => {
    expect(first.ready).toMatchObject({ service: "idor-hub", database: `embedded PostgreSQL (PGlite) in ${dir}` });
    expect(first.port).toBeGreaterThan(0);
    expect(typeof first.ready.startupMs).toBe("number");
    expect(logged(first, "empty database: loading the seed data")).toBeDefined();
    expect(logged(first, "seed data loaded")).toMatchObject({ societies: seeds.societies, editions: 14 });
    expect(first.stderr()).toBe("");

    baseline = await snapshot(first.port);
    expectSeededEditions(baseline.editions);
    expect(baseline.societies.totalCount).toBe(seeds.societies);
    expect(baseline.activities.totalCount).toBeGreaterThan(0);

    const healthz = await fetch(`http://127.0.0.1:${first.port}/healthz`);
    expect(healthz.status).toBe(200);
    expect(await healthz.json()).toEqual({ status: "ok" });
    const readyz = await fetch(`http://127.0.0.1:${first.port}/readyz`);
    expect(readyz.status).toBe(200);
    expect(await readyz.json()).toEqual({ status: "ready", database: "pglite" });

    // PGlite's files beside the lock, which names this process and the command.
    expect(fs.readdirSync(dir)).toEqual(expect.arrayContaining([LOCK_FILE, "pgdata"]));
    expect(readLockHolder(dir)).toMatchObject({ pid: first.pid, command: "npm start" });
  });

  it("refuses a second hub on the same data directory at once, naming the directory and the holder", async () => {
    const lockBefore = fs.readFileSync(path.join(dir, LOCK_FILE), "utf8");
    const second = spawnHub({ HUB_DATA_DIR: dir });
    // "At once": the first hub holds the lock for the whole test, so a second hub that waited for it would never exit
    // (and the test would time out); exiting with 3 while the first runs is the proof, without a wall-clock bound that
    // a loaded machine breaks (start-up under tsx alone took 8-13 s at load 10-15).
    const { code } = await second.exited;

    expect(code).toBe(3);
    expect(second.stderr()).toContain(`Data directory ${dir} is in use by another IDoR Hub process`);
    expect(second.stderr()).toContain(`pid ${first.pid} on host ${os.hostname()}`);
    expect(second.stderr()).toContain("command: npm start");
    expect(second.stderr()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(logged(second, READY)).toBeUndefined();

    // The first hub keeps serving, its lock and data untouched.
    expect(first.running()).toBe(true);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).toBe(lockBefore);
    expect(await snapshot(first.port)).toEqual(baseline);
  });

  it("`npm run db:seed` refuses a data directory held by a running hub, which keeps serving", async () => {
    const lockBefore = fs.readFileSync(path.join(dir, LOCK_FILE), "utf8");
    const seed = await runHubCli(["seed"], envWith({ HUB_DATA_DIR: dir }));

    expect(seed.status).toBe(3);
    expect(seed.stderr).toContain(`Data directory ${dir} is in use by another IDoR Hub process`);
    expect(seed.stderr).toContain(`pid ${first.pid}`);
    expect(seed.stderr).not.toMatch(/\n\s+at /);
    expect(seed.stdout).not.toContain("Seed data loaded");

    expect(first.running()).toBe(true);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), "utf8")).toBe(lockBefore);
    expect(await snapshot(first.port)).toEqual(baseline);
  });

  it("on SIGTERM finishes the request in flight, refuses new connections, exits 0, logs stopped and frees the lock", async () => {
    const inFlight = await requestInFlight(first.port, "{ editions { year theme } }");

    first.proc.kill("SIGTERM");
    await waitFor(first, "log that it is shutting down", () => logged(first, /^shutting down/), 10_000);
    expect(logged(first, /^shutting down/)).toMatchObject({ signal: "SIGTERM" });

    // Draining: no new connections, but the request in flight is still being waited for.
    for (let i = 0; i < 40 && !(await connectionRefused(first.port)); i++) await sleep(50);
    expect(await connectionRefused(first.port)).toBe(true);
    expect(first.running()).toBe(true);

    inFlight.finish();
    const response = await inFlight.response;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const json = JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4)) as { data: Pick<Snapshot, "editions"> };
    expect(json.data.editions).toEqual(baseline.editions);

    const { code } = await first.exited;
    expect(code).toBe(0);
    expect(logged(first, "stopped")).toBeDefined();
    // It stopped because the work was done, not because the shutdown timeout ran out (no wall-clock bound here).
    expect(logged(first, "shutdown timed out; exiting")).toBeUndefined();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(lockLeftovers(dir)).toEqual([]);
  });

  it("restarts on the same data directory with its data, without seeding again", async () => {
    restarted = await startHub({ HUB_DATA_DIR: dir });
    expect(logged(restarted, "empty database: loading the seed data")).toBeUndefined();
    expect(await snapshot(restarted.port)).toEqual(baseline);
    expect(readLockHolder(dir).pid).toBe(restarted.pid);
  });

  it("after kill -9 a new hub takes the stale lock over at once and still has the data, not seeded twice", async () => {
    restarted.proc.kill("SIGKILL");
    expect((await restarted.exited).signal).toBe("SIGKILL");
    expect(readLockHolder(dir).pid).toBe(restarted.pid); // left behind by the killed process

    recovered = await startHub({ HUB_DATA_DIR: dir, HUB_SHUTDOWN_TIMEOUT_MS: "1000" });
    expect(recovered.stderr()).not.toContain("in use");
    expect(readLockHolder(dir).pid).toBe(recovered.pid);
    expect(logged(recovered, "empty database: loading the seed data")).toBeUndefined();
    expect(await snapshot(recovered.port)).toEqual(baseline);
    expect(lockLeftovers(dir)).toEqual([]); // no set-aside or temp lock files left
  });

  // The drain's grace period is HUB_SHUTDOWN_TIMEOUT_MS, well inside main's forced exit.
  it("HUB_SHUTDOWN_TIMEOUT_MS bounds the drain: a stalled request is cut off and the hub still exits 0", async () => {
    const stalled = await requestInFlight(recovered.port, "{ editions { year } }"); // its body never comes
    const t0 = Date.now();
    recovered.proc.kill("SIGTERM");
    try {
      const outcome = await exitWithin(recovered, 1_000 + 3_000);
      expect(outcome).toEqual({ code: 0, signal: null });
      expect(Date.now() - t0).toBeGreaterThanOrEqual(900); // it did wait for the request, up to the timeout
      expect(logged(recovered, "stopped")).toBeDefined();
      expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    } finally {
      stalled.destroy();
    }
  });

  it("a port already in use stops start-up with a non-zero exit and frees the lock", async () => {
    if (recovered.running()) recovered.proc.kill("SIGKILL");
    await recovered.exited;
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    try {
      const port = (blocker.address() as net.AddressInfo).port;
      const hub = spawnHub({ HUB_DATA_DIR: dir, PORT: String(port) });
      const { code } = await hub.exited;
      expect(code).not.toBe(0);
      expect(code).not.toBeNull();
      expect(logged(hub, READY)).toBeUndefined();
      expect(hub.stderr()).toContain(String(port)); // says which port could not be used
      expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
      portInUseStderr = hub.stderr();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("a port already in use is reported with a clear message naming PORT, not a stack trace", () => {
    expect(portInUseStderr).toBeDefined();
    expect(portInUseStderr).toMatch(/\bPORT\b/);
    expect(portInUseStderr).not.toMatch(/\n\s+at /);
  });
});


describe.runIf(onPostgres)("the hub on PostgreSQL (DATABASE_URL)", { timeout: 180_000 }, () => {
  let admin: postgres.Sql;
  let name: string;
  let url: string;

  beforeAll(async () => {
    admin = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
    name = `hub_srv_${randomBytes(6).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    url = urlForDatabase(DATABASE_URL!, name);
  });

  afterAll(async () => {
    if (!admin) return;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("two hubs started at once on a fresh database migrate and seed it once, serve it, and stop cleanly", async () => {
    const dir = tempDir();
    const [a, b] = await Promise.all([
      startHub({ DATABASE_URL: url, HUB_DATA_DIR: dir }),
      startHub({ DATABASE_URL: url, HUB_DATA_DIR: dir }),
    ]);
    const where = `PostgreSQL at ${new URL(url).hostname}:${new URL(url).port}/${name}`;
    expect(a.ready.database).toBe(where);
    expect(b.ready.database).toBe(where);
    // Both may have found the database empty; between them the seed rows were added once.
    const seeded = [a, b].map((hub) => logged(hub, "seed data loaded")).filter((l) => l !== undefined);
    expect(seeded.length).toBeGreaterThanOrEqual(1);
    expect(seeded.reduce((n, l) => n + Number(l.societies), 0)).toBe(seeds.societies);
    expect(seeded.reduce((n, l) => n + Number(l.editions), 0)).toBe(14);

    for (const hub of [a, b]) {
      const data = await snapshot(hub.port);
      expectSeededEditions(data.editions);
      expect(data.societies.totalCount).toBe(seeds.societies);
      const readyz = await fetch(`http://127.0.0.1:${hub.port}/readyz`);
      expect(await readyz.json()).toEqual({ status: "ready", database: "postgres" });
    }
    expect(await snapshot(a.port)).toEqual(await snapshot(b.port));

    const db = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const [{ n }] = await db<{ n: number }[]>`select count(*)::int as n from editions`;
      expect(n).toBe(14);
      const journal = JSON.parse(fs.readFileSync(path.join(repoRoot, "schema/migrations/meta/_journal.json"), "utf8"));
      const [{ m }] = await db<{ m: number }[]>`select count(*)::int as m from drizzle.__drizzle_migrations`;
      expect(m).toBe(journal.entries.length);
    } finally {
      await db.end();
    }
    // The data directory plays no part with DATABASE_URL: no lock, no PGlite files.
    expect(fs.readdirSync(dir)).not.toContain(LOCK_FILE);
    expect(fs.readdirSync(dir)).not.toContain("pgdata");

    for (const hub of [a, b]) hub.proc.kill("SIGTERM");
    for (const hub of [a, b]) {
      expect(await hub.exited).toEqual({ code: 0, signal: null });
      expect(logged(hub, "stopped")).toBeDefined();
    }
  });
});
