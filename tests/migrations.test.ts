// The committed migrations, applied the way production applies them: several hub processes may start at once against
// one PostgreSQL database, and exactly one of them must apply each migration (src/db/migrate.ts serialises them with a
// session advisory lock). And the schema's constraints must hold in the database itself, whatever the code above does.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/db/client.js";
import { migratePostgresUrl } from "../src/db/migrate.js";
import { activities, editions, metrics, societies } from "../src/db/schema.js";
import { openTestDatabase } from "./support/db.js";
import { DATABASE_URL, onPostgres, urlForDatabase } from "./support/env.js";
import { factories } from "./support/factories.js";
import { hubCli, killAll, repoRoot, runNode } from "./support/processes.js";

const migrationsDir = path.join(repoRoot, "schema/migrations");
const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, "meta/_journal.json"), "utf8")) as {
  entries: Array<{ idx: number; when: number; tag: string }>;
};

/**
 * The advisory lock key of src/db/migrate.ts (MIGRATION_LOCK_KEY, not exported). The test holds it to line all the
 * migrators up behind it, then lets them go at the same instant. If the key changes, change it here too.
 */
const MIGRATION_LOCK_KEY = 7_311_402_218_001;

describe.skipIf(!onPostgres)("PostgreSQL migrations", { timeout: 90_000 }, () => {
  let admin: postgres.Sql;
  let name: string;
  let url: string;

  beforeAll(async () => {
    admin = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
    name = `hub_mig_${randomBytes(6).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    url = urlForDatabase(DATABASE_URL!, name);
  });

  afterAll(async () => {
    await killAll();
    if (!admin) return;
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  /** `npm run db:migrate` against the test database, as a separate process. */
  function migrateInChild() {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
    delete env.LOG_LEVEL;
    return runNode(hubCli("migrate"), { env }).then(({ status, stdout, stderr }) => ({ code: status, stdout, stderr }));
  }

  async function appliedMigrations(sql: postgres.Sql) {
    return sql<{ id: number; hash: string; created_at: string }[]>`
      select id, hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`;
  }

  it("applies each migration exactly once when several processes migrate a fresh database at once", async () => {
    const db = postgres(url, { max: 1, onnotice: () => {} });
    const waiting = async () => {
      const [{ n }] = await db<{ n: number }[]>`
        select count(*)::int as n from pg_locks
        where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = ${name})`;
      return n;
    };
    try {
      // Hold the migration lock, start 5 migrators in this process and 2 `npm run db:migrate` processes, wait until
      // all 7 are queued behind the lock, then release it: they all go at once.
      await db`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      const inProcess = Array.from({ length: 5 }, () => migratePostgresUrl(url).then(() => "ok" as const));
      const inChildren = [migrateInChild(), migrateInChild()];
      const settled = Promise.allSettled([...inProcess, ...inChildren]);

      const deadline = Date.now() + 60_000;
      let queued = await waiting();
      while (queued < 7 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        queued = await waiting();
      }
      expect(queued, "all 7 migrators wait for the advisory lock of src/db/migrate.ts").toBe(7);
      await db`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;

      const outcomes = await settled;
      for (const outcome of outcomes) expect(outcome.status).toBe("fulfilled");
      const results = outcomes.map((o) => (o as PromiseFulfilledResult<unknown>).value);
      expect(results.slice(0, 5)).toEqual(["ok", "ok", "ok", "ok", "ok"]);
      for (const child of results.slice(5) as Array<{ code: number | null; stdout: string; stderr: string }>) {
        expect(child.code, child.stderr).toBe(0);
        expect(child.stdout).toContain("Migrations applied; the schema is up to date.");
      }

      // One row per migration file, in order, with the file's hash.
      const rows = await appliedMigrations(db);
      expect(rows).toHaveLength(journal.entries.length);
      expect(rows.map((r) => Number(r.created_at))).toEqual(journal.entries.map((e) => e.when));
      expect(rows.map((r) => r.hash)).toEqual(
        journal.entries.map((e) =>
          createHash("sha256").update(fs.readFileSync(path.join(migrationsDir, `${e.tag}.sql`)).toString()).digest("hex"),
        ),
      );

      const tables = await db<{ table_name: string }[]>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
      expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["activities", "editions", "metrics", "societies"]));
      const [{ n: editionsCount }] = await db<{ n: number }[]>`select count(*)::int as n from editions`;
      expect(editionsCount).toBe(0); // migrating never seeds

      // No migrator left the lock held (each released it, or ended its session).
      const [{ n: held }] = await db<{ n: number }[]>`
        select count(*)::int as n from pg_locks
        where locktype = 'advisory' and database = (select oid from pg_database where datname = ${name})`;
      expect(held).toBe(0);
    } finally {
      await db.end();
    }
  });

  it("migrating an up-to-date database again changes nothing", async () => {
    const db = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const before = await appliedMigrations(db);
      expect(before).toHaveLength(journal.entries.length);
      await Promise.all([migratePostgresUrl(url), migratePostgresUrl(url)]);
      expect(await appliedMigrations(db)).toEqual(before);
    } finally {
      await db.end();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

interface Rejection {
  /** SQLSTATE, e.g. 23514 (check_violation) or 23505 (unique_violation). */
  code: string | undefined;
  /** The violated constraint as the driver reports it (PGlite: `constraint`, postgres.js: `constraint_name`). */
  constraint: string | undefined;
  /** Every message of the error and its causes. */
  text: string;
}

/** Awaits a statement that the database must reject, and describes the rejection. */
async function rejected(statement: PromiseLike<unknown>): Promise<Rejection> {
  try {
    await statement;
  } catch (err) {
    const result: Rejection = { code: undefined, constraint: undefined, text: "" };
    for (let e: any = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
      result.text += `${String(e.message ?? e)}\n`;
      if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) result.code ??= e.code;
      result.constraint ??= e.constraint ?? e.constraint_name;
    }
    return result;
  }
  throw new Error("expected the database to reject the statement, but it succeeded");
}

function expectViolation(r: Rejection, constraint: string, code: "23514" | "23505") {
  expect(r.code, r.text).toBe(code);
  expect(r.constraint, r.text).toBe(constraint);
  expect(r.text).toContain(constraint);
}

describe("constraints enforced by the database itself", () => {
  let database: Database;
  let make: ReturnType<typeof factories>;
  let activityId: number;
  let societyId: number;
  let editionId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    make = factories(database);
    societyId = (await make.society()).id;
    editionId = (await make.edition(2031)).id;
    activityId = (await make.activity({ societyId, editionId })).id;
  });
  afterAll(() => database?.close());

  it("a metric value may not be negative", async () => {
    expectViolation(await rejected(make.metric({ activityId, kind: "VIEWS", value: -1 })), "metrics_value_range", "23514");
    await make.metric({ activityId, kind: "VIEWS", value: 0 }); // zero is a value
  });

  it("one figure per (activity, kind, channel), and one channel-less figure, too (NULLS NOT DISTINCT)", async () => {
    await make.metric({ activityId, kind: "REACH", channel: "TWITTER", value: 10 });
    await make.metric({ activityId, kind: "REACH", channel: "FACEBOOK", value: 20 });
    await make.metric({ activityId, kind: "REACH", channel: null, value: 30 });

    expectViolation(
      await rejected(make.metric({ activityId, kind: "REACH", channel: "TWITTER", value: 11 })),
      "metrics_activity_kind_channel_key",
      "23505",
    );
    expectViolation(
      await rejected(make.metric({ activityId, kind: "REACH", channel: null, value: 31 })),
      "metrics_activity_kind_channel_key",
      "23505",
    );
    const rows = await database.db.select().from(metrics).where(eq(metrics.activityId, activityId));
    expect(rows.filter((m) => m.kind === "REACH").map((m) => m.value).sort()).toEqual([10, 20, 30]);
  });

  it("an edition falls on 8 November of its year", async () => {
    expectViolation(
      await rejected(database.db.insert(editions).values({ year: 2032, date: "2032-11-09" })),
      "editions_date_is_8_november",
      "23514",
    );
    expectViolation(
      await rejected(database.db.insert(editions).values({ year: 2032, date: "2033-11-08" })),
      "editions_date_is_8_november",
      "23514",
    );
    await database.db.insert(editions).values({ year: 2032, date: "2032-11-08" });
  });

  it("a society slug is lower-case words joined by hyphens", async () => {
    for (const slug of ["ESR", "Esr", "esr-", "e sr", "-esr", "esr--x"]) {
      expectViolation(await rejected(make.society({ slug })), "societies_slug_format", "23514");
    }
    await make.society({ slug: "esr-2" });
    expect(await database.db.select().from(societies).where(eq(societies.slug, "ESR"))).toEqual([]);
  });

  it("an activity does not end before it starts", async () => {
    expectViolation(
      await rejected(make.activity({ societyId, editionId, startsOn: "2031-11-08", endsOn: "2031-11-07" })),
      "activities_period_order",
      "23514",
    );
    await make.activity({ societyId, editionId, startsOn: "2031-11-08", endsOn: "2031-11-08" }); // one day is fine
    const rows = await database.db.select().from(activities).where(eq(activities.endsOn, "2031-11-07"));
    expect(rows).toEqual([]);
  });
});
