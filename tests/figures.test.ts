// Issue 9, as a new user would try it through the public API: totals a careful reader cannot prove wrong, comparisons
// of like with like only, and a path from every total to the figures and sources behind it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../src/db/enums.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;
let society: (slug: string, countryCode?: string) => Promise<number>;
let activity: (societyId: number, year: number) => Promise<number>;

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
  const editions = new Map<number, number>();
  for (const year of [2040, 2041, 2042, 2043, 2044, 2045]) editions.set(year, (await make.edition(year)).id);
  society = async (slug, countryCode = "DE") => (await make.society({ slug, countryCode })).id;
  activity = async (societyId, year) => (await make.activity({ societyId, editionId: editions.get(year)!, kind: "SOCIAL_MEDIA_CAMPAIGN" })).id;
});
afterAll(() => hub.close());

const TOTAL = `query($year: Int!) { summary(year: $year) {
  totals { kind value precision coverage { everything channels } unsourced sourcesDisagree
    figures { role value precision scope source coverage { everything channels } activity { title } metric { id } } } } }`;

async function totalOf(year: number, kind: string) {
  const { data, errors } = await hub.gql(TOTAL, { year });
  expect(errors).toBeUndefined();
  return data.summary.totals.find((t: any) => t.kind === kind);
}

describe("precision that follows from the figures", () => {
  it("calls campaign-wide \"more than 2,000\" beside own mentions adding up to exactly 2,500 \"at least 2,500\"", async () => {
    const esr = await society("p-esr");
    const [a, b, c] = [await society("p-a"), await society("p-b"), await society("p-c")];
    await make.metric({ activityId: await activity(esr, 2040), kind: "MENTIONS", value: 2000, precision: "AT_LEAST", scope: "CAMPAIGN", source: "ESR report" });
    for (const [id, value] of [[a, 1000], [b, 1000], [c, 500]] as const) {
      await make.metric({ activityId: await activity(id, 2040), kind: "MENTIONS", value, source: "own count" });
    }
    const total = await totalOf(2040, "MENTIONS");
    expect(total).toMatchObject({ value: 2500, precision: "AT_LEAST", unsourced: false });
    expect(total.figures.filter((f: any) => f.role === "SET_ASIDE").map((f: any) => f.value)).toEqual([2000]);
  });
});

describe("disjoint channels add up, and the breakdown by channel agrees with the total", () => {
  beforeAll(async () => {
    const esr = await society("d-esr");
    const own = await society("d-own");
    const report = await activity(esr, 2041);
    await make.metric({ activityId: report, kind: "VIEWS", channel: "YOUTUBE", value: 1000, scope: "CAMPAIGN" });
    await make.metric({ activityId: report, kind: "VIEWS", channel: "INSTAGRAM", value: 3000, scope: "CAMPAIGN" });
    await make.metric({ activityId: report, kind: "ENGAGEMENTS", channel: "TWITTER", value: 5000, scope: "CAMPAIGN" });
    await make.metric({ activityId: await activity(own, 2041), kind: "ENGAGEMENTS", channel: "FACEBOOK", value: 4000 });
  });

  it("adds campaign-wide views on YouTube (1,000) and Instagram (3,000): 4,000 exactly", async () => {
    const { data } = await hub.gql(`{ summary(year: 2041) { totals { kind value precision coverage { everything channels } }
      byChannel(kind: VIEWS) { channel value precision } } }`);
    expect(data.summary.totals.find((t: any) => t.kind === "VIEWS")).toEqual({
      kind: "VIEWS", value: 4000, precision: "EXACT", coverage: { everything: false, channels: ["INSTAGRAM", "YOUTUBE"] },
    });
    expect(data.summary.byChannel).toEqual([
      { channel: "INSTAGRAM", value: 3000, precision: "EXACT" },
      { channel: "YOUTUBE", value: 1000, precision: "EXACT" },
    ]);
  });

  it("adds campaign-wide engagements on Twitter (5,000) and own ones on Facebook (4,000): 9,000 exactly", async () => {
    const { data } = await hub.gql(`{ summary(year: 2041) { totals { kind value precision } byChannel(kind: ENGAGEMENTS) { channel value } } }`);
    expect(data.summary.totals.find((t: any) => t.kind === "ENGAGEMENTS")).toEqual({ kind: "ENGAGEMENTS", value: 9000, precision: "EXACT" });
    const sum = data.summary.byChannel.reduce((s: number, r: any) => s + r.value, 0);
    expect(sum).toBe(9000);
  });
});

describe("comparisons of like with like", () => {
  it("does not compare mentions on four platforms with tweets-only mentions of an earlier year", async () => {
    const esr = await society("c-esr");
    await make.metric({ activityId: await activity(esr, 2042), kind: "MENTIONS", channel: "TWITTER", value: 5200, scope: "CAMPAIGN" });
    const platforms: Channel[] = ["TWITTER", "FACEBOOK", "YOUTUBE", "INSTAGRAM"];
    await make.metric({ activityId: await activity(esr, 2044), kind: "MENTIONS", channels: platforms, value: 2000, precision: "AT_LEAST", scope: "CAMPAIGN" });
    const { data } = await hub.gql(`{ summary(year: 2044) { changes { kind channel previous { value } previousYear previousReason skippedYears ratio record } } }`);
    expect(data.summary.changes).toEqual([
      { kind: "MENTIONS", channel: null, previous: null, previousYear: 2042, previousReason: "DIFFERENT_COVERAGE", skippedYears: [2043], ratio: null, record: "UNDETERMINED" },
    ]);
  });
});

describe("provenance", () => {
  it("lists every figure behind a total and a ranking row, with its source, and says when one has none", async () => {
    const a = await society("v-a", "FR");
    const act = await activity(a, 2045);
    await make.metric({ activityId: act, kind: "DOWNLOADS", value: 300, source: "the society's newsletter", asOf: "2045-11-10", note: "first week" });
    await make.metric({ activityId: act, kind: "DOWNLOADS", channel: "WEBSITE", value: 200 });
    const total = await totalOf(2045, "DOWNLOADS");
    expect(total).toMatchObject({ value: 300, precision: "EXACT", unsourced: true });
    expect(total.figures).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: "COUNTED", value: 300, source: "the society's newsletter", coverage: { everything: true, channels: [] } }),
      expect.objectContaining({ role: "CONTAINED", value: 200, source: null, coverage: { everything: false, channels: ["WEBSITE"] } }),
    ]));
    for (const f of total.figures) expect(f.metric.id).toBeTruthy();
    const { data } = await hub.gql(`{ summary(year: 2045) { bySociety(kind: DOWNLOADS) { value figures { role source asOf note } }
      byCountry(kind: DOWNLOADS) { countryCode figures { role value } } } }`);
    expect(data.summary.bySociety[0].figures).toContainEqual({ role: "COUNTED", source: "the society's newsletter", asOf: "2045-11-10", note: "first week" });
    expect(data.summary.byCountry[0]).toMatchObject({ countryCode: "FR", figures: expect.arrayContaining([{ role: "COUNTED", value: 300 }]) });
  });
});

describe("consistency on submission", () => {
  const SUBMIT = `mutation($input: SubmitActivityInput!) { submitActivity(input: $input) {
    activity { metrics { kind channel value overrideNote coverage { everything channels } } } userErrors { field code message } } }`;
  let partner: { role: "PARTNER"; societyId: number; keyPrefix: string };
  let n = 0;
  const submit = (metrics: unknown[]) =>
    hub.gql(SUBMIT, { input: { idempotencyKey: `consistency-${++n}`, year: 2043, kind: "SOCIAL_MEDIA_CAMPAIGN", title: "Posts", metrics } }, partner);
  beforeAll(async () => {
    partner = { role: "PARTNER", societyId: await society("s-partner"), keyPrefix: "idor_spartner" };
  });

  it("refuses an all-channels figure of 12,000 beside channel figures adding up to 15,000, and writes nothing", async () => {
    const { data } = await submit([
      { kind: "IMPRESSIONS", value: 12_000 },
      { kind: "IMPRESSIONS", channel: "TWITTER", value: 9_000 },
      { kind: "IMPRESSIONS", channel: "FACEBOOK", value: 6_000 },
    ]);
    expect(data.submitActivity.activity).toBeNull();
    expect(data.submitActivity.userErrors).toEqual([
      { field: ["input", "metrics", "0", "value"], code: "INCONSISTENT_FIGURES", message: expect.stringContaining("(12000) is smaller than") },
    ]);
  });

  it("accepts it when a source really says so, with the reason recorded", async () => {
    const { data } = await submit([
      { kind: "IMPRESSIONS", value: 12_000, overrideNote: "The platform's own report gives 12,000 overall and 9,000 / 6,000 per network." },
      { kind: "IMPRESSIONS", channel: "TWITTER", value: 9_000 },
      { kind: "IMPRESSIONS", channel: "FACEBOOK", value: 6_000 },
    ]);
    expect(data.submitActivity.userErrors).toEqual([]);
    const { data: stored } = await hub.gql(`{ summary(year: 2043, includePending: true) { totals { kind value precision figures { role value } } } }`, {}, { role: "STAFF", keyPrefix: "idor_staff001" });
    // the channel figures win and the smaller overall figure is set aside: at least 15,000
    expect(stored.summary.totals.find((t: any) => t.kind === "IMPRESSIONS")).toMatchObject({ value: 15_000, precision: "AT_LEAST" });
  });

  it("takes a named set of channels and refuses a set of one", async () => {
    const ok = await submit([{ kind: "MENTIONS", channels: ["YOUTUBE", "TWITTER", "TWITTER", "FACEBOOK"], value: 300 }]);
    expect(ok.data.submitActivity.userErrors).toEqual([]);
    expect(ok.data.submitActivity.activity.metrics[0]).toMatchObject({ channel: null, coverage: { everything: false, channels: ["TWITTER", "FACEBOOK", "YOUTUBE"] } });
    const bad = await submit([{ kind: "MENTIONS", channels: ["YOUTUBE"], value: 300 }]);
    expect(bad.data.submitActivity.userErrors).toEqual([{ field: ["input", "metrics", "0", "channels"], code: "INVALID_FORMAT", message: expect.stringContaining("two or more") }]);
  });
});

describe("one figure reported by two societies", () => {
  const STAFF = { role: "STAFF" as const, keyPrefix: "idor_staff001" };
  const MARK = `mutation($input: MarkSameFigureInput!) { markSameFigure(input: $input) { metric { id value sameAs { value } } userErrors { field code message } } }`;
  const metricId = (id: number) => Buffer.from(`Metric:${id}`).toString("base64url");
  let de: number;
  let fr: number;

  beforeAll(async () => {
    const a = await society("w-de", "DE");
    const b = await society("w-fr", "FR");
    de = (await make.metric({ activityId: await activity(a, 2042), kind: "REGISTRATIONS", value: 350, source: "DE society" })).id;
    fr = (await make.metric({ activityId: await activity(b, 2042), kind: "REGISTRATIONS", value: 350, source: "FR society" })).id;
  });

  it("counts the co-hosted webinar's 350 registrations once after staff mark them the same, and credits both societies, saying so", async () => {
    const before = await totalOf(2042, "REGISTRATIONS");
    expect(before.value).toBe(700); // two activities, no mark yet: the hub cannot know

    const marked = await hub.gql(MARK, { input: { metricId: metricId(fr), sameAsMetricId: metricId(de) } }, STAFF);
    expect(marked.data.markSameFigure).toMatchObject({ userErrors: [], metric: { value: 350, sameAs: { value: 350 } } });

    const total = await totalOf(2042, "REGISTRATIONS");
    expect(total).toMatchObject({ value: 350, precision: "EXACT" });
    expect(total.figures.map((f: any) => f.role).sort()).toEqual(["COUNTED", "SET_ASIDE"]);
    const { data } = await hub.gql(`{ summary(year: 2042) {
      bySociety(kind: REGISTRATIONS) { society { slug } value coReported }
      byCountry(kind: REGISTRATIONS) { countryCode value coReported } } }`);
    expect(data.summary.bySociety).toEqual([
      { society: { slug: "w-de" }, value: 350, coReported: true },
      { society: { slug: "w-fr" }, value: 350, coReported: true },
    ]);
    expect(data.summary.byCountry).toEqual([
      { countryCode: "DE", value: 350, coReported: true },
      { countryCode: "FR", value: 350, coReported: true },
    ]);
  });

  it("lets only staff mark figures, and only figures of the same kind and edition", async () => {
    const partner = { role: "PARTNER" as const, societyId: 1, keyPrefix: "idor_partner1" };
    const refused = await hub.gql(MARK, { input: { metricId: metricId(fr), sameAsMetricId: metricId(de) } }, partner);
    expect(refused.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const other = (await make.metric({ activityId: await activity(await society("w-x"), 2042), kind: "VIEWS", value: 1 })).id;
    const { data } = await hub.gql(MARK, { input: { metricId: metricId(other), sameAsMetricId: metricId(de) } }, STAFF);
    expect(data.markSameFigure).toEqual({ metric: null, userErrors: [{ field: ["input", "sameAsMetricId"], code: "INVALID_STATE", message: expect.stringContaining("cannot be the same") }] });
  });
});
