// The summary cache belongs to one app: two apps in one process (two databases) never answer each other's summaries.
// It is bounded, and one request may add only a few entries, so a request asking for many summaries and rankings
// cannot push out what other callers rely on.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlStats } from "../src/db/client.js";
import { buildApp, type HubApp } from "../src/http/app.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

const SUMMARY = `{ summary(year: 2020) { revision totals { kind value } } }`;

/** The same writes in the same order on each database (so both have the same data revision), with its own figure. */
async function editionWithMentions(hub: TestHub, value: number) {
  const make = factories(hub.database);
  const society = await make.society({ slug: "esr" });
  const edition = await make.edition(2020);
  const activity = await make.activity({ societyId: society.id, editionId: edition.id });
  await make.metric({ activityId: activity.id, kind: "MENTIONS", value });
  for (const kind of ["VIEWS", "REACH", "IMPRESSIONS", "DOWNLOADS"] as const) await make.metric({ activityId: activity.id, kind, value: 5 });
}

let a: TestHub;
let b: TestHub;
beforeAll(async () => {
  a = await startTestHub();
  b = await startTestHub();
  await editionWithMentions(a, 111);
  await editionWithMentions(b, 222);
  // Two databases: twice the usual set-up, which a machine shared with other test runs can make slow.
}, 180_000);
afterAll(() => Promise.all([a?.close(), b?.close()]));

describe("two apps in one process", () => {
  it("each answers its own database's summary, also when the revisions are equal and the other has it cached", async () => {
    const first = await a.gql(SUMMARY);
    const second = await b.gql(SUMMARY);
    expect(first.data.summary.revision).toBe(second.data.summary.revision);
    const mentions = (r: any) => r.data.summary.totals.find((t: any) => t.kind === "MENTIONS").value;
    expect(mentions(first)).toBe(111);
    expect(mentions(second)).toBe(222);
    // And again, from the caches.
    expect(mentions(await a.gql(SUMMARY))).toBe(111);
    expect(mentions(await b.gql(SUMMARY))).toBe(222);
  });
});

describe("a bounded cache", () => {
  // A second app on hub `a`'s database (no new database), with a cache of 4 entries of which a request may add 2.
  let app: HubApp;
  const gql = async (query: string) => {
    const stats: SqlStats = { statements: 0, log: [] };
    const response = await app.apollo.executeOperation({ query }, { contextValue: app.context(stats) });
    const result = response.body.kind === "single" ? response.body.singleResult : {};
    return { data: (result as any).data, errors: (result as any).errors, sql: stats.log! };
  };
  const hub = { gql };
  beforeAll(async () => {
    app = await buildApp({
      database: a.database,
      config: { corsOrigins: "*", production: false, limits: { summaryCacheEntries: 4, summaryCachePerRequest: 2 } },
      logger: pino({ level: "silent" }),
    });
  });
  afterAll(() => app.stop());

  const rankings = (kinds: string[]) => `{ summary(year: 2020) { ${kinds.map((k, i) => `r${i}: bySociety(kind: ${k}) { value }`).join(" ")} } }`;

  it("keeps a summary cached while requests that each ask for many rankings come and go", async () => {
    const cold = await hub.gql(SUMMARY);
    expect(cold.sql.length).toBeGreaterThan(1);
    // Cached: no statement of its own (the app's shared reader reads the data revision, src/db/revision.ts).
    expect((await hub.gql(SUMMARY)).sql).toHaveLength(0);

    for (const kinds of [["MENTIONS", "VIEWS", "REACH", "IMPRESSIONS", "DOWNLOADS"], ["PARTICIPANTS", "LECTURES", "ENGAGEMENTS", "COUNTRIES", "LANGUAGES"]]) {
      const flood = await hub.gql(rankings(kinds));
      expect(flood.errors).toBeUndefined();
      expect(flood.data.summary.r0).toBeDefined();
      // Five rankings, each computed once within the request even beyond its share of the cache.
      expect(flood.sql.filter((s) => /rank|group by/i.test(s.sql)).length).toBeLessThanOrEqual(5);
    }
    expect((await hub.gql(SUMMARY)).sql).toHaveLength(0);
  });

  it("still answers a ranking the request could not cache, the same as a cached one", async () => {
    const again = await hub.gql(rankings(["MENTIONS", "VIEWS", "REACH", "IMPRESSIONS", "DOWNLOADS"]));
    expect(again.data.summary.r0).toEqual([{ value: 111 }]);
    expect(again.data.summary.r4).toEqual([{ value: 5 }]);
  });
});

describe("a summary whose figures are too many to list", () => {
  // Another app on hub `a`'s database, allowed 4 figures behind a listed summary; edition 2020 rests on 5.
  let small: HubApp;
  const ask = async (query: string) => {
    const response = await small.apollo.executeOperation({ query }, { contextValue: small.context() });
    const result = response.body.kind === "single" ? response.body.singleResult : {};
    return { status: response.http.status, data: (result as any).data, errors: (result as any).errors };
  };
  beforeAll(async () => {
    small = await buildApp({
      database: a.database,
      config: { corsOrigins: "*", production: false, limits: { summaryMaxFigures: 4 } },
      logger: pino({ level: "silent" }),
    });
  });
  afterAll(() => small.stop());

  it("is refused with QUERY_TOO_COMPLEX, the limit and the count, before its figures are loaded", async () => {
    for (const query of [
      `{ summary(year: 2020) { totals { kind value figures { value } } } }`,
      `{ summary(year: 2020) { bySociety(kind: MENTIONS) { value } } }`,
    ]) {
      const { status, data, errors } = await ask(query);
      expect(data.summary).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "summaryFigures", max: 4, actual: 5 });
      expect(errors[0].message).toContain("HUB_SUMMARY_MAX_FIGURES");
      expect(status).toBe(400);
    }
  });

  it("still answers its totals", async () => {
    const { errors, data } = await ask(SUMMARY);
    expect(errors).toBeUndefined();
    expect(data.summary.totals.find((t: any) => t.kind === "MENTIONS").value).toBe(111);
  });
});
