// The 2020 report from the seeded facts: the summary, `npm run report` (all three formats) and the CSV download agree
// with each other and with ESR's published figures.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { seedDatabase } from "../src/seeds/seed.js";
import { collectReport, inProcess } from "../src/summaries/report.collect.js";
import { activityCount, renderCsv, renderJson, renderMarkdown } from "../src/summaries/report.js";
import { ACTIVITY_KINDS } from "../src/db/enums.js";
import { runHubCli } from "./support/cli.js";
import { fillWithMigratedDatabase } from "./support/db.js";
import { onPostgres } from "./support/env.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

const STAFF: Viewer = { role: "STAFF", keyPrefix: "idor_staff001" };
let hub: TestHub;
let staffKey: string;
let partnerKey: string;

beforeAll(async () => {
  hub = await startTestHub();
  await seedDatabase(hub.database.db);
  const make = factories(hub.database);
  staffKey = (await make.apiKey("STAFF")).secret;
  const society = (await hub.gql(`{ society(slug: "dvta") { id } }`)).data.society;
  const societyId = Number(Buffer.from(society.id, "base64url").toString().split(":")[1]);
  partnerKey = (await make.apiKey("PARTNER", societyId)).secret;
});
afterAll(() => hub.close());

describe("the IDoR 2020 summary of the seeded facts", () => {
  it("agrees with ESR's published figures", async () => {
    const { data, errors } = await hub.gql(`{ summary(year: 2020) {
      totals { kind value precision campaignWide { value } societiesOwn { value } }
      bySociety(kind: IMPRESSIONS, channel: TWITTER) { society { acronym } value precision share } } }`);
    expect(errors).toBeUndefined();
    const t = (kind: string) => data.summary.totals.find((x: any) => x.kind === kind);
    expect(t("MENTIONS")).toMatchObject({ value: 2000, precision: "AT_LEAST" });
    expect(t("IMPRESSIONS")).toMatchObject({ value: 4_400_000, precision: "AT_LEAST", campaignWide: { value: 4_400_000 }, societiesOwn: { value: 105_000 } });
    expect(t("REGISTRATIONS")).toMatchObject({ value: 700, precision: "AT_LEAST" });
    expect(t("LECTURES")).toMatchObject({ value: 39, precision: "EXACT" });
    expect(t("REPORTS_RECEIVED")).toMatchObject({ value: 140, precision: "AT_LEAST" });
    expect(data.summary.bySociety[0]).toEqual({ society: { acronym: "ESR" }, value: 105_000, precision: "AT_LEAST", share: 1 });
  });

  it("compares the published society counts like with like: an estimate after a lower bound is neither a record nor a fall", async () => {
    const { data } = await hub.gql(`{ y2018: summary(year: 2018) { changes { kind current { value precision } previous { value precision } previousYear ratioPrecision record isRecord } records { kind } }
      y2019: summary(year: 2019) { changes { kind previous { value precision } ratio ratioPrecision record } } }`);
    // "more than 160" (2017) to "about 170" (2018): not a record for certain.
    expect(data.y2018.changes).toEqual([
      { kind: "PARTICIPATING_SOCIETIES", current: { value: 170, precision: "ESTIMATE" }, previous: { value: 160, precision: "AT_LEAST" }, previousYear: 2017, ratioPrecision: "ESTIMATE", record: "UNDETERMINED", isRecord: false },
    ]);
    expect(data.y2018.records).toEqual([]);
    // "about 170" (2018) to "more than 160" (2019): not a fall for certain either; the ratio says it is approximate.
    expect(data.y2019.changes.find((c: any) => c.kind === "PARTICIPATING_SOCIETIES")).toEqual({
      kind: "PARTICIPATING_SOCIETIES", previous: { value: 170, precision: "ESTIMATE" }, ratio: 160 / 170, ratioPrecision: "ESTIMATE", record: "UNDETERMINED",
    });
  });

  it("never compares a derived figure or disagreeing sources, and says why", async () => {
    const { data } = await hub.gql(`{ y2014: summary(year: 2014) { changes { kind previous { value } previousYear previousReason } }
      y2015: summary(year: 2015) { totals { kind value precision sourcesDisagree figures { role value precision source } }
        changes { kind previous { value } previousYear previousReason record } } }`);
    expect(data.y2014.changes).toEqual([{ kind: "PARTICIPATING_SOCIETIES", previous: null, previousYear: 2013, previousReason: "DERIVED" }]);
    expect(data.y2015.changes).toEqual([
      { kind: "COUNTRIES", previous: null, previousYear: 2013, previousReason: "SOURCES_DISAGREE", record: "UNDETERMINED" },
      { kind: "PARTICIPATING_SOCIETIES", previous: null, previousYear: 2014, previousReason: "DERIVED", record: "UNDETERMINED" },
    ]);
    // 65 against 68 countries: the larger is kept, the other stays visible, and neither is called exact.
    const countries = data.y2015.totals.find((t: any) => t.kind === "COUNTRIES");
    expect(countries).toMatchObject({ value: 68, precision: "ESTIMATE", sourcesDisagree: true });
    expect(countries.figures.map((f: any) => [f.role, f.value, f.precision, f.source.slice(0, 3)])).toEqual(
      expect.arrayContaining([["COUNTED", 68, "EXACT", "S12"], ["SET_ASIDE", 65, "EXACT", "S11"]]),
    );
  });
});

describe("counts in the report's prose", () => {
  it("say one and many in words that agree with the number, for every kind of activity", () => {
    expect(activityCount(1, "EXPERIENCE_REPORTS")).toBe("1 experience-report collection");
    expect(activityCount(2, "EXPERIENCE_REPORTS")).toBe("2 experience-report collections");
    expect(activityCount(1, "QUIZ")).toBe("1 quiz");
    expect(activityCount(3, "QUIZ")).toBe("3 quizzes");
    expect(activityCount(1, "PHOTO_SERIES")).toBe("1 photo series");
    expect(activityCount(1_200, "E_BOOK")).toBe("1,200 e-books");
    for (const kind of ACTIVITY_KINDS) {
      if (kind !== "PHOTO_SERIES") expect(activityCount(1, kind).slice(2)).not.toBe(activityCount(2, kind).slice(2));
      expect(activityCount(1, kind)).not.toContain("_");
    }
  });
});

describe("the report in its three forms and the CSV download", () => {
  it("prints the same numbers as the API", async () => {
    const report = (await collectReport(inProcess(hub.app.context(undefined, STAFF)), 2020, false))!;
    const md = renderMarkdown(report);
    expect(md).toContain("# International Day of Radiology 2020");
    expect(md).toContain("**more than 2,000** mentions");
    expect(md).toContain("**more than 4,400,000** impressions");
    expect(md).toContain("**39** lectures");
    expect(md).toContain("ESR more than 105,000 (100%)");
    expect(md).not.toContain("4,505,000");
    expect(md).toMatch(/\b1 experience-report collection\b/);
    expect(md).not.toMatch(/\b1 [a-z -]+s\b[,.)]/); // "1 experience reports" and the like
    const json = JSON.parse(renderJson(report));
    expect(json.summary.totals.find((t: any) => t.kind === "IMPRESSIONS").value).toBe(4_400_000);
    const csv = renderCsv(report).trim().split("\r\n");
    expect(csv[0]).toMatch(/^year,kind,channel,value,precision,/);
    expect(csv.find((l) => l.startsWith("2020,IMPRESSIONS,,"))).toMatch(/^2020,IMPRESSIONS,,4400000,AT_LEAST,4400000,AT_LEAST,105000,AT_LEAST,,,,,false,ALL,NO_EARLIER_FIGURE,,,UNDETERMINED,"S26 dvta.de /);
    expect(csv[0]).toMatch(/,source,as_of,window,note,set_aside,unsourced,sources_disagree$/);
    // every figure leads to its source: in the Markdown under each total, in the JSON with each total
    expect(md).toContain("- counted: more than 4,400,000 (ESR, International Day of Radiology 2020 breaks records); source: S26 dvta.de");
    expect(md).toContain("- contained in a counted figure: more than 105,000 on twitter (ESR, ESR's IDoR 2020 posts on social media); source: S26");
    expect(md).toContain("window: received up to the date of the report");
    for (const t of json.summary.totals) for (const f of t.figures) expect(f).toHaveProperty("source");
    expect(json.summary.totals.find((t: any) => t.kind === "MENTIONS").figures[0]).toMatchObject({ asOf: null, coverage: { everything: false } });
  });

  it("no longer shows a fall in mentions in 2020: 2017's tweets are another measure", async () => {
    const report = (await collectReport(inProcess(hub.app.context(undefined, STAFF)), 2020, false))!;
    const mentions = report.summary.changes.find((c) => c.kind === "MENTIONS")!;
    expect(mentions).toMatchObject({ previous: null, ratio: null, record: "UNDETERMINED" });
    expect(renderMarkdown(report)).not.toMatch(/\| mentions \|.*%/);
    expect(renderMarkdown(report)).toContain("**more than 2,000** mentions on twitter, facebook, instagram and youtube");

    const response = await fetch(`${await hub.url()}/reports/2020.csv`, { headers: { authorization: `Bearer ${staffKey}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await response.text()).toBe(renderCsv(report));
  });

  it("serves the Markdown and JSON forms too (the staff console's downloads), to staff only", async () => {
    const report = (await collectReport(inProcess(hub.app.context(undefined, STAFF)), 2020, false))!;
    const base = await hub.url();
    const md = await fetch(`${base}/reports/2020.md`, { headers: { authorization: `Bearer ${staffKey}` } });
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(md.headers.get("content-disposition")).toBe('attachment; filename="idor-2020.md"');
    expect(await md.text()).toBe(renderMarkdown(report));
    const json = await fetch(`${base}/reports/2020.json`, { headers: { authorization: `Bearer ${staffKey}` } });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await json.text()).toBe(renderJson(report));
    expect((await fetch(`${base}/reports/2020.md`, { headers: { authorization: `Bearer ${partnerKey}` } })).status).toBe(403);
    expect((await fetch(`${base}/reports/2020.pdf`, { headers: { authorization: `Bearer ${staffKey}` } })).status).toBe(404);
  });

  it("lets only staff download the CSV", async () => {
    const base = await hub.url();
    expect((await fetch(`${base}/reports/2020.csv`)).status).toBe(401);
    expect((await fetch(`${base}/reports/2020.csv`, { headers: { authorization: `Bearer ${partnerKey}` } })).status).toBe(403);
    expect((await fetch(`${base}/reports/2020.csv`, { headers: { authorization: "Bearer idor_nonsense" } })).status).toBe(401);
    expect((await fetch(`${base}/reports/1999.csv`, { headers: { authorization: `Bearer ${staffKey}` } })).status).toBe(404);
    expect((await fetch(`${base}/reports/latest.csv`, { headers: { authorization: `Bearer ${staffKey}` } })).status).toBe(404);
  });

  it("npm run report reads a hub over HTTP with a staff key from HUB_API_KEY or a file, and the configured database directly", async () => {
    const base = await hub.url();
    const report = (await collectReport(inProcess(hub.app.context(undefined, STAFF)), 2020, false))!;
    const viaUrl = await runHubCli(["report", "--year", "2020", "--format", "csv", "--url", base], { HUB_API_KEY: staffKey });
    expect(viaUrl.status, viaUrl.stderr).toBe(0);
    expect(viaUrl.stdout).toBe(renderCsv(report));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-report-"));
    try {
      const keyFile = path.join(dir, "staff-key");
      fs.writeFileSync(keyFile, `${staffKey}\n`, { mode: 0o600 });
      const viaFile = await runHubCli(["report", "--year", "2020", "--json", "--url", base, "--key-file", keyFile], {});
      expect(viaFile.status, viaFile.stderr).toBe(0);
      expect(viaFile.stdout).toBe(renderJson(report));

      const env = { ...process.env, HUB_DATA_DIR: dir, DATABASE_URL: "" };
      // The migrated database copied in where the PGlite run has it (the CLI's first creation of a database is
      // tests/seed-cli.test.ts's); the PostgreSQL run has no PGlite template, and the CLI creates it.
      if (!onPostgres) await fillWithMigratedDatabase(dir);
      const seeded = await runHubCli(["seed"], env);
      expect(seeded.status, seeded.stderr).toBe(0);
      const local = await runHubCli(["report", "--year", "2020", "--format", "md"], env);
      expect(local.status, local.stderr).toBe(0);
      // Same numbers as the API; only the data revision line differs between two databases.
      const strip = (text: string) => text.replace(/data revision \d+/, "data revision N");
      expect(strip(local.stdout)).toBe(strip(renderMarkdown(report)));
      const bad = await runHubCli(["report", "--year", "20x0"], env);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("--year must be a four-digit year");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000); // seeds an embedded database (and creates it on PostgreSQL runs): seconds on a quiet machine, minutes on an overloaded one
});
