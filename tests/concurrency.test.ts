// Writes that race each other, over real HTTP: idempotent submissions delivered many times at once, updates at the same
// expectedVersion, unique names claimed together; and the all-or-nothing rule of batches.
//
// The races only mean something on PostgreSQL. PGlite runs one statement at a time on one connection, so concurrent
// requests there are serialised before they reach the database and can never interleave inside a transaction: the
// race tests would pass whether or not the hub locks correctly. They are skipped on PGlite. The batch tests at the end
// are about atomicity, not races, and run on both engines.
//
// Requests sent at the same moment may still reach the database one after the other (each transaction is short), and
// then a race test passes without racing. So the race tests hold a table lock from the test's own connection until
// the racing transactions are all queued behind it, then release them together: every race below really interleaves
// inside the database. The test hub's pool has 4 connections (tests/support/db.ts): the gate takes one, so at most 3
// transactions wait at it; the other requests wait for a connection and race right after.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Db } from "../src/db/client.js";
import { activities } from "../src/db/schema.js";
import { onPostgres } from "./support/env.js";
import { factories } from "./support/factories.js";
import { mutation } from "./support/documents.js";
import { startTestHub, type TestHub } from "./support/hub.js";
import { snapshot } from "./support/snapshot.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;
let society: { id: number; slug: string };
let e2020: { id: number };
let partner: { secret: string; prefix: string };
let staff: { secret: string; prefix: string };

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
  society = await make.society({ slug: "racers", acronym: "RAC", name: "Racing Society" });
  e2020 = await make.edition(2020, "All imaging professionals");
  partner = await make.apiKey("PARTNER", society.id, "racing partner");
  staff = await make.apiKey("STAFF", null, "racing staff");
});
afterAll(() => hub.close());

const gid = (id: number) => Buffer.from(`Activity:${id}`).toString("base64url");
let counter = 0;
const uniq = () => ++counter;

const SUBMIT = mutation("submitActivity", `replayed activity { id title version metrics { kind channel value } }`);
const SUBMIT_MANY = mutation("submitActivities", `activities { id title }`);
const UPDATE = mutation("updateActivity", `activity { id title version status pendingChange { title } }`);
const RECORD = mutation("recordMetrics", `activity { id version metrics { kind value } }`);
const CREATE_SOCIETY = mutation("createSociety", `society { slug }`);

const submission = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: `race-${uniq()}`,
  year: 2020,
  kind: "WEBINAR",
  title: "Racing webinar",
  startsOn: "2020-11-08",
  metrics: [
    { kind: "VIEWS", value: 120 },
    { kind: "VIEWS", channel: "YOUTUBE", value: 100 },
  ],
  ...overrides,
});

async function query<T>(text: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await hub.database.db.execute(text));
}
const count = async (text: ReturnType<typeof sql>) => Number((await query<{ n: number | string }>(text))[0]!.n);

/** Fires all requests at once and waits for every answer. */
function together<T>(n: number, request: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => request(i)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the requests while a transaction of the test holds something they need (`hold`), waits until `queued` of them
 * wait for a lock inside their transactions, then ends the test's transaction (commit, or rollback when `rollback`),
 * so that the queued transactions go on at the same instant.
 */
async function gate<T>(hold: (tx: Db) => Promise<void>, queued: number, start: () => Promise<T>, rollback = false): Promise<T> {
  let started: Promise<T> | undefined;
  const rolledBack = new Error("rollback");
  try {
    await hub.database.db.transaction(async (tx) => {
      await hold(tx as unknown as Db);
      started = start();
      started.catch(() => {}); // awaited below; this only keeps an early rejection from being reported as unhandled
      for (let waited = 0; ; waited += 5) {
        const [row] = rowsOf<{ n: number }>(await tx.execute(sql`
          select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where not l.granted and a.datname = current_database()`));
        if (row!.n >= queued) break;
        if (waited > 10_000) throw new Error(`only ${row!.n} of ${queued} transactions queued behind the gate`);
        await sleep(5);
      }
      if (rollback) throw rolledBack;
    });
  } catch (err) {
    if (err !== rolledBack) throw err;
  }
  return started!;
}

/**
 * Holds `lock table <table> in exclusive mode` (it blocks inserts, updates and SELECT ... FOR UPDATE, not plain reads)
 * until `queued` racing transactions wait for it, then releases them together.
 */
const releasedTogether = <T>(table: string, queued: number, start: () => Promise<T>) =>
  gate((tx) => tx.execute(sql.raw(`lock table ${table} in exclusive mode`)).then(() => {}), queued, start);

/** Every response must be a 200 without GraphQL errors (a deadlock or unique violation would surface as one). */
function expectNoGraphqlErrors(responses: Array<{ status: number; body: any }>) {
  for (const r of responses) {
    expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
    expect(r.status).toBe(200);
  }
}

describe.skipIf(!onPostgres)("concurrent writes (PostgreSQL)", () => {
  it("makes exactly one activity from 20 simultaneous deliveries of the same submission, in several rounds", async () => {
    for (let round = 0; round < 5; round++) {
      const input = submission();
      const responses = await releasedTogether("activities", 3, () => together(20, () => hub.post(SUBMIT, { input }, partner.secret)));
      expectNoGraphqlErrors(responses);
      const payloads = responses.map((r) => r.body.data.submitActivity);
      for (const p of payloads) expect(p.userErrors).toEqual([]);
      expect(payloads.filter((p) => !p.replayed)).toHaveLength(1);
      expect(payloads.filter((p) => p.replayed)).toHaveLength(19);
      const ids = new Set(payloads.map((p) => p.activity.id));
      expect(ids.size).toBe(1);
      for (const p of payloads) {
        expect(p.activity).toMatchObject({ title: "Racing webinar", version: 1 });
        expect(p.activity.metrics).toHaveLength(2);
      }

      const rows = await query<{ id: number }>(
        sql`select id from activities where society_id = ${society.id} and idempotency_key = ${input.idempotencyKey}`,
      );
      expect(rows).toHaveLength(1);
      const id = rows[0]!.id;
      expect(gid(id)).toBe([...ids][0]);
      expect(await query(sql`select kind, channel, value::int as value from metrics where activity_id = ${id} order by channel nulls first`)).toEqual([
        { kind: "VIEWS", channel: null, value: 120 },
        { kind: "VIEWS", channel: "YOUTUBE", value: 100 },
      ]);
      expect(await count(sql`select count(*) as n from audit_log where action = 'activity.submit' and target_id = ${id}`)).toBe(1);
    }
  });

  it("lets one of 20 simultaneous submissions with the same key but different inputs win; the others are refused or replayed", async () => {
    for (let round = 0; round < 3; round++) {
      const key = `contested-${uniq()}`;
      // Ten titles, each sent twice: the winner's twin is a true retry (replayed), the 18 others reuse the key.
      const titleOf = (i: number) => `Contender ${i % 10}`;
      const responses = await releasedTogether("activities", 3, () =>
        together(20, (i) => hub.post(SUBMIT, { input: submission({ idempotencyKey: key, title: titleOf(i) }) }, partner.secret)),
      );
      expectNoGraphqlErrors(responses);
      const payloads = responses.map((r) => r.body.data.submitActivity);
      const fresh = payloads.filter((p) => p.activity && !p.replayed);
      expect(fresh).toHaveLength(1);
      const winner = fresh[0]!.activity;
      payloads.forEach((p, i) => {
        if (titleOf(i) === winner.title) {
          expect(p.userErrors).toEqual([]);
          expect(p.activity.id).toBe(winner.id);
        } else {
          expect(p).toMatchObject({ activity: null, replayed: false });
          expect(p.userErrors).toEqual([{ field: ["input", "idempotencyKey"], code: "IDEMPOTENCY_KEY_REUSED", message: expect.any(String) }]);
        }
      });
      expect(payloads.filter((p) => p.replayed)).toHaveLength(1);

      const rows = await query<{ id: number; title: string }>(
        sql`select id, title from activities where society_id = ${society.id} and idempotency_key = ${key}`,
      );
      expect(rows).toEqual([{ id: expect.any(Number), title: winner.title }]);
      expect(await count(sql`select count(*) as n from metrics where activity_id = ${rows[0]!.id}`)).toBe(2);
      expect(await count(sql`select count(*) as n from audit_log where action = 'activity.submit' and target_id = ${rows[0]!.id}`)).toBe(1);
    }
  });

  it.each(["SUBMITTED", "APPROVED"] as const)(
    "lets exactly one of two simultaneous updates of a %s activity at the same expectedVersion win; the other is STALE_VERSION",
    async (status) => {
      for (let round = 0; round < 10; round++) {
        const row = await make.activity({ societyId: society.id, editionId: e2020.id, status, title: "Original" });
        const titles = [`Left ${round}`, `Right ${round}`];
        const responses = await releasedTogether("activities", 2, () =>
          together(2, (i) => hub.post(UPDATE, { input: { id: gid(row.id), expectedVersion: row.version, title: titles[i] } }, partner.secret)),
        );
        expectNoGraphqlErrors(responses);
        const payloads = responses.map((r) => r.body.data.updateActivity);
        const won = payloads.filter((p) => p.userErrors.length === 0);
        const lost = payloads.filter((p) => p.userErrors.length > 0);
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]).toEqual({ activity: null, userErrors: [{ field: ["input", "expectedVersion"], code: "STALE_VERSION", message: expect.any(String) }] });
        const winner = titles[payloads.indexOf(won[0])]!;
        expect(won[0].activity.version).toBe(row.version + 1);

        const [after] = await query<{ title: string; version: number }>(sql`select title, version from activities where id = ${row.id}`);
        expect(after!.version).toBe(row.version + 1);
        if (status === "SUBMITTED") {
          expect(after!.title).toBe(winner);
        } else {
          // An approved activity keeps its public title; the winner's change waits for review.
          expect(after!.title).toBe("Original");
          expect(won[0].activity.pendingChange).toEqual({ title: winner });
          expect(await query(sql`select proposed->>'title' as title from activity_changes where activity_id = ${row.id}`)).toEqual([{ title: winner }]);
        }
        expect(await count(sql`select count(*) as n from audit_log where action = 'activity.update' and target_id = ${row.id}`)).toBe(1);
      }
    },
  );

  it("lets exactly one of 10 simultaneous recordMetrics at the same expectedVersion win", async () => {
    const row = await make.activity({ societyId: society.id, editionId: e2020.id, status: "SUBMITTED" });
    const responses = await releasedTogether("activities", 3, () =>
      together(10, (i) =>
        hub.post(RECORD, { input: { activityId: gid(row.id), expectedVersion: row.version, metrics: [{ kind: "VIEWS", value: 1000 + i }] } }, partner.secret),
      ),
    );
    expectNoGraphqlErrors(responses);
    const payloads = responses.map((r) => r.body.data.recordMetrics);
    const won = payloads.filter((p) => p.userErrors.length === 0);
    expect(won).toHaveLength(1);
    for (const p of payloads.filter((p) => p.userErrors.length > 0)) expect(p.userErrors.map((e: any) => e.code)).toEqual(["STALE_VERSION"]);
    const value = 1000 + payloads.indexOf(won[0]);
    expect(await query(sql`select kind, value::int as value from metrics where activity_id = ${row.id}`)).toEqual([{ kind: "VIEWS", value }]);
    expect(await count(sql`select version as n from activities where id = ${row.id}`)).toBe(row.version + 1);
    expect(await count(sql`select count(*) as n from audit_log where action = 'activity.recordMetrics' and target_id = ${row.id}`)).toBe(1);
  });

  it("creates a society once when 10 staff requests claim the same slug at the same moment; the others get ALREADY_EXISTS", async () => {
    const slug = `contested-society-${uniq()}`;
    const responses = await releasedTogether("societies", 3, () =>
      together(10, (i) =>
        hub.post(CREATE_SOCIETY, { input: { slug, acronym: `C${i}`, name: `Contender ${i}`, kind: "NATIONAL", profession: "RADIOLOGY" } }, staff.secret),
      ),
    );
    expectNoGraphqlErrors(responses);
    const payloads = responses.map((r) => r.body.data.createSociety);
    expect(payloads.filter((p) => p.society?.slug === slug)).toHaveLength(1);
    for (const p of payloads.filter((p) => p.society === null)) {
      expect(p.userErrors).toEqual([{ field: ["input", "slug"], code: "ALREADY_EXISTS", message: expect.any(String) }]);
    }
    expect(await count(sql`select count(*) as n from societies where slug = ${slug}`)).toBe(1);
    expect(await count(sql`select count(*) as n from audit_log a join societies s on s.id = a.target_id where a.action = 'society.create' and s.slug = ${slug}`)).toBe(1);
  });

  it("revokes a key once when 5 staff requests revoke it at the same moment; the others get INVALID_STATE", async () => {
    const key = await make.apiKey("PARTNER", society.id, "revoked in a race");
    const REVOKE = mutation("revokeApiKey", `apiKey { prefix }`);
    const responses = await releasedTogether("api_keys", 3, () => together(5, () => hub.post(REVOKE, { input: { prefix: key.prefix } }, staff.secret)));
    expectNoGraphqlErrors(responses);
    const payloads = responses.map((r) => r.body.data.revokeApiKey);
    expect(payloads.filter((p) => p.apiKey?.prefix === key.prefix && p.userErrors.length === 0)).toHaveLength(1);
    for (const p of payloads.filter((p) => p.apiKey === null)) expect(p.userErrors.map((e: any) => e.code)).toEqual(["INVALID_STATE"]);
    expect(await count(sql`select count(*) as n from audit_log a join api_keys k on k.id = a.target_id where a.action = 'apiKey.revoke' and k.prefix = ${key.prefix}`)).toBe(1);
    expect((await hub.post(`{ viewer { role } }`, {}, key.secret)).status).toBe(401);
  });

  // Keys are claimed in one order whatever the input order, so overlapping batches wait for each other instead of
  // deadlocking (PostgreSQL would abort one with 40P01).
  it("answers two simultaneous deliveries of the same batch in opposite item orders without an error, writing each item once", async () => {
    // A client that retries a batch may send its items in another order. Both deliveries must succeed.
    const prefix = `both-orders-${uniq()}`;
    const items = Array.from({ length: 100 }, (_, i) => submission({ idempotencyKey: `${prefix}-${i}`, title: `Item ${i}` }));
    const orders = [items, [...items].reverse()];
    // Makes the interleaving certain: the test holds the middle key (an uncommitted row), so one delivery stops there
    // holding keys 0 to 49 and the other holding keys 99 to 51; then the test rolls back and lets both go on.
    const responses = await gate(
      async (tx) => {
        await tx.insert(activities).values({ societyId: society.id, editionId: e2020.id, idempotencyKey: `${prefix}-50`, kind: "WEBINAR", title: "Placeholder" });
      },
      2,
      () => together(2, (i) => hub.post(SUBMIT_MANY, { input: { activities: orders[i] } }, partner.secret)),
      true,
    );
    expectNoGraphqlErrors(responses);
    responses.forEach((r, i) => {
      const payload = r.body.data.submitActivities;
      expect(payload.userErrors).toEqual([]);
      expect(payload.activities.map((a: any) => a.title)).toEqual(orders[i]!.map((item) => item.title));
    });
    expect(await count(sql`select count(*) as n from activities where idempotency_key like ${`${prefix}-%`}`)).toBe(100);
    expect(await count(sql`select count(*) as n from audit_log a join activities t on t.id = a.target_id
      where a.action = 'activity.submit' and t.idempotency_key like ${`${prefix}-%`}`)).toBe(100);
  });

  it("answers two simultaneous deliveries of the same batch in the same item order without an error, writing each item once", async () => {
    for (let round = 0; round < 3; round++) {
      const items = Array.from({ length: 200 }, (_, i) => submission({ idempotencyKey: `same-order-${round}-${i}`, title: `Item ${i}` }));
      const responses = await releasedTogether("activities", 2, () =>
        together(2, () => hub.post(SUBMIT_MANY, { input: { activities: items } }, partner.secret)),
      );
      expectNoGraphqlErrors(responses);
      const [a, b] = responses.map((r) => r.body.data.submitActivities);
      expect(a.userErrors).toEqual([]);
      expect(b.userErrors).toEqual([]);
      expect(a.activities.map((x: any) => x.id)).toEqual(b.activities.map((x: any) => x.id));
      expect(await count(sql`select count(*) as n from activities where idempotency_key like ${`same-order-${round}-%`}`)).toBe(200);
    }
  });
});

// ---- all or nothing (both engines) ------------------------------------------------------------------------------

describe("submitActivities is all or nothing", () => {
  const batch = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => submission({ idempotencyKey: `${prefix}-${i}`, title: `${prefix} ${i}` }));

  it.each([
    ["a negative metric value", { metrics: [{ kind: "VIEWS", value: -5 }] }, ["input", "activities", "3", "metrics", "0", "value"], "OUT_OF_RANGE"],
    ["an unknown year", { year: 2031, startsOn: null }, ["input", "activities", "3", "year"], "UNKNOWN_EDITION"],
    ["a date outside the edition window", { startsOn: "2021-07-01" }, ["input", "activities", "3", "startsOn"], "OUTSIDE_EDITION_WINDOW"],
    ["an unknown society", { societySlug: "nobody" }, ["input", "activities", "3", "societySlug"], "UNKNOWN_SOCIETY"],
  ] as const)("writes nothing when item 3 of 6 has %s, and names the item", async (_label, bad, field, code) => {
    const prefix = `bad-${uniq()}`;
    const items: Record<string, unknown>[] = batch(6, prefix);
    items[3] = { ...items[3], ...bad };
    const before = await snapshot(hub.database);
    const { status, body } = await hub.post(SUBMIT_MANY, { input: { activities: items } }, partner.secret);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.submitActivities).toEqual({ activities: null, userErrors: [{ field, code, message: expect.any(String) }] });
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("rolls back items already inserted when a later item reuses an idempotency key (refused inside the transaction)", async () => {
    const prefix = `reuse-${uniq()}`;
    const taken = await hub.post(SUBMIT, { input: submission({ idempotencyKey: `${prefix}-taken`, title: "First use" }) }, partner.secret);
    expect(taken.body.data.submitActivity.userErrors).toEqual([]);
    const items: Record<string, unknown>[] = batch(6, prefix);
    items[3] = { ...items[3], idempotencyKey: `${prefix}-taken`, title: "Second use" };
    const before = await snapshot(hub.database);
    const { body } = await hub.post(SUBMIT_MANY, { input: { activities: items } }, partner.secret);
    expect(body.errors).toBeUndefined();
    expect(body.data.submitActivities).toEqual({
      activities: null,
      userErrors: [{ field: ["input", "activities", "3", "idempotencyKey"], code: "IDEMPOTENCY_KEY_REUSED", message: expect.any(String) }],
    });
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("names every bad item of a batch at once", async () => {
    const items: Record<string, unknown>[] = batch(6, `several-${uniq()}`);
    items[1] = { ...items[1], metrics: [{ kind: "VIEWS", value: -1 }] };
    items[4] = { ...items[4], year: 2031, startsOn: null };
    const before = await snapshot(hub.database);
    const { body } = await hub.post(SUBMIT_MANY, { input: { activities: items } }, partner.secret);
    expect(body.data.submitActivities.activities).toBeNull();
    expect(body.data.submitActivities.userErrors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.activities.1.metrics.0.value", "OUT_OF_RANGE"],
      ["input.activities.4.year", "UNKNOWN_EDITION"],
    ]);
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("accepts a batch of 500 and refuses one of 501 with TOO_MANY, writing nothing", async () => {
    const prefix = `full-${uniq()}`;
    const auditBefore = await count(sql`select count(*) as n from audit_log where action = 'activity.submit'`);
    const { status, body } = await hub.post(SUBMIT_MANY, { input: { activities: batch(500, prefix) } }, partner.secret);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.submitActivities.userErrors).toEqual([]);
    expect(body.data.submitActivities.activities).toHaveLength(500);
    expect(body.data.submitActivities.activities[499].title).toBe(`${prefix} 499`);
    expect(await count(sql`select count(*) as n from activities where idempotency_key like ${`${prefix}-%`}`)).toBe(500);
    expect(await count(sql`select count(*) as n from metrics m join activities a on a.id = m.activity_id where a.idempotency_key like ${`${prefix}-%`}`)).toBe(1000);
    expect(await count(sql`select count(*) as n from audit_log where action = 'activity.submit'`)).toBe(auditBefore + 500);

    const before = await snapshot(hub.database);
    const tooMany = await hub.post(SUBMIT_MANY, { input: { activities: batch(501, `over-${uniq()}`) } }, partner.secret);
    expect(tooMany.status).toBe(200);
    expect(tooMany.body.data.submitActivities).toEqual({
      activities: null,
      userErrors: [{ field: ["input", "activities"], code: "TOO_MANY", message: expect.any(String) }],
    });
    expect(await snapshot(hub.database)).toEqual(before);
  });
});
