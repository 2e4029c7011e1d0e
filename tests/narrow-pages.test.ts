// A page of activities whose nodes are asked only for column fields (and `metrics` with plain figure fields) reads
// only those columns, with the figures as a text array in the same statement (src/activities/activity.shape.ts). These tests
// ask each query twice — as written (the narrow path) and with one more field that forces the whole-row path — and
// expect the very same answers, for every kind of viewer, with hidden activities present.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { activityCoOrganisers } from "../src/db/schema.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let viewers: Array<[string, Viewer]>;

beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  const e2020 = await make.edition(2020);
  const e2021 = await make.edition(2021);
  await make.edition(2022); // no activities: empty pages
  const [a, b, c] = [await make.society({ slug: "narrow-a" }), await make.society({ slug: "narrow-b" }), await make.society({ slug: "narrow-c" })];
  const statuses = ["APPROVED", "SUBMITTED", "APPROVED", "REJECTED", "APPROVED", "WITHDRAWN", "APPROVED"] as const;
  for (const society of [a, b]) {
    for (let i = 0; i < statuses.length; i++) {
      const activity = await make.activity({
        societyId: society.id,
        editionId: i % 3 === 2 ? e2021.id : e2020.id,
        status: statuses[i]!,
        kind: i % 2 ? "WEBINAR" : "BOOK",
        description: i % 2 ? `About ${i}` : null,
        startsOn: i % 2 ? "2020-11-08" : null,
      });
      if (i === 3 || i === 4) continue; // some activities have no figures (one of them public)
      await make.metric({ activityId: activity.id, kind: "VIEWS", channel: "YOUTUBE", value: 5 + i });
      await make.metric({ activityId: activity.id, kind: "VIEWS", value: 100 + i, precision: "AT_LEAST" });
      await make.metric({ activityId: activity.id, kind: "MENTIONS", channel: "TWITTER", value: 3, asOf: "2020-11-09", note: "n" });
      await make.metric({ activityId: activity.id, kind: "MENTIONS", channel: null, value: 9_007_199_254_740_991 });
      // Texts that an array literal must quote or escape, the text "NULL" beside real nulls, a true boolean.
      await make.metric({
        activityId: activity.id,
        kind: "REACH",
        channel: "FACEBOOK",
        value: 0,
        derived: true,
        window: "NULL",
        note: i % 2 ? 'a,b {c} "d" \\ e\nf ' : "",
        source: i % 2 ? null : "NULL",
        overrideNote: i % 2 ? " " : "ü ∑",
        asOf: i % 2 ? null : "2020-01-31",
      });
      // Society b's SUBMITTED activity is co-organised by society a: a's partners see it.
      if (society === b && statuses[i] === "SUBMITTED") {
        await hub.database.db.insert(activityCoOrganisers).values({ activityId: activity.id, societyId: a.id });
      }
    }
  }
  viewers = [
    ["anonymous", { role: "PUBLIC" }],
    ["a partner of the society", { role: "PARTNER", societyId: a.id, keyPrefix: "narrow-a" }],
    ["a partner of another society", { role: "PARTNER", societyId: c.id, keyPrefix: "narrow-c" }],
    ["staff", { role: "STAFF", keyPrefix: "narrow-staff" }],
  ];
});
afterAll(() => hub.close());

/** `%ROW%` (in an activity's selection) and `%FIG%` (in a metrics selection) become fields that force the old paths. */
function variants(query: string) {
  return {
    narrow: query.replaceAll("%ROW%", "").replaceAll("%FIG%", ""),
    whole: query.replaceAll("%ROW%", "zzWholeRow: reviewNote").replaceAll("%FIG%", "zzFigureRows: id"),
  };
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith("zz")).map(([k, v]) => [k, strip(v)]));
  }
  return value;
}

async function expectSameAnswers(query: string, variables: Record<string, unknown> = {}, viewer: Viewer) {
  const { narrow, whole } = variants(query);
  const fast = await hub.gql(narrow, variables, viewer);
  const slow = await hub.gql(whole, variables, viewer);
  expect(fast.errors).toBeUndefined();
  expect(slow.errors).toBeUndefined();
  // As the client receives them: JSON (DateTime fields are serialised by their scalar).
  expect(JSON.parse(JSON.stringify(fast.data))).toEqual(strip(JSON.parse(JSON.stringify(slow.data))));
  return { fast, slow };
}

const DASHBOARD = `query($year: Int!) { societies(first: 20) { edges { node { slug acronym name
  activities(year: $year, first: 10) { edges { node { %ROW% title kind metrics { %FIG% kind channel value precision scope } } } } } } } }`;

const MANY_SHAPES = `query($year: Int) { societies(first: 5) { edges { node { slug
  books: activities(kind: BOOK, year: $year, first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { %ROW% t: title ...Figures } } }
  all: activities(first: 20) { totalCount edges { node { %ROW% __typename ... on Activity { kind status version }
    ... on Node { id } description url source startsOn endsOn freeAccessUntil createdAt updatedAt
    society { slug } edition { year } } } }
  none: activities(year: 2022, first: 5) { totalCount pageInfo { hasNextPage startCursor } edges { node { %ROW% title } } }
} } } }
fragment Figures on Activity { m: metrics { %FIG% k: kind channel value precision scope asOf note derived window overrideNote source } }`;

describe("a narrow page of activities", () => {
  it("answers the dashboard exactly as the whole-row path, for every viewer", async () => {
    for (const [, viewer] of viewers) {
      const { fast } = await expectSameAnswers(DASHBOARD, { year: 2020 }, viewer);
      expect(fast.data.societies.edges.some((e: any) => e.node.activities.edges.some((a: any) => a.node.metrics.length === 0))).toBe(true);
      expect(fast.data.societies.edges.some((e: any) => e.node.activities.edges.some((a: any) => a.node.metrics.some((m: any) => m.channel === null)))).toBe(true);
    }
  });

  it("answers aliases, fragments, filters, totalCount and empty pages exactly as the whole-row path", async () => {
    for (const [, viewer] of viewers) {
      await expectSameAnswers(MANY_SHAPES, { year: 2020 }, viewer);
      await expectSameAnswers(MANY_SHAPES, { year: null }, viewer);
    }
  });

  it("pages forward with after and backward with last and before exactly as the whole-row path", async () => {
    const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) { society(slug: "narrow-a") {
      activities(first: $first, after: $after, last: $last, before: $before) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { %ROW% title createdAt metrics { %FIG% kind channel value } } } } } }`;
    for (const [, viewer] of viewers) {
      const first = await expectSameAnswers(PAGE, { first: 2 }, viewer);
      const { endCursor } = first.fast.data.society.activities.pageInfo;
      const second = await expectSameAnswers(PAGE, { first: 2, after: endCursor }, viewer);
      const { startCursor } = second.fast.data.society.activities.pageInfo;
      const back = await expectSameAnswers(PAGE, { last: 2, before: startCursor }, viewer);
      expect(back.fast.data.society.activities.edges).toEqual(first.fast.data.society.activities.edges);
      await expectSameAnswers(PAGE, { last: 3 }, viewer);
    }
  });

  it("answers an edition's pages exactly as the whole-row path", async () => {
    const EDITION = `{ edition(year: 2020) { activities(kind: WEBINAR, first: 3) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { %ROW% title society { slug } metrics { %FIG% kind value } } } } } }`;
    for (const [, viewer] of viewers) await expectSameAnswers(EDITION, {}, viewer);
  });

  it("reads the figures inside the page's statement, and only the columns asked", async () => {
    const { fast, slow } = await expectSameAnswers(DASHBOARD, { year: 2020 }, { role: "PUBLIC" });
    const page = fast.sql.find((s: { sql: string }) => /cross join lateral/i.test(s.sql))!.sql;
    expect(page).toMatch(/array\(select array\[/);
    expect(page).not.toMatch(/"description"|"event_time_zone"/);
    expect(fast.sql.filter((s: { sql: string }) => /from "metrics"/i.test(s.sql))).toHaveLength(1); // the page's own
    expect(fast.sql).toHaveLength(2);
    expect(slow.sql.find((s: { sql: string }) => /cross join lateral/i.test(s.sql))!.sql).not.toMatch(/array\(select array\[/);
  });

  it("answers from a statement built before for other parents, other pages of societies and other viewers", async () => {
    // The pages' statements are built once per viewer and arguments (src/db/statements.ts): the parents of a batch and
    // the societies' cursor must still be this request's.
    const PAGED = `query($first: Int!, $after: String) { societies(first: $first, after: $after) { pageInfo { endCursor } edges { node { slug
      activities(year: 2020, first: 2) { edges { node { %ROW% title kind metrics { %FIG% kind channel value precision scope } } } } } } } }`;
    for (const [, viewer] of viewers) {
      const one = await expectSameAnswers(PAGED, { first: 1 }, viewer);
      const three = await expectSameAnswers(PAGED, { first: 3 }, viewer);
      expect(three.fast.data.societies.edges[0]).toEqual(one.fast.data.societies.edges[0]);
      const next = await expectSameAnswers(PAGED, { first: 1, after: one.fast.data.societies.pageInfo.endCursor }, viewer);
      expect(next.fast.data.societies.edges[0]).toEqual(three.fast.data.societies.edges[1]);
    }
  });

  it("keeps the whole-row path when a node asks for a field that needs more than its columns", async () => {
    const { fast } = await expectSameAnswers(
      `{ societies(first: 3) { edges { node { activities(first: 5) { edges { node { %ROW% title event { timeZone } } } } } } } }`,
      {},
      { role: "STAFF", keyPrefix: "x" },
    );
    expect(fast.sql.find((s: { sql: string }) => /cross join lateral/i.test(s.sql))!.sql).toMatch(/"child"\.\*|child\.\*/);
  });
});
