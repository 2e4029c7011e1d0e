// N+1 is proven absent: the number of SQL statements per operation does not grow with the data, and nested pages
// read at most first + 1 rows per parent in the database (a LATERAL subquery with LIMIT), not all children.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, metrics } from "../src/db/schema.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
const SOCIETIES = 60;
const ACTIVITIES_PER_SOCIETY = 30;

beforeAll(async () => {
  // These pages (up to 60 societies × 100 activities) cost far more than the default HUB_MAX_COST allows; this file
  // is about statements per operation, so it raises the limit (tests/limits.test.ts holds the default).
  hub = await startTestHub({ limits: { maxCost: 10_000_000 } });
  const make = factories(hub.database);
  const edition = await make.edition(2020);
  const societyIds: number[] = [];
  for (let i = 0; i < SOCIETIES; i++) {
    societyIds.push((await make.society({ slug: `s-${String(i).padStart(3, "0")}` })).id);
  }
  const rows = societyIds.flatMap((societyId) =>
    Array.from({ length: ACTIVITIES_PER_SOCIETY }, (_, j) => ({
      societyId,
      editionId: edition.id,
      idempotencyKey: `k-${j}`,
      kind: "WEBINAR" as const,
      title: `Activity ${j}`,
      status: (j % 5 === 4 ? "SUBMITTED" : "APPROVED") as "SUBMITTED" | "APPROVED",
    })),
  );
  const inserted = await hub.database.db.insert(activities).values(rows).returning({ id: activities.id });
  await hub.database.db.insert(metrics).values(
    inserted.flatMap(({ id }) => [
      { activityId: id, kind: "VIEWS" as const, channel: null, value: 10, precision: "EXACT" as const, scope: "OWN" as const },
      { activityId: id, kind: "VIEWS" as const, channel: "YOUTUBE" as const, value: 7, precision: "EXACT" as const, scope: "OWN" as const },
    ]),
  );
});
afterAll(() => hub.close());

const NESTED = `query($societies: Int, $activities: Int) {
  societies(first: $societies) {
    totalCount
    edges { node { slug activities(first: $activities) {
      totalCount
      pageInfo { hasNextPage }
      edges { node { title metrics { kind channel value } } }
    } } }
  }
}`;

describe("SQL statements per operation", () => {
  it("societies(first: 50) { activities(first: 20) { metrics } } runs four statements, one per page level plus counts", async () => {
    const { data, errors, sql } = await hub.gql(NESTED, { societies: 50, activities: 20 });
    expect(errors).toBeUndefined();
    expect(data.societies.edges).toHaveLength(50);
    for (const edge of data.societies.edges) {
      expect(edge.node.activities.edges).toHaveLength(20);
      expect(edge.node.activities.totalCount).toBe(24); // 30 minus the 6 the public may not see
      expect(edge.node.activities.pageInfo.hasNextPage).toBe(true);
      expect(edge.node.activities.edges[0].node.metrics).toHaveLength(2);
    }
    // societies page, societies count, activities pages (one LATERAL, their figures as text inside it), activities
    // counts (one GROUP BY).
    expect(sql).toHaveLength(4);
  });

  it("runs the same number of statements whatever the page sizes", async () => {
    const small = await hub.gql(NESTED, { societies: 3, activities: 2 });
    const large = await hub.gql(NESTED, { societies: 60, activities: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.sql.length).toBe(large.sql.length);
  });

  it("reads at most first + 1 activities per society in the database", async () => {
    const { sql } = await hub.gql(NESTED, { societies: 50, activities: 20 });
    const nested = sql.filter((s) => /cross join lateral/i.test(s.sql));
    expect(nested).toHaveLength(1);
    // The per-parent LIMIT lives inside the lateral subquery and is first + 1.
    expect(nested[0]!.sql).toMatch(/cross join lateral \(select .* limit \$\d+\)/i);
    expect(nested[0]!.params).toContain(21);
    const result = await hub.gql(NESTED, { societies: 50, activities: 20 });
    expect(result.data.societies.edges.every((e: any) => e.node.activities.edges.length <= 20)).toBe(true);
  });

  it("loads each activity's society, edition and metrics in one statement each", async () => {
    const { errors, sql } = await hub.gql(`{ activities(first: 100) { edges { node {
      society { slug } edition { year } metrics { value } } } } }`);
    expect(errors).toBeUndefined();
    expect(sql).toHaveLength(4);
  });

  it("counts only when totalCount is asked for", async () => {
    const { sql } = await hub.gql(`{ societies(first: 5) { edges { node { slug } } } }`);
    expect(sql).toHaveLength(1);
  });

  it("reads only the metric columns asked for, and the same figures as a query asking for more", async () => {
    const FIGURES = `{ activities(first: 30) { edges { node { metrics { kind channel value precision scope } } } } }`;
    const slim = await hub.gql(FIGURES);
    const full = await hub.gql(FIGURES.replace("metrics { kind", "metrics { id coverage { channels } kind"));
    expect(slim.errors).toBeUndefined();
    expect(full.errors).toBeUndefined();
    const metricsSql = (r: typeof slim) => r.sql.find((s) => /from "metrics"/i.test(s.sql))!.sql;
    expect(metricsSql(slim)).not.toMatch(/created_at|"id"/);
    expect(metricsSql(full)).toMatch(/created_at/);
    const strip = (r: typeof slim) =>
      r.data.activities.edges.map((e: any) => e.node.metrics.map(({ kind, channel, value, precision, scope }: any) => ({ kind, channel, value, precision, scope })));
    expect(strip(slim)).toEqual(strip(full));
    expect(strip(slim).flat()).toHaveLength(60);
    expect(slim.sql).toHaveLength(full.sql.length);
  });

  it("answers the bench's dashboard in two statements: the societies page, and the activity pages with their figures", async () => {
    const { data, errors, sql } = await hub.gql(
      `query($year: Int!) { societies(first: 20) { edges { node { slug acronym name
        activities(year: $year, first: 10) { edges { node { title kind metrics { kind channel value precision scope } } } } } } } }`,
      { year: 2020 },
    );
    expect(errors).toBeUndefined();
    expect(data.societies.edges[0].node.activities.edges[0].node.metrics).toHaveLength(2);
    expect(sql).toHaveLength(2);
    expect(sql[0]!.sql).toMatch(/from "societies"/);
    // The figures are not read by a statement of their own: only inside the pages' statement, as a text array.
    expect(sql[1]!.sql).toMatch(/array\(select array\[.*cross join lateral/s);
    expect(sql[1]!.sql).not.toMatch(/"description"|"updated_at"/);
  });

  it("reads the figures by their own statement when a query asks a figure for more than its columns", async () => {
    const { errors, sql } = await hub.gql(`{ societies(first: 20) { edges { node {
      activities(first: 10) { edges { node { title metrics { id kind value } } } } } } } }`);
    expect(errors).toBeUndefined();
    expect(sql).toHaveLength(3);
    expect(sql[2]!.sql).toMatch(/from "metrics"/);
    expect(sql[1]!.sql).not.toMatch(/array\(select array\[/);
  });
});
