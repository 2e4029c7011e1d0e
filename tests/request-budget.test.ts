// The time budget of a request: once its signal aborts (budget spent, or the client went away) its database handle
// starts no new statement, and on PostgreSQL its running statements are cancelled.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresClient, rowsOf, type SqlStats } from "../src/db/client.js";
import { societies } from "../src/db/schema.js";
import { buildApp } from "../src/http/app.js";
import { DATABASE_URL, onPostgres } from "./support/env.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ limits: { requestTimeoutMs: 400 } });
  await factories(hub.database).society({ slug: "esr" });
});
afterAll(() => hub.close());

describe("on either engine", () => {
  it("starts no statement for a request whose signal has aborted, and says REQUEST_TIMEOUT", async () => {
    const controller = new AbortController();
    const stats: SqlStats = { statements: 0 };
    const db = hub.database.forRequest(stats, controller.signal);
    expect(await db.select().from(societies)).toHaveLength(1);
    controller.abort(new Error("REQUEST_TIMEOUT: test"));
    await expect(db.select().from(societies)).rejects.toThrow(/REQUEST_TIMEOUT/);
    await expect(db.transaction(async (tx) => tx.select().from(societies))).rejects.toThrow(/REQUEST_TIMEOUT/);
    expect(stats.statements).toBe(1);
  });
});

describe.runIf(onPostgres)("on PostgreSQL", () => {
  /** One connection looks at pg_stat_activity, another holds the lock. */
  let admin: postgres.Sql;
  let locker: postgres.Sql;
  let database: string;
  beforeAll(async () => {
    const [row] = rowsOf<{ db: string }>(await hub.database.db.execute(sql`select current_database() as db`));
    database = row!.db;
    const url = new URL(DATABASE_URL!);
    url.pathname = `/${database}`;
    admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    locker = postgres(url.toString(), { max: 1, onnotice: () => {} });
  });
  afterAll(() => Promise.all([admin.end(), locker.end()]));

  /** Statements of the hub's pool waiting on the table lock the test holds. */
  const waiting = async () =>
    (await admin`select count(*)::int as n from pg_stat_activity
      where datname = ${database} and pid <> pg_backend_pid() and wait_event_type = 'Lock'`)[0]!.n as number;

  /** Holds an exclusive lock on societies (every read of it waits) while `during` runs. */
  async function withSocietiesLocked(during: () => Promise<void>) {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const tx = locker.begin(async (t) => {
      await t`lock table societies in access exclusive mode`;
      locked();
      await held;
    });
    await isLocked;
    try {
      await during();
    } finally {
      release();
      await tx;
    }
  }

  it("cancels a statement that outlives the request's budget and answers 503 REQUEST_TIMEOUT at once", async () => {
    await withSocietiesLocked(async () => {
      const started = Date.now();
      const { status, body } = await hub.post("{ societies { totalCount } }");
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(status).toBe(503);
      expect(body.errors![0].extensions!.code).toBe("REQUEST_TIMEOUT");
      expect(body.errors![0].message).not.toMatch(/cancel.*statement|57014|select/i);
      expect(await waiting()).toBe(0);
    });
    expect((await hub.post("{ societies { totalCount } }")).body.data.societies.totalCount).toBe(1);
  });

  it("cancels the request's statements when its client goes away", async () => {
    // A second app on the same database, with a budget long enough that only the client's leaving can stop it.
    const patient = await buildApp({
      database: hub.database,
      config: { corsOrigins: "*", production: false, limits: { requestTimeoutMs: 60_000 } },
      logger: pino({ level: "silent" }),
    });
    const server = http.createServer(patient.app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await withSocietiesLocked(async () => {
        const controller = new AbortController();
        const request = fetch(`${base}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ societies { totalCount } }" }),
          signal: controller.signal,
        }).catch(() => "aborted");
        // The request is waiting on the lock...
        for (let i = 0; i < 50 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
        expect(await waiting()).toBeGreaterThan(0);
        controller.abort();
        expect(await request).toBe("aborted");
        // ...and is cancelled although the lock is still held.
        for (let i = 0; i < 40 && (await waiting()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
        expect(await waiting()).toBe(0);
      });
    } finally {
      await patient.stop();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("gives every connection of the server's pool a statement_timeout", async () => {
    const client = postgresClient(DATABASE_URL!, 1, { statementTimeoutMs: 200 });
    try {
      await expect(client`select pg_sleep(2)`).rejects.toMatchObject({ code: "57014" });
    } finally {
      await client.end();
    }
  });
});
