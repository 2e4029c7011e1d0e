// The 2020 report from the seeded facts: the summary, `npm run report` (all three formats) and the CSV download agree
// with each other and with ESR's published figures.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { seedDatabase } from "../src/seeds/seed.js";
import { collectReport, inProcess } from "../src/summaries/report.collect.js";
import { renderCsv, renderJson, renderMarkdown } from "../src/summaries/report.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

/** Runs a CLI without blocking this process, which serves the hub the CLI may talk to. */
function run(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ["--import", "tsx", ...args], { ...options, encoding: "utf8" }, (err, stdout, stderr) => {
      resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

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

  it("gives the published society counts of 2012 to 2018 as real year-over-year changes", async () => {
    const { data } = await hub.gql(`{ summary(year: 2018) { changes { kind current { value precision } previous { value precision } previousYear isRecord } } }`);
    expect(data.summary.changes).toEqual([
      { kind: "PARTICIPATING_SOCIETIES", current: { value: 170, precision: "ESTIMATE" }, previous: { value: 160, precision: "AT_LEAST" }, previousYear: 2017, isRecord: true },
    ]);
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
    const json = JSON.parse(renderJson(report));
    expect(json.summary.totals.find((t: any) => t.kind === "IMPRESSIONS").value).toBe(4_400_000);
    const csv = renderCsv(report).trim().split("\r\n");
    expect(csv[0]).toMatch(/^year,kind,channel,value,precision,/);
    expect(csv).toContain("2020,IMPRESSIONS,,4400000,AT_LEAST,4400000,AT_LEAST,105000,AT_LEAST,,,,,false");

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

  it("npm run report reads a hub over HTTP with a staff key, and the configured database directly", async () => {
    const base = await hub.url();
    const cwd = path.resolve(import.meta.dirname, "..");
    const viaUrl = await run(["src/cli/report.ts", "--year", "2020", "--format", "csv", "--url", base, "--key", staffKey], { cwd });
    expect(viaUrl.status, viaUrl.stderr).toBe(0);
    const report = (await collectReport(inProcess(hub.app.context(undefined, STAFF)), 2020, false))!;
    expect(viaUrl.stdout).toBe(renderCsv(report));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-report-"));
    try {
      const env = { ...process.env, HUB_DATA_DIR: dir, DATABASE_URL: "" };
      const seeded = await run(["src/cli/seed.ts"], { cwd, env });
      expect(seeded.status, seeded.stderr).toBe(0);
      const local = await run(["src/cli/report.ts", "--year", "2020", "--format", "md"], { cwd, env });
      expect(local.status, local.stderr).toBe(0);
      // Same numbers as the API; only the data revision line differs between two databases.
      const strip = (text: string) => text.replace(/data revision \d+/, "data revision N");
      expect(strip(local.stdout)).toBe(strip(renderMarkdown(report)));
      const bad = await run(["src/cli/report.ts", "--year", "20x0"], { cwd, env });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("--year must be a four-digit year");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
