// The entry point's refusals, each a child process started as `npm start` starts it: a bad setting stops start-up
// before the database is opened (exit 2); a busy port and a DATABASE_URL nobody answers are said plainly (exit 1).
// None depends on the engine behind DATABASE_URL: they run in the PGlite run only (vitest.config.ts).
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { cleanUp, logs, spawnHub, tempDir } from "./support/hub-process.js";

afterAll(cleanUp);

describe("a bad setting stops start-up with a clear message before the database is opened", { timeout: 120_000 }, () => {
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

// Each spawns `npm start` through tsx: 2-7 s on a quiet machine, over 30 s seen at load 15-19 (two other suites and a
// benchmark on the 2 cores), hence the generous timeouts here and in tests/entry-points.test.ts.
describe("start-up problems a newcomer meets first", { timeout: 120_000 }, () => {
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
