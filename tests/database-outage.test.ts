// The database goes away under load and comes back: a private PostgreSQL cluster (its own directory and port, started
// by this file) is stopped while public and keyed clients keep calling a hub, then started again. Every request meets
// either an answer or a fast 503 SERVICE_UNAVAILABLE with Retry-After, /readyz says 503 within a second, the hub
// recovers by itself, and the error logs hold no key material. Runs on both CI legs; skipped only where no PostgreSQL
// binaries exist.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { hashApiKey } from "../src/auth/api-key.js";
import { openPostgres, type Database } from "../src/db/client.js";
import { migratePostgresUrl } from "../src/db/migrate.js";
import { buildApp, type HubApp } from "../src/http/app.js";
import { DatabaseGuard } from "../src/http/database-guard.js";
import { createLogger } from "../src/logger.js";
import { factories } from "./support/factories.js";
import { PG_BIN, startCluster, type Cluster } from "./support/pg-cluster.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const countBy = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

interface Outcome {
  startedAt: number;
  ms: number;
  status: number;
  code?: string;
  retryAfter: string | null;
  keyed: boolean;
}

describe.skipIf(!PG_BIN)("a database outage under load", () => {
  let cluster: Cluster;
  let database: Database;
  let hub: HubApp;
  let server: http.Server;
  let base: string;
  let secret: string;
  const lines: string[] = [];

  beforeAll(async () => {
    cluster = await startCluster();
    await migratePostgresUrl(cluster.url);
    database = openPostgres(cluster.url, 4, { connectTimeoutMs: 1_000 });
    const make = factories(database);
    const society = await make.society();
    await make.edition(2020);
    secret = (await make.apiKey("PARTNER", society.id)).secret;
    const logger = createLogger("info", new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    // Limits on (generous), so that the rate-limit store in the database is part of what fails and recovers.
    server = http.createServer();
    hub = await buildApp({
      database,
      config: { corsOrigins: "*", production: false, reliability: { rateLimitAnonymous: 100_000, rateLimitKeyed: 100_000, rateLimitAuthFailures: 1_000 } },
      logger,
      httpServer: server,
    });
    server.on("request", hub.app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 240_000); // initdb + start + migrate: ~5 s on a quiet machine, far more under load

  afterAll(async () => {
    await hub?.stop();
    await database?.close().catch(() => {});
    await cluster?.destroy();
  });

  /** What the hub logged about the database (the guard opening and closing, failed readiness checks), for a failure. */
  function guardLog(): string {
    return lines
      .map((l) => JSON.parse(l) as { time?: string; msg?: string; downMs?: number; err?: { code?: string; message?: string } })
      .filter((l) => /database|readiness/.test(l.msg ?? ""))
      .map((l) => `${l.time} ${l.msg}${l.err ? `: ${l.err.code ?? ""} ${(l.err.message ?? "").slice(0, 80)}` : ""}${l.downMs === undefined ? "" : ` after ${l.downMs} ms`}`)
      .join("\n");
  }

  async function call(keyed: boolean): Promise<Outcome> {
    const startedAt = performance.now();
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(keyed ? { authorization: `Bearer ${secret}` } : {}) },
      body: JSON.stringify({ query: keyed ? "{ viewer { role } editions { year } }" : "{ editions { year } }" }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    return {
      startedAt,
      ms: performance.now() - startedAt,
      status: response.status,
      code: body.errors?.[0]?.extensions?.code,
      retryAfter: response.headers.get("retry-after"),
      keyed,
    };
  }

  it("answers 503 SERVICE_UNAVAILABLE fast while PostgreSQL is stopped and recovers on its own when it is back", async () => {
    const outcomes: Outcome[] = [];
    let running = true;
    const client = async (keyed: boolean) => {
      while (running) {
        outcomes.push(await call(keyed));
        await sleep(25);
      }
    };
    const clients = [client(false), client(false), client(true), client(true)];
    while (outcomes.length < 8) await sleep(50);

    const stopping = performance.now();
    await cluster.stop();
    const stopped = performance.now();
    const readiness: Array<{ ms: number; status: number }> = [];
    while (performance.now() - stopped < 3_000) {
      const t0 = performance.now();
      const response = await fetch(`${base}/readyz`);
      readiness.push({ ms: performance.now() - t0, status: response.status });
      await sleep(200);
    }
    const restarting = performance.now();
    await cluster.start();
    const restarted = performance.now();
    let recoveredAt: number | undefined;
    while (recoveredAt === undefined && performance.now() - restarted < 10_000) {
      const answered = outcomes.find((o) => o.startedAt > restarted && o.status === 200 && o.keyed);
      if (answered && outcomes.some((o) => o.startedAt > restarted && o.status === 200 && !o.keyed)) recoveredAt = answered.startedAt + answered.ms;
      else await sleep(50);
    }
    await sleep(500);
    running = false;
    await Promise.all(clients);

    const whileDown = outcomes.filter((o) => o.startedAt > stopped && o.startedAt + o.ms < restarting);
    console.info(
      `outage: ${outcomes.length} requests, ${whileDown.length} while down (max ${Math.round(Math.max(...whileDown.map((o) => o.ms)))} ms), ` +
        `readyz max ${Math.round(Math.max(...readiness.map((r) => r.ms)))} ms, recovered ${Math.round((recoveredAt ?? NaN) - restarted)} ms after the restart; ` +
        `statuses ${JSON.stringify(countBy(outcomes.map((o) => `${o.status} ${o.code ?? ""}`)))}`,
    );
    // Before the outage: answers.
    const before = outcomes.filter((o) => o.startedAt + o.ms < stopping);
    expect(before.length).toBeGreaterThanOrEqual(8);
    expect(before.filter((o) => o.status !== 200)).toEqual([]);
    // Only two kinds of answer, ever: 200, or 503 SERVICE_UNAVAILABLE with Retry-After. No 500, no hang.
    for (const o of outcomes) {
      expect([200, 503], JSON.stringify(o)).toContain(o.status);
      if (o.status === 503) {
        expect(o.code).toBe("SERVICE_UNAVAILABLE");
        expect(Number(o.retryAfter)).toBeGreaterThanOrEqual(1);
      }
    }
    // While it is down: every request, public and keyed, is refused within two seconds.
    expect(whileDown.filter((o) => o.keyed).length).toBeGreaterThan(5);
    expect(whileDown.filter((o) => !o.keyed).length).toBeGreaterThan(5);
    expect(whileDown.filter((o) => o.status !== 503)).toEqual([]);
    expect(Math.max(...whileDown.map((o) => o.ms))).toBeLessThan(2_000);
    // /readyz says so within a second.
    expect(readiness.filter((r) => r.status !== 503 || r.ms >= 1_000)).toEqual([]);
    // Back on its own, within a few probe intervals of the server answering again.
    expect(recoveredAt, guardLog()).toBeDefined();
    expect(recoveredAt! - restarted, guardLog()).toBeLessThan(5_000); // 0.15–1.4 s measured; 3.6–3.8 s at heavy load
    // Ready again as well. /readyz pings with a timeout of its own (800 ms), which the first connections to the
    // restarted server can outlast on a loaded machine (CI once saw a 503 half a second after recovery, with the
    // whole suite running beside it): it must say 200 within the same bound, not at one instant.
    let ready = 0;
    while ((ready = (await fetch(`${base}/readyz`)).status) !== 200 && performance.now() - restarted < 5_000) await sleep(100);
    expect(ready, guardLog()).toBe(200);

    // The error log: the outage is there, with request ids, and no key material or SQL parameters.
    const log = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const errors = log.filter((l) => Number(l.level) >= 50);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => typeof l.requestId === "string")).toBe(true);
    const text = lines.join("");
    expect(text).not.toContain(secret.slice(14));
    expect(text).not.toContain(hashApiKey(secret));
  }, 120_000);

  // postgres.js 3.4.9 keeps the FATAL 57P01 a busy session received at the shutdown and rejects the first query on that
  // connection after it reconnected to the restarted server with it (see src/http/database-guard.ts). Such a stale
  // error must cost at most its own request: the guard checks before it shuts every request out again.
  it("does not shut requests out again for the stale errors postgres.js hands out after a restart", async () => {
    // A pool of its own with a generous connect timeout: a slow connect on a loaded machine is not what this is about.
    const pool = openPostgres(cluster.url, 4, { connectTimeoutMs: 20_000 });
    const guard = new DatabaseGuard(pool, createLogger("silent"));
    try {
      await Promise.all(Array.from({ length: 4 }, () => pool.db.execute(sql`select 1`)));
      const busy = Array.from({ length: 4 }, () => pool.db.execute(sql`select pg_sleep(30)`).then(() => "answered", () => "ended"));
      await sleep(300);
      await cluster.stop();
      expect(await Promise.all(busy)).toEqual(["ended", "ended", "ended", "ended"]);
      await cluster.start();

      const errors = (await Promise.all(Array.from({ length: 4 }, () => pool.db.execute(sql`select 1`).then(() => null, (e: unknown) => e)))).filter(Boolean);
      // The bug this guards against is there (if a postgres.js upgrade fixes it, the workaround can go).
      expect(errors.length, "stale errors after the restart").toBeGreaterThan(0);
      for (const e of errors) expect(guard.report(e)).toBe(true); // each one: a 503 for its own request
      expect(guard.down).toBe(false);
      await sleep(200); // the guard's check: one ping, a few ms
      expect(guard.down).toBe(false);
      expect(await guard.ready()).toBe(true);
    } finally {
      guard.stop();
      await pool.close();
    }
  }, 60_000);
});
