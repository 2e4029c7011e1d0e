// Black-box tests of the real entry point, run the way a user runs it (`npm start` = node --import tsx src/main.ts):
// start-up on a fresh data directory (migrate, seed, listen), the data-directory lock between processes, graceful
// shutdown, crash recovery, configuration errors and `db:seed` (run in-process through the CLI). Every hub here is a child process talking
// real HTTP on a loopback port. The PGlite hubs do not depend on DATABASE_URL, so they run in the PGlite run only; the
// PostgreSQL hubs run when DATABASE_URL is set.
// Starting a PGlite hub costs seconds, so one data directory goes through a whole life cycle in order (the tests of
// that describe block depend on each other and must run in sequence, which is vitest's default within a file).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { DATABASE_URL, onPostgres, urlForDatabase } from "./support/env.js";
import { runHubCli } from "./support/cli.js";
import { killAll, repoRoot, spawnNode, tsx, waitFor, type Proc } from "./support/processes.js";

const LOCK_FILE = "hub.lock";
const READY = /^IDoR Hub ready at http:\/\/localhost:(\d+)\/graphql$/;

const seeds = {
  societies: readSeed("societies.json").length,
  editions: readSeed("editions.json") as Array<{ year: number; theme: string | null }>,
};
function readSeed(file: string): unknown[] {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, "seeds", file), "utf8")) as unknown[];
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes (tests/support/processes.ts)

interface Hub extends Proc {
  port: number;
  /** The parsed "ready" log line. */
  ready: Record<string, unknown>;
}

const tempDirs: string[] = [];

afterAll(async () => {
  await killAll();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-hub-srv-"));
  tempDirs.push(dir);
  return dir;
}

/** The test runner's environment without any hub setting, plus `settings` (undefined removes one). */
function envWith(settings: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(PORT|HOST|DATABASE_URL|LOG_LEVEL|HUB_.*)$/.test(name)) delete env[name];
  }
  const all: Record<string, string | undefined> = { PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...settings };
  for (const [name, value] of Object.entries(all)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs `node --import tsx <script>` in the repository, like the npm scripts do. */
function run(script: string, settings: Record<string, string | undefined>): Proc {
  return spawnNode(tsx(script), { env: envWith(settings) });
}

/** The JSON log lines a hub printed on stdout. */
function logs(p: Proc): Array<Record<string, unknown>> {
  return p.stdout()
    .split("\n")
    .flatMap((line) => {
      try {
        const v: unknown = JSON.parse(line);
        return v && typeof v === "object" ? [v as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
}

function logged(p: Proc, msg: string | RegExp): Record<string, unknown> | undefined {
  return logs(p).find((l) => (typeof msg === "string" ? l.msg === msg : msg.test(String(l.msg))));
}

function spawnHub(settings: Record<string, string | undefined>): Proc {
  return run("src/main.ts", settings);
}

async function startHub(settings: Record<string, string | undefined>): Promise<Hub> {
  const p = spawnHub(settings);
  const ready = await waitFor(p, "log that it is ready", () => logged(p, READY));
  const port = Number(READY.exec(String(ready.msg))![1]);
  expect(ready.port).toBe(port);
  return Object.assign(p, { port, ready });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the exit of `p`, or with "still running" after `ms`. */
function exitWithin(p: Proc, ms: number) {
  return Promise.race([p.exited, sleep(ms).then(() => "still running" as const)]);
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

async function gql<T = any>(port: number, query: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const SNAPSHOT = `{
  editions { year theme }
  societies(first: 0) { totalCount }
  activities(first: 0) { totalCount }
}`;

interface Snapshot {
  editions: Array<{ year: number; theme: string | null }>;
  societies: { totalCount: number };
  activities: { totalCount: number };
}

const snapshot = (port: number) => gql<Snapshot>(port, SNAPSHOT);

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

function expectSeededEditions(editions: Snapshot["editions"]) {
  const years = seeds.editions.map((e) => e.year).sort((a, b) => b - a);
  expect(editions.map((e) => e.year)).toEqual(years);
  expect(years).toHaveLength(14);
  expect(years[0]).toBe(2025);
  expect(years.at(-1)).toBe(2012);
  expect(editions.find((e) => e.year === 2020)?.theme).toBe("All imaging professionals and their role in fighting COVID-19");
  expect(editions.find((e) => e.year === 2012)?.theme).toBe("Oncologic imaging");
}

// ---------------------------------------------------------------------------------------------------------------

// The embedded hub does not depend on DATABASE_URL: run once, in the PGlite run.
describe.skipIf(onPostgres)("the hub on embedded PGlite, one data directory through its life cycle", { timeout: 60_000 }, () => {
  let dir: string;
  let first: Hub;
  let baseline: Snapshot;
  let restarted: Hub;
  let recovered: Hub;
  let portInUseStderr: string | undefined;

  beforeAll(async () => {
    dir = tempDir();
    first = await startHub({ HUB_DATA_DIR: dir });
  }, 90_000);

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

// One process per case, all started at once.
describe.concurrent.skipIf(onPostgres)("a bad setting stops start-up with a clear message before the database is opened", { timeout: 90_000 }, () => {
  const cases: Array<{ settings: Record<string, string>; says: string[] }> = [
    { settings: { PORT: "abc" }, says: ['PORT must be a whole number from 0 to 65535; got "abc"'] },
    { settings: { HUB_DB_POOL_SIZE: "0" }, says: ["HUB_DB_POOL_SIZE must be from 1 to 200; got 0"] },
    {
      settings: { HUB_CORS_ORIGINS: "not-an-origin" },
      says: ['HUB_CORS_ORIGINS must be "*" or a comma-separated list of origins', 'got "not-an-origin"'],
    },
    { settings: { LOG_LEVEL: "loud" }, says: ["LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent"] },
    {
      // Every bad setting is reported at once, not one per attempt.
      settings: { PORT: "70000", HUB_SEED_ON_EMPTY: "yes", HUB_SHUTDOWN_TIMEOUT_MS: "-1", DATABASE_URL: "mysql://x/y" },
      says: [
        "PORT must be from 0 to 65535; got 70000",
        'HUB_SEED_ON_EMPTY must be "true" or "false"',
        'HUB_SHUTDOWN_TIMEOUT_MS must be a whole number from 0 to 600000; got "-1"',
        "DATABASE_URL must start with postgres:// or postgresql://",
      ],
    },
  ];

  for (const { settings, says } of cases) {
    const label = Object.entries(settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    it(label, async () => {
      const dir = path.join(tempDir(), "data");
      const hub = spawnHub({ HUB_DATA_DIR: dir, ...settings });
      const { code } = await hub.exited;
      expect(code).toBe(2);
      expect(hub.stderr()).toMatch(/^Invalid configuration:\n- /);
      for (const text of says) expect(hub.stderr()).toContain(text);
      expect(hub.stderr()).not.toMatch(/\n\s+at /);
      expect(logs(hub)).toEqual([]); // not even the logger was set up
      expect(fs.existsSync(dir)).toBe(false); // the data directory was never touched
    });
  }

  // Checked on the parser itself to spare a process each.
  it('LOG_LEVEL and HUB_SEED_ON_EMPTY errors say what they got, as the other settings do ("got …")', () => {
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrow('got "loud"');
    expect(() => loadConfig({ HUB_SEED_ON_EMPTY: "yes" })).toThrow('got "yes"');
  });

  it("a DATABASE_URL that is not a URL is a configuration error (exit 2), not a crash", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://127.0.0.1:notaport/db" })).toThrow(/DATABASE_URL/);
  });

  it("an empty HUB_DATA_DIR means the default ./data, as an empty PORT means the default port", () => {
    expect(loadConfig({ PORT: "" }).port).toBe(4000);
    expect(loadConfig({ HUB_DATA_DIR: "" }).dataDir).toBe(path.resolve("./data")); // today: the working directory
  });
});

describe.skipIf(onPostgres)("`npm run db:seed` on a free data directory", { timeout: 240_000 }, () => {
  it("migrates and seeds it, and a second run adds nothing", async () => {
    const dir = tempDir();

    const firstRun = await runHubCli(["seed"], envWith({ HUB_DATA_DIR: dir }));
    expect(firstRun.status, firstRun.stderr).toBe(0);
    expect(firstRun.stdout).toContain(`Seeding embedded PostgreSQL (PGlite) in ${dir} ...`);
    expect(firstRun.stdout).toContain(`societies: ${seeds.societies} added, 0 already there`);
    expect(firstRun.stdout).toContain("editions: 14 added, 0 already there");
    expect(firstRun.stdout).toMatch(/activities: [1-9]\d* added, 0 already there; metrics: [1-9]\d* added/);
    expect(firstRun.stdout).toContain("Seed data loaded.");
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);

    const secondRun = await runHubCli(["seed"], envWith({ HUB_DATA_DIR: dir }));
    expect(secondRun.status, secondRun.stderr).toBe(0);
    expect(secondRun.stdout).toContain(`societies: 0 added, ${seeds.societies} already there`);
    expect(secondRun.stdout).toContain("editions: 0 added, 14 already there");
    expect(secondRun.stdout).toMatch(/activities: 0 added, [1-9]\d* already there; metrics: 0 added/);
    expect(secondRun.stdout).toContain("Seed data loaded.");
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});

describe.runIf(onPostgres)("the hub on PostgreSQL (DATABASE_URL)", { timeout: 60_000 }, () => {
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

describe("start-up problems a newcomer meets first", { timeout: 30_000 }, () => {
  it("a busy port is found before anything is created: no database, no staff key, exit 1 at once", async () => {
    const dir = tempDir();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    try {
      const port = (blocker.address() as net.AddressInfo).port;
      const hub = spawnHub({ HUB_DATA_DIR: dir, PORT: String(port) });
      expect((await hub.exited).code).toBe(1);
      expect(hub.stderr()).toContain(`${port}: the port is already in use`);
      expect(hub.stdout()).not.toContain("First staff API key");
      expect(fs.readdirSync(dir)).toEqual([]); // no lock, no database, no staff-key file: nothing was created
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("a DATABASE_URL nobody answers is said plainly on stderr, without the password, and exits 1", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve)); // now nothing listens there
    const hub = spawnHub({ DATABASE_URL: `postgres://hub:s3cret-pw@127.0.0.1:${port}/idor` });
    expect((await hub.exited).code).toBe(1);
    expect(hub.stderr()).toContain(`Cannot open PostgreSQL at 127.0.0.1:${port}/idor: the connection was refused`);
    expect(hub.stderr()).not.toMatch(/\n\s+at /);
    expect(hub.stderr() + hub.stdout()).not.toContain("s3cret-pw");
  });
});
