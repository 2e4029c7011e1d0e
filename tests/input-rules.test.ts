// The inputs' own rules (the zod schemas in src/*/…schema.ts) as a client sees them: each refusal names the field, its
// code and a message that says the limit, and the limits in the messages are the ones the schema's descriptions give
// (both read src/shared/limits.ts). Through GraphQL, on one hub.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { LIMITS, shown } from "../src/shared/limits.js";
import { factories } from "./support/factories.js";
import { mutation } from "./support/documents.js";
import { startTestHub, type TestHub } from "./support/hub.js";
import { snapshot } from "./support/snapshot.js";

let hub: TestHub;
let partner: Viewer;
let activityId: string;
const STAFF: Viewer = { role: "STAFF", keyPrefix: "idor_staff001" };

beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  const society = await make.society({ slug: "sfr", acronym: "SFR" });
  const edition = await make.edition(2025);
  partner = { role: "PARTNER", societyId: society.id, keyPrefix: "idor_sfr00001" };
  const activity = await make.activity({ societyId: society.id, editionId: edition.id, title: "Open day", status: "SUBMITTED" });
  activityId = Buffer.from(`Activity:${activity.id}`).toString("base64url");
});
afterAll(() => hub.close());

let n = 0;
const submission = (overrides: Record<string, unknown> = {}) => ({ idempotencyKey: `rule-${++n}`, year: 2025, kind: "WEBINAR", title: "A title", ...overrides });

/** Sends a mutation that must be refused, checks that nothing was written, and returns its userErrors. */
async function refused(name: Parameters<typeof mutation>[0], input: Record<string, unknown>, viewer: Viewer = partner) {
  const before = await snapshot(hub.database);
  const { data, errors } = await hub.gql(mutation(name, "__typename"), { input }, viewer);
  expect(errors).toBeUndefined();
  expect(await snapshot(hub.database)).toEqual(before);
  return data[name].userErrors;
}

describe("messages that say the limit", () => {
  it("refuses a title one character over the limit, saying the limit and the length", async () => {
    const max = LIMITS.activity.title;
    expect(await refused("submitActivity", submission({ title: "x".repeat(max + 1) }))).toEqual([
      { field: ["input", "title"], code: "TOO_LONG", message: `title must be at most ${shown(max)} characters; it has ${shown(max + 1)}.` },
    ]);
  });

  it("measures a text once trimmed, as it is stored", async () => {
    const { data } = await hub.gql(mutation("submitActivity", "activity { title }"), { input: submission({ title: `  ${"x".repeat(LIMITS.activity.title)}  ` }) }, partner);
    expect(data.submitActivity).toEqual({ activity: { title: "x".repeat(LIMITS.activity.title) }, userErrors: [] });
  });

  it("refuses too many figures, and a figure's window and note over their limits, in one answer", async () => {
    const many = Array.from({ length: LIMITS.activity.metrics + 1 }, (_, i) => ({ kind: "VIEWS", value: i }));
    expect(await refused("submitActivity", submission({ metrics: many }))).toEqual([
      { field: ["input", "metrics"], code: "TOO_MANY", message: `At most ${LIMITS.activity.metrics} metrics per activity; got ${LIMITS.activity.metrics + 1}.` },
    ]);
    const long = { kind: "VIEWS", value: 1, window: "w".repeat(LIMITS.activity.window + 1), note: "n".repeat(LIMITS.activity.note + 1) };
    expect(await refused("submitActivity", submission({ metrics: [long] }))).toEqual([
      { field: ["input", "metrics", "0", "window"], code: "TOO_LONG", message: `window must be at most ${shown(LIMITS.activity.window)} characters; it has ${shown(LIMITS.activity.window + 1)}.` },
      { field: ["input", "metrics", "0", "note"], code: "TOO_LONG", message: `note must be at most ${shown(LIMITS.activity.note)} characters; it has ${shown(LIMITS.activity.note + 1)}.` },
    ]);
  });

  it("refuses a review note over the limit before looking at the activity", async () => {
    const note = "n".repeat(LIMITS.activity.reviewNote + 1);
    expect(await refused("reviewActivity", { id: activityId, decision: "REJECT", note }, STAFF)).toEqual([
      { field: ["input", "note"], code: "TOO_LONG", message: `note must be at most ${shown(LIMITS.activity.reviewNote)} characters; it has ${shown(LIMITS.activity.reviewNote + 1)}.` },
    ]);
  });

  it("refuses removing more figures than one call may name", async () => {
    const many = Array.from({ length: LIMITS.activity.metrics + 1 }, () => ({ kind: "VIEWS" }));
    const errors = await refused("removeMetrics", { activityId, expectedVersion: 1, metrics: many });
    expect(errors).toContainEqual({ field: ["input", "metrics"], code: "TOO_MANY", message: `At most ${shown(LIMITS.activity.metrics)} figures per call; got ${LIMITS.activity.metrics + 1}.` });
  });

  it("names every problem of a society at once, with the limits", async () => {
    const errors = await refused(
      "createSociety",
      { slug: "ok-slug", acronym: "A".repeat(LIMITS.society.acronym + 1), name: " ", kind: "NATIONAL", profession: "RADIOLOGY", website: `https://x.org/${"p".repeat(LIMITS.society.website)}`, foundedYear: 1700, countryCode: "QQ" },
      STAFF,
    );
    expect(errors.map((e: { field: string[]; code: string }) => [e.field.join("."), e.code])).toEqual([
      ["input.acronym", "TOO_LONG"],
      ["input.name", "REQUIRED"],
      ["input.countryCode", "INVALID_FORMAT"],
      ["input.website", "INVALID_URL"],
      ["input.foundedYear", "OUT_OF_RANGE"],
    ]);
    expect(errors.map((e: { message: string }) => e.message)).toEqual([
      `acronym must be at most ${LIMITS.society.acronym} characters; it has ${LIMITS.society.acronym + 1}.`,
      "name must not be empty.",
      'countryCode must be an ISO 3166-1 alpha-2 code such as DE; got "QQ".',
      expect.stringContaining(`website must be an absolute http:// or https:// URL of at most ${shown(LIMITS.society.website)} characters`),
      `foundedYear must be from ${LIMITS.society.foundedFrom} to ${new Date().getUTCFullYear()}.`,
    ]);
  });

  it("refuses an edition year outside the range and a theme over its limit", async () => {
    expect(await refused("createEdition", { year: LIMITS.edition.firstYear - 1, theme: "t".repeat(LIMITS.edition.theme + 1) }, STAFF)).toEqual([
      { field: ["input", "year"], code: "OUT_OF_RANGE", message: `year must be from ${LIMITS.edition.firstYear} (the first IDoR) to ${LIMITS.edition.lastYear}.` },
      { field: ["input", "theme"], code: "TOO_LONG", message: `theme must be at most ${shown(LIMITS.edition.theme)} characters; it has ${shown(LIMITS.edition.theme + 1)}.` },
    ]);
  });

  it("refuses an API key without a label, and a partner key without its society, in one answer", async () => {
    expect(await refused("issueApiKey", { role: "PARTNER", label: "   " }, STAFF)).toEqual([
      { field: ["input", "label"], code: "REQUIRED", message: 'label must say whom the key is for, e.g. "DVTA web team".' },
      { field: ["input", "societySlug"], code: "REQUIRED", message: "A partner key belongs to one society: give societySlug." },
    ]);
  });
});

describe("one limit for the check and the description", () => {
  it("describes each limited input field with the limit its check enforces", async () => {
    const { data } = await hub.gql(`{ __type(name: "SubmitActivityInput") { inputFields { name description } } }`);
    const described = Object.fromEntries(data.__type.inputFields.map((f: { name: string; description: string }) => [f.name, f.description]));
    expect(described.title).toContain(`1 to ${shown(LIMITS.activity.title)} characters`);
    expect(described.description).toContain(`at most ${shown(LIMITS.activity.description)} characters`);
    expect(described.idempotencyKey).toContain(`1 to ${LIMITS.activity.idempotencyKey} characters`);
    expect(described.metrics).toContain(`at most ${LIMITS.activity.metrics}`);
  });
});
