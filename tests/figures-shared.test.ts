// Issue 9, the rest of "one figure, reported by several": a co-organised activity (one activity, several societies),
// staff marking two activities as the same event, the staff preview honouring those marks on pending figures, and
// figures whose kind and coverage do not say one measure. All through GraphQL, against the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectReport, inProcess } from "../src/summaries/report.collect.js";
import { renderCsv, renderMarkdown } from "../src/summaries/report.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;
const STAFF = { role: "STAFF" as const, keyPrefix: "idor_staff001" };
type Partner = { role: "PARTNER"; societyId: number; keyPrefix: string };
const partnerOf = (societyId: number): Partner => ({ role: "PARTNER", societyId, keyPrefix: `idor_p${societyId}` });
const activityGid = (id: number) => Buffer.from(`Activity:${id}`).toString("base64url");

let edition: (year: number) => Promise<number>;
let society: (slug: string, countryCode: string) => Promise<number>;

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
  const editions = new Map<number, number>();
  edition = async (year) => {
    if (!editions.has(year)) editions.set(year, (await make.edition(year)).id);
    return editions.get(year)!;
  };
  society = async (slug, countryCode) => (await make.society({ slug, countryCode, acronym: slug.toUpperCase() })).id;
});
afterAll(() => hub.close());

const SUBMIT = `mutation($input: SubmitActivityInput!) { submitActivity(input: $input) {
  activity { id version status coOrganisers { slug } } userErrors { field code message } } }`;
const REVIEW = `mutation($input: ReviewActivityInput!) { reviewActivity(input: $input) { activity { version status } userErrors { code message } } }`;
const SUMMARY = `query($year: Int!, $pending: Boolean! = false) { summary(year: $year, includePending: $pending) {
  participatingSocieties countries
  totals { kind value precision figures { role value coReported activity { title } } }
  bySociety(kind: REGISTRATIONS) { society { slug } value coReported figures { value } }
  byCountry(kind: REGISTRATIONS) { countryCode societies value coReported } } }`;

async function summary(year: number, pending = false) {
  const { data, errors } = await hub.gql(SUMMARY, { year, pending }, pending ? STAFF : undefined);
  expect(errors).toBeUndefined();
  return data.summary;
}
const total = (s: any, kind: string) => s.totals.find((t: any) => t.kind === kind);

describe("a webinar co-hosted by two societies, recorded as one activity", () => {
  let de: Partner;
  let fr: Partner;
  let other: Partner;
  let id: string;

  beforeAll(async () => {
    await edition(2050);
    de = partnerOf(await society("co-de", "DE"));
    fr = partnerOf(await society("co-fr", "FR"));
    other = partnerOf(await society("co-it", "IT"));
    const { data } = await hub.gql(SUBMIT, { input: {
      idempotencyKey: "joint-webinar", year: 2050, kind: "WEBINAR", title: "Joint webinar", coOrganisers: ["co-fr"],
      metrics: [{ kind: "REGISTRATIONS", value: 350, source: "registration list" }] } }, de);
    expect(data.submitActivity.userErrors).toEqual([]);
    expect(data.submitActivity.activity.coOrganisers).toEqual([{ slug: "co-fr" }]);
    id = data.submitActivity.activity.id;
  });

  it("shows the pending activity to the co-organiser, and not to a third society", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Activity { title status society { slug } coOrganisers { slug } } } }`;
    expect((await hub.gql(query, { id }, fr)).data.node).toEqual({ title: "Joint webinar", status: "SUBMITTED", society: { slug: "co-de" }, coOrganisers: [{ slug: "co-fr" }] });
    expect((await hub.gql(query, { id }, other)).data.node).toBeNull();
  });

  it("lets the co-organiser record its figures but not change the activity itself", async () => {
    const record = await hub.gql(`mutation($input: RecordMetricsInput!) { recordMetrics(input: $input) { activity { version metrics { kind value } } userErrors { code } } }`,
      { input: { activityId: id, expectedVersion: 1, metrics: [{ kind: "VIEWS", channel: "YOUTUBE", value: 900, source: "YouTube" }] } }, fr);
    expect(record.data.recordMetrics.userErrors).toEqual([]);
    expect(record.data.recordMetrics.activity.version).toBe(2);
    const update = await hub.gql(`mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { title } userErrors { code } } }`,
      { input: { id, expectedVersion: 2, title: "Renamed" } }, fr);
    expect(update.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const third = await hub.gql(`mutation($input: RecordMetricsInput!) { recordMetrics(input: $input) { userErrors { code } } }`,
      { input: { activityId: id, expectedVersion: 2, metrics: [{ kind: "VIEWS", value: 1 }] } }, other);
    expect(third.data.recordMetrics.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND" })]);
  });

  it("counts its figures once, and credits each organiser in the rankings, saying so", async () => {
    const approved = await hub.gql(REVIEW, { input: { id, decision: "APPROVE", expectedVersion: 2 } }, STAFF);
    expect(approved.data.reviewActivity.userErrors).toEqual([]);
    const s = await summary(2050);
    expect(total(s, "REGISTRATIONS")).toMatchObject({ value: 350, precision: "EXACT", figures: [{ role: "COUNTED", value: 350, coReported: true, activity: { title: "Joint webinar" } }] });
    expect(s.participatingSocieties).toBe(2);
    expect(s.countries).toBe(2);
    expect(s.bySociety).toEqual([
      { society: { slug: "co-de" }, value: 350, coReported: true, figures: [{ value: 350 }] },
      { society: { slug: "co-fr" }, value: 350, coReported: true, figures: [{ value: 350 }] },
    ]);
    expect(s.byCountry).toEqual([
      { countryCode: "DE", societies: 1, value: 350, coReported: true },
      { countryCode: "FR", societies: 1, value: 350, coReported: true },
    ]);
  });

  it("names every organiser in the report, marks the shared ranking rows, and keeps the CSV total at 350", async () => {
    const report = (await collectReport(inProcess(hub.app.context(undefined, STAFF)), 2050, false))!;
    const md = renderMarkdown(report);
    expect(md).toMatch(/\*\*[\w ]+\*\*: CO-DE 350 \(100%\) \(shared\), CO-FR 350 \(100%\) \(shared\)/);
    expect(md).toContain("counted once in the total");
    expect(md).toMatch(/350 \(CO-DE with CO-FR, Joint webinar\); source: registration list/);
    expect(renderCsv(report).split("\r\n").find((l) => l.startsWith("2050,REGISTRATIONS,,"))).toMatch(/^2050,REGISTRATIONS,,350,EXACT,/);
  });

  it("lets only the lead change the co-organisers before approval, and only staff after", async () => {
    const SET = `mutation($input: SetCoOrganisersInput!) { setCoOrganisers(input: $input) { activity { version coOrganisers { slug } } userErrors { field code message } } }`;
    const version = (await hub.gql(`query($id: ID!) { node(id: $id) { ... on Activity { version } } }`, { id }, STAFF)).data.node.version;
    const byLead = await hub.gql(SET, { input: { activityId: id, expectedVersion: version, societies: ["co-fr", "co-it"] } }, de);
    expect(byLead.data.setCoOrganisers.userErrors).toEqual([{ field: ["input", "societies"], code: "INVALID_STATE", message: expect.stringContaining("ask ESR staff") }]);
    const byCoOrganiser = await hub.gql(SET, { input: { activityId: id, expectedVersion: version, societies: [] } }, fr);
    expect(byCoOrganiser.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const bad = await hub.gql(SET, { input: { activityId: id, expectedVersion: version, societies: ["co-de", "nobody", "co-fr", "co-fr"] } }, STAFF);
    expect(bad.data.setCoOrganisers.userErrors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.societies.0", "INVALID_STATE"],
      ["input.societies.1", "UNKNOWN_SOCIETY"],
      ["input.societies.3", "DUPLICATE"],
    ]);
    const byStaff = await hub.gql(SET, { input: { activityId: id, expectedVersion: version, societies: ["co-fr", "co-it"] } }, STAFF);
    expect(byStaff.data.setCoOrganisers).toEqual({ userErrors: [], activity: { version: version + 1, coOrganisers: [{ slug: "co-fr" }, { slug: "co-it" }] } });
    expect((await summary(2050)).bySociety.map((r: any) => r.society.slug)).toEqual(["co-de", "co-fr", "co-it"]);
    const audit = await hub.gql(`{ auditLog(first: 5) { edges { node { action before after } } } }`, {}, STAFF);
    expect(audit.data.auditLog.edges.map((e: any) => e.node)).toContainEqual(expect.objectContaining({ action: "activity.setCoOrganisers" }));
  });

  it("replays a retried submission with the same co-organisers, and refuses the key with other ones", async () => {
    const input = { idempotencyKey: "joint-retry", year: 2050, kind: "WEBINAR", title: "Retried", coOrganisers: ["co-fr"] };
    const SUBMIT_REPLAY = `mutation($input: SubmitActivityInput!) { submitActivity(input: $input) { replayed activity { id } userErrors { code } } }`;
    const first = await hub.gql(SUBMIT_REPLAY, { input }, de);
    const again = await hub.gql(SUBMIT_REPLAY, { input }, de);
    expect(again.data.submitActivity).toEqual({ replayed: true, activity: first.data.submitActivity.activity, userErrors: [] });
    const other = await hub.gql(SUBMIT_REPLAY, { input: { ...input, coOrganisers: ["co-it"] } }, de);
    expect(other.data.submitActivity.userErrors).toEqual([{ code: "IDEMPOTENCY_KEY_REUSED" }]);
    await hub.gql(`mutation($input: WithdrawActivityInput!) { withdrawActivity(input: $input) { userErrors { code } } }`, { input: { id: first.data.submitActivity.activity.id } }, de);
  });

  it("refuses the lead society itself, or an unknown one, as co-organiser at submission, and writes nothing", async () => {
    const { data } = await hub.gql(SUBMIT, { input: { idempotencyKey: "joint-bad", year: 2050, kind: "WEBINAR", title: "Bad", coOrganisers: ["co-de", "nobody"] } }, de);
    expect(data.submitActivity).toEqual({ activity: null, userErrors: [
      { field: ["input", "coOrganisers", "0"], code: "INVALID_STATE", message: expect.stringContaining("own society") },
      { field: ["input", "coOrganisers", "1"], code: "UNKNOWN_SOCIETY", message: expect.stringContaining("nobody") },
    ] });
    const list = await hub.gql(`{ activities(filter: { year: 2050 }) { edges { node { title } } } }`, {}, STAFF);
    expect(list.data.activities.edges.map((e: any) => e.node.title).sort()).toEqual(["Joint webinar", "Retried"]);
  });
});

describe("staff mark two societies' submissions of one event as the same activity", () => {
  const MARK = `mutation($input: MarkSameActivityInput!) { markSameActivity(input: $input) {
    activity { id sameAs { title } } userErrors { field code message } } }`;
  let first: number;
  let second: number;

  beforeAll(async () => {
    const editionId = await edition(2051);
    const a = await society("same-de", "DE");
    const b = await society("same-fr", "FR");
    first = (await make.activity({ societyId: a, editionId, title: "Webinar (DE)" })).id;
    second = (await make.activity({ societyId: b, editionId, title: "Webinar (FR)" })).id;
    await make.metric({ activityId: first, kind: "REGISTRATIONS", value: 350, source: "DE list" });
    await make.metric({ activityId: second, kind: "REGISTRATIONS", value: 340, source: "FR list" });
    await make.metric({ activityId: second, kind: "VIEWS", channel: "YOUTUBE", value: 500, source: "FR YouTube" });
    await make.metric({ activityId: first, kind: "VIEWS", channel: "FACEBOOK", value: 200, source: "DE Facebook" });
  });

  it("counts their figures once, keeps what only one reported, credits both, and is reversible and audited", async () => {
    expect(total(await summary(2051), "REGISTRATIONS").value).toBe(690);
    const marked = await hub.gql(MARK, { input: { activityId: activityGid(second), sameAsActivityId: activityGid(first) } }, STAFF);
    expect(marked.data.markSameActivity).toEqual({ userErrors: [], activity: { id: activityGid(second), sameAs: { title: "Webinar (DE)" } } });

    const s = await summary(2051);
    const registrations = total(s, "REGISTRATIONS");
    expect(registrations.value).toBe(350);
    expect(registrations.figures.map((f: any) => [f.value, f.role, f.coReported])).toEqual([[350, "COUNTED", true], [340, "SET_ASIDE", true]]);
    expect(total(s, "VIEWS").value).toBe(700); // YouTube and Facebook views of the one event still add up
    expect(s.bySociety.map((r: any) => [r.society.slug, r.value, r.coReported])).toEqual([["same-de", 350, true], ["same-fr", 340, true]]);

    const cleared = await hub.gql(MARK, { input: { activityId: activityGid(second), sameAsActivityId: null } }, STAFF);
    expect(cleared.data.markSameActivity).toEqual({ userErrors: [], activity: { id: activityGid(second), sameAs: null } });
    expect(total(await summary(2051), "REGISTRATIONS").value).toBe(690);
    const audit = await hub.gql(`{ auditLog(first: 5) { edges { node { action after } } } }`, {}, STAFF);
    expect(audit.data.auditLog.edges.map((e: any) => e.node).filter((n: any) => n.action === "activity.markSame")).toEqual([
      { action: "activity.markSame", after: { sameAsActivityId: null } },
      { action: "activity.markSame", after: { sameAsActivityId: first } },
    ]);
  });

  it("lets only staff mark, only within one edition, and never an activity as itself", async () => {
    const refused = await hub.gql(MARK, { input: { activityId: activityGid(second), sameAsActivityId: activityGid(first) } }, partnerOf(1));
    expect(refused.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const elsewhere = (await make.activity({ societyId: await society("same-x", "IT"), editionId: await edition(2052) })).id;
    const { data } = await hub.gql(MARK, { input: { activityId: activityGid(second), sameAsActivityId: activityGid(elsewhere) } }, STAFF);
    expect(data.markSameActivity.userErrors).toEqual([{ field: ["input", "sameAsActivityId"], code: "INVALID_STATE", message: expect.stringContaining("different editions") }]);
    const self = await hub.gql(MARK, { input: { activityId: activityGid(second), sameAsActivityId: activityGid(second) } }, STAFF);
    expect(self.data.markSameActivity.userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE" })]);
  });
});

describe("the staff preview honours same-as marks and co-organisation on pending figures", () => {
  let approved: number;
  let partner: Partner;

  beforeAll(async () => {
    const editionId = await edition(2053);
    const a = await society("prev-de", "DE");
    const b = await society("prev-fr", "FR");
    partner = partnerOf(a);
    approved = (await make.activity({ societyId: a, editionId, title: "Approved webinar" })).id;
    const submitted = (await make.activity({ societyId: b, editionId, title: "Pending webinar", status: "SUBMITTED" })).id;
    const original = (await make.metric({ activityId: approved, kind: "REGISTRATIONS", value: 300, source: "DE" })).id;
    const twin = (await make.metric({ activityId: submitted, kind: "REGISTRATIONS", value: 320, source: "FR" })).id;
    const gid = (id: number) => Buffer.from(`Metric:${id}`).toString("base64url");
    const { data } = await hub.gql(`mutation($input: MarkSameFigureInput!) { markSameFigure(input: $input) { userErrors { code } } }`,
      { input: { metricId: gid(twin), sameAsMetricId: gid(original) } }, STAFF);
    expect(data.markSameFigure.userErrors).toEqual([]);
  });

  it("counts a pending submission's figure marked the same as an approved one once", async () => {
    const preview = await summary(2053, true);
    // one webinar counted exactly as 300 and as 320: counted once, and the disagreement shows (never 620 EXACT)
    expect(total(preview, "REGISTRATIONS")).toMatchObject({ value: 320, precision: "ESTIMATE" });
    expect(total(await summary(2053), "REGISTRATIONS").value).toBe(300);
  });

  it("keeps a mark on the figure a pending change replaces", async () => {
    const { data } = await hub.gql(`mutation($input: RecordMetricsInput!) { recordMetrics(input: $input) { activity { status } userErrors { code } } }`,
      { input: { activityId: activityGid(approved), expectedVersion: 1, metrics: [{ kind: "REGISTRATIONS", value: 330, source: "DE, corrected" }] } }, partner);
    expect(data.recordMetrics.userErrors).toEqual([]);
    const preview = total(await summary(2053, true), "REGISTRATIONS");
    expect(preview.value).toBe(330); // the proposed 330 and the pending 320 are one figure: never 650
    expect(preview.figures.map((f: any) => [f.value, f.role, f.coReported])).toEqual([[330, "COUNTED", true], [320, "SET_ASIDE", true]]);
  });

  it("counts a pending co-organised activity once and credits both organisers", async () => {
    const de = partnerOf(await society("prev-co-de", "DE"));
    await society("prev-co-at", "AT");
    const { data } = await hub.gql(SUBMIT, { input: { idempotencyKey: "prev-joint", year: 2053, kind: "WEBINAR", title: "Pending joint", coOrganisers: ["prev-co-at"],
      metrics: [{ kind: "REGISTRATIONS", value: 100, source: "list" }] } }, de);
    expect(data.submitActivity.userErrors).toEqual([]);
    const preview = await summary(2053, true);
    expect(total(preview, "REGISTRATIONS").value).toBe(430);
    expect(preview.bySociety.filter((r: any) => r.society.slug.startsWith("prev-co")).map((r: any) => [r.society.slug, r.value, r.coReported])).toEqual([
      ["prev-co-at", 100, true],
      ["prev-co-de", 100, true],
    ]);
  });
});

describe("a figure whose kind and coverage do not say one measure", () => {
  const submit = (metrics: unknown[], key: string, viewer: Partner) =>
    hub.gql(SUBMIT, { input: { idempotencyKey: key, year: 2054, kind: "SOCIAL_MEDIA_CAMPAIGN", title: "Campaign", metrics } }, viewer);
  let partner: Partner;
  beforeAll(async () => {
    await edition(2054);
    partner = partnerOf(await society("measure-de", "DE"));
  });

  it("refuses countries on one channel, and mentions in print, with AMBIGUOUS_MEASURE, and writes nothing", async () => {
    const { data } = await submit([
      { kind: "COUNTRIES", channel: "TWITTER", value: 40 },
      { kind: "MENTIONS", channels: ["TWITTER", "PRINT"], value: 300 },
      { kind: "MENTIONS", channel: "TWITTER", value: 200 },
    ], "ambiguous", partner);
    expect(data.submitActivity).toEqual({ activity: null, userErrors: [
      { field: ["input", "metrics", "0", "channel"], code: "AMBIGUOUS_MEASURE", message: expect.stringContaining("COUNTRIES on TWITTER does not say what was counted") },
      { field: ["input", "metrics", "1", "channels"], code: "AMBIGUOUS_MEASURE", message: expect.stringContaining("PRINT has no posts") },
    ] });
    const list = await hub.gql(`{ activities(filter: { year: 2054 }) { edges { node { id } } } }`, {}, STAFF);
    expect(list.data.activities.edges).toEqual([]);
  });

  it("refuses it in recordMetrics too, and takes the same numbers over the coverage they are meant for", async () => {
    const ok = await submit([{ kind: "COUNTRIES", value: 40 }, { kind: "PARTICIPANTS", channel: "IN_PERSON", value: 300 }], "unambiguous", partner);
    expect(ok.data.submitActivity.userErrors).toEqual([]);
    const { data } = await hub.gql(`mutation($input: RecordMetricsInput!) { recordMetrics(input: $input) { userErrors { field code } } }`,
      { input: { activityId: ok.data.submitActivity.activity.id, expectedVersion: 1, metrics: [{ kind: "PAGE_LIKES", channel: "EMAIL", value: 5 }] } }, partner);
    expect(data.recordMetrics.userErrors).toEqual([{ field: ["input", "metrics", "0", "channel"], code: "AMBIGUOUS_MEASURE" }]);
  });

  it("stores a changed named set of channels when a figure is recorded again (not only its value)", async () => {
    const ok = await submit([{ kind: "MENTIONS", channels: ["TWITTER", "FACEBOOK"], value: 300 }], "named-set", partner);
    expect(ok.data.submitActivity.userErrors).toEqual([]);
    const { data } = await hub.gql(`mutation($input: RecordMetricsInput!) { recordMetrics(input: $input) {
      activity { metrics { value window coverage { channels } } } userErrors { code } } }`,
      { input: { activityId: ok.data.submitActivity.activity.id, expectedVersion: 1, metrics: [{ kind: "MENTIONS", channels: ["TWITTER", "FACEBOOK", "YOUTUBE"], value: 400, window: "IDoR week" }] } }, partner);
    expect(data.recordMetrics).toEqual({ userErrors: [], activity: { metrics: [{ value: 400, window: "IDoR week", coverage: { channels: ["TWITTER", "FACEBOOK", "YOUTUBE"] } }] } });
  });
});
