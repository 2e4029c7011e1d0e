import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "../src/db/client.js";
import { seedDatabase } from "../src/seeds/seed.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await seedDatabase(hub.database.db);
});
afterAll(() => hub.close());

const figures2020 = `{ edition(year: 2020) { theme activities(first: 100) { edges { node {
  title kind status freeAccessUntil source society { slug }
  metrics { kind channel value precision scope source note } } } } } }`;

function metric(data: any, kind: string, channel: string | null = null) {
  for (const { node } of data.edition.activities.edges) {
    const found = node.metrics.find((m: any) => m.kind === kind && m.channel === channel);
    if (found) return { ...found, activity: node };
  }
  throw new Error(`no ${kind}/${channel} metric`);
}

describe("the seeded facts", () => {
  it("has the editions 2012 to 2025, newest first, themes where known", async () => {
    const { data } = await hub.gql(`{ editions { year date theme } }`);
    expect(data.editions.map((e: any) => e.year)).toEqual([2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014, 2013, 2012]);
    expect(data.editions.find((e: any) => e.year === 2020)).toEqual({
      year: 2020,
      date: "2020-11-08",
      theme: "All imaging professionals and their role in fighting COVID-19",
    });
    expect(data.editions.find((e: any) => e.year === 2022).theme).toBeNull();
    expect(data.editions.find((e: any) => e.year === 2012).theme).toBe("Oncologic imaging");
  });

  it("has the founding partners and national societies of the facts", async () => {
    const { data } = await hub.gql(`{ societies(first: 100) { totalCount edges { node { slug acronym kind profession countryCode foundedYear } } } }`);
    const bySlug = Object.fromEntries(data.societies.edges.map((e: any) => [e.node.slug, e.node]));
    expect(data.societies.totalCount).toBe(18);
    expect(bySlug.esr).toMatchObject({ acronym: "ESR", kind: "FOUNDING_PARTNER", countryCode: "AT", foundedYear: 2005 });
    expect(bySlug.isrrt).toMatchObject({ kind: "INTERNATIONAL", profession: "RADIOGRAPHY", countryCode: null, foundedYear: 1962 });
    expect(bySlug.jrs.foundedYear).toBeNull();
  });

  it("shows the IDoR 2020 report's figures with their precision and scope", async () => {
    const { data, errors } = await hub.gql(figures2020);
    expect(errors).toBeUndefined();
    expect(metric(data, "MENTIONS")).toMatchObject({ value: 2000, precision: "AT_LEAST", scope: "CAMPAIGN", activity: { kind: "CAMPAIGN_REPORT", society: { slug: "esr" } } });
    expect(metric(data, "IMPRESSIONS")).toMatchObject({ value: 4_400_000, precision: "AT_LEAST", scope: "CAMPAIGN" });
    expect(metric(data, "IMPRESSIONS", "TWITTER")).toMatchObject({ value: 105_000, precision: "AT_LEAST", scope: "OWN", activity: { society: { slug: "esr" } } });
    expect(metric(data, "REGISTRATIONS", "ONLINE_PLATFORM")).toMatchObject({ value: 700, precision: "AT_LEAST", scope: "OWN" });
    expect(metric(data, "LECTURES", "ONLINE_PLATFORM")).toMatchObject({ value: 39, precision: "EXACT", activity: { freeAccessUntil: "2020-11-20", kind: "LECTURE_PACKAGE" } });
    expect(metric(data, "REPORTS_RECEIVED")).toMatchObject({ value: 140, precision: "AT_LEAST", scope: "OWN" });
    expect(() => metric(data, "PARTICIPANTS")).toThrow(); // "tens of thousands": no figure is known
  });

  it("gives every seeded activity and figure a source, and approves every seeded activity", async () => {
    const { data } = await hub.gql(`{ activities(first: 100) { totalCount edges { node { status source metrics { source } } } } }`);
    expect(data.activities.totalCount).toBeGreaterThan(20);
    for (const { node } of data.activities.edges) {
      expect(node.status).toBe("APPROVED");
      expect(node.source).toBeTruthy();
      for (const m of node.metrics) expect(m.source).toBeTruthy();
    }
  });

  it("keeps two disagreeing published counts as two campaign reports with their own sources", async () => {
    const { data } = await hub.gql(`{ edition(year: 2013) { activities(kind: CAMPAIGN_REPORT) { edges { node {
      source society { slug } metrics { kind value precision } } } } } }`);
    const reports = data.edition.activities.edges.map((e: any) => e.node);
    expect(reports.map((r: any) => r.society.slug).sort()).toEqual(["acr", "esr"]);
    const societiesFigure = (slug: string) =>
      reports.find((r: any) => r.society.slug === slug).metrics.find((m: any) => m.kind === "PARTICIPATING_SOCIETIES");
    expect(societiesFigure("esr")).toEqual({ kind: "PARTICIPATING_SOCIETIES", value: 110, precision: "EXACT" });
    expect(societiesFigure("acr")).toEqual({ kind: "PARTICIPATING_SOCIETIES", value: 100, precision: "AT_LEAST" });
    expect(new Set(reports.map((r: any) => r.source)).size).toBe(2);
  });

  it("changes nothing when it runs again", async () => {
    const snapshot = async () =>
      rowsOf(
        await hub.database.db.execute(sql`select
          (select count(*)::int from societies) as societies, (select count(*)::int from editions) as editions,
          (select count(*)::int from activities) as activities, (select count(*)::int from metrics) as metrics,
          (select max(updated_at)::text from activities) as activities_updated,
          (select max(updated_at)::text from metrics) as metrics_updated`),
      );
    const before = await snapshot();
    const result = await seedDatabase(hub.database.db);
    expect(result).toEqual({ societies: 0, editions: 0, activities: 0, metrics: 0 });
    expect(await snapshot()).toEqual(before);
  });
});
