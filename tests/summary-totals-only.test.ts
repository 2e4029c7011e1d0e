// A summary asked for its totals only (no `figures`, no rankings) is computed from narrower rows and with the counting
// shortcuts for the common shape (bench/RESULTS.md, "Fourth pass"). It must answer exactly as the summary computed with
// the figures behind its totals, at every boundary of that shape: zero figures, a tie between an all-channels figure
// and its channels' sum, a named set of channels, campaign-wide figures of equal value and different precision,
// figures staff marked the same as another society's, co-organisers, a figure without a source, earlier editions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import type { Viewer } from "../src/context.js";
import type { Channel, MetricKind, MetricScope, Precision } from "../src/db/enums.js";
import { countFigures, type CountInput } from "../src/summaries/counting.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

const STAFF: Viewer = { role: "STAFF", keyPrefix: "idor_staff001" };
const KINDS: MetricKind[] = ["IMPRESSIONS", "VIEWS", "COUNTRIES"];
const TOTAL = `value precision campaignWide { value precision } societiesOwn { value precision } sourcesDisagree unsourced`;
const CHANGES = `changes { kind channel current { value precision } previous { value precision } previousYear previousReason ratio record }`;
const totalsOnly = (year: number) => `{ summary(year: ${year}) { activityCount
  totals { kind coverage { everything channels } ${TOTAL} } ${CHANGES} records { kind channel }
  ${KINDS.map((k) => `c${k}: byChannel(kind: ${k}) { channel ${TOTAL} }`).join(" ")} } }`;
const FIGURES = `figures { role value precision scope activity { id } coverage { everything channels } }`;
const withFigures = (year: number) => `{ summary(year: ${year}) { activityCount
  totals { kind coverage { everything channels } ${TOTAL} ${FIGURES} } ${CHANGES} records { kind channel }
  ${KINDS.map((k) => `c${k}: byChannel(kind: ${k}) { channel ${TOTAL} ${FIGURES} }`).join(" ")}
  bySociety(kind: VIEWS) { value } } }`;

type F = { kind?: MetricKind; channel?: Channel | null; channels?: Channel[] | null; value: number; precision?: Precision; scope?: MetricScope; source?: string | null };

let hub: TestHub;
let sameAs: { first: number; second: number };

beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  const de = await make.society({ slug: "totals-de", countryCode: "DE" });
  const fr = await make.society({ slug: "totals-fr", countryCode: "FR" });
  const activity = async (editionId: number, societyId: number, figures: F[]) => {
    const a = await make.activity({ societyId, editionId });
    for (const f of figures) await make.metric({ activityId: a.id, kind: "VIEWS", source: "a list", ...f });
    return a.id;
  };
  const earlier = await make.edition(2061);
  await activity(earlier.id, de.id, [{ value: 900 }, { channel: "TWITTER", value: 400 }]);
  const edition = (await make.edition(2062)).id;
  // The common shape: an all-channels figure and its channels, either side larger.
  await activity(edition, de.id, [{ value: 1000 }, { channel: "TWITTER", value: 600 }, { channel: "FACEBOOK", value: 300, precision: "AT_LEAST" }]);
  await activity(edition, fr.id, [{ value: 1100 }, { channel: "TWITTER", value: 500 }, { channel: "YOUTUBE", value: 700 }]);
  // A tie between the all-channels figure and its channels' sum, both exact, the channel first; then the other way.
  await activity(edition, de.id, [{ channel: "TWITTER", value: 250 }, { value: 400 }, { channel: "FACEBOOK", value: 150 }]);
  await activity(edition, fr.id, [{ value: 300 }, { channel: "FACEBOOK", value: 300 }]);
  // Zero figures: a channel of zero (not counted, the total not exact), and an all-channels zero with no channels.
  await activity(edition, de.id, [{ value: 80 }, { channel: "INSTAGRAM", value: 0 }]);
  await activity(edition, fr.id, [{ channel: "INSTAGRAM", value: 0 }, { channel: "YOUTUBE", value: 40 }]);
  await activity(edition, de.id, [{ value: 0, precision: "ESTIMATE" }]);
  // A named set of channels overlapping a channel figure of the same activity (not the common shape).
  await activity(edition, fr.id, [{ channels: ["TWITTER", "FACEBOOK"], value: 450 }, { channel: "TWITTER", value: 300 }, { channel: "PRINT", value: 20 }]);
  // Campaign-wide figures: two of equal value and different precision on one channel, and an all-channels one.
  await activity(edition, de.id, [
    { channel: "TWITTER", value: 2000, scope: "CAMPAIGN", precision: "ESTIMATE" },
    { value: 3500, scope: "CAMPAIGN", precision: "AT_LEAST", source: null },
  ]);
  await activity(edition, fr.id, [{ channel: "TWITTER", value: 2000, scope: "CAMPAIGN" }]);
  // Other kinds: impressions of the common shape with equal values, and a non-additive kind.
  await activity(edition, fr.id, [{ kind: "IMPRESSIONS", value: 10 }, { kind: "IMPRESSIONS", channel: "EMAIL", value: 10 }]);
  await activity(edition, de.id, [{ kind: "COUNTRIES", value: 12 }]);
  await activity(edition, fr.id, [{ kind: "COUNTRIES", value: 0, scope: "CAMPAIGN" }]);
  // Shared: another society's report of the first webinar (figures staff mark the same), and a co-organised one.
  sameAs = {
    first: await activity(edition, de.id, [{ value: 350 }, { channel: "LINKEDIN", value: 200 }]),
    second: await activity(edition, fr.id, [{ value: 340 }, { channel: "WEBSITE", value: 60 }]),
  };
  const coOrganised = await activity(edition, fr.id, [{ channel: "EMAIL", value: 75 }]);
  await hub.database.db.execute(sql`insert into activity_co_organisers (activity_id, society_id) values (${coOrganised}, ${de.id})`);
}, 60_000);
afterAll(() => hub.close());

/** The fields both questions ask, from either answer. */
function totals(data: any) {
  const strip = (rows: any[]) => rows.map(({ figures, ...rest }: any) => rest);
  const s = data.summary;
  return { ...s, bySociety: undefined, totals: strip(s.totals), ...Object.fromEntries(KINDS.map((k) => [`c${k}`, strip(s[`c${k}`])])) };
}

async function both(year: number) {
  const light = await hub.gql(totalsOnly(year));
  const full = await hub.gql(withFigures(year));
  expect(light.errors).toBeUndefined();
  expect(full.errors).toBeUndefined();
  return { light, full };
}

describe("a summary asked for its totals only", () => {
  it("reads no provenance, and answers every total, channel total and change as the summary with figures does", async () => {
    const { light, full } = await both(2062);
    expect(light.sql.some((s) => /co_organisers/.test(s.sql))).toBe(true); // the activity counts still count them
    expect(light.sql.some((s) => /m\.note|co_organiser_ids/.test(s.sql))).toBe(false);
    expect(full.sql.some((s) => /co_organiser_ids/.test(s.sql))).toBe(true);
    expect(totals(light.data)).toEqual(totals(full.data));
    const views = light.data.summary.totals.find((t: any) => t.kind === "VIEWS");
    expect(views.campaignWide).toEqual({ value: 3500, precision: "AT_LEAST" });
    expect(views.unsourced).toBe(true);
  });

  it("gives every figure behind a total the role the plain rules give it, ties and zeros included", async () => {
    const { full } = await both(2062);
    const rows = [...full.data.summary.totals, ...KINDS.flatMap((k) => full.data.summary[`c${k}`])];
    for (const [i, row] of rows.entries()) {
      const kind = row.kind ?? KINDS.find((k) => full.data.summary[`c${k}`].includes(row));
      const inputs: CountInput[] = row.figures.map((f: any, j: number) => ({
        id: String(j),
        part: f.activity.id,
        scope: f.scope,
        coverage: f.coverage.everything ? null : f.coverage.channels,
        value: f.value,
        precision: f.precision,
      }));
      const expected = countFigures(kind, inputs);
      expect({ value: row.value, precision: row.precision }, `row ${i}`).toEqual({ value: expected.value, precision: expected.precision });
      expect(row.figures.map((_: any, j: number) => expected.roles.get(String(j))), `row ${i}`).toEqual(row.figures.map((f: any) => f.role));
    }
  });

  it("counts figures marked the same once on both paths, and again when the mark is cleared", async () => {
    const MARK = `mutation($input: MarkSameActivityInput!) { markSameActivity(input: $input) { userErrors { code } } }`;
    const gid = (id: number) => Buffer.from(`Activity:${id}`).toString("base64url");
    const views = (data: any) => data.summary.totals.find((t: any) => t.kind === "VIEWS").value;
    const before = await both(2062);
    const marked = await hub.gql(MARK, { input: { activityId: gid(sameAs.second), sameAsActivityId: gid(sameAs.first) } }, STAFF);
    expect(marked.data.markSameActivity.userErrors).toEqual([]);
    const after = await both(2062);
    expect(totals(after.light.data)).toEqual(totals(after.full.data));
    // 350 (against 200 on LinkedIn) and 340 (against 60 on the website) were two activities; as one, 350 counts.
    expect(views(before.light.data) - views(after.light.data)).toBe(340);
    await hub.gql(MARK, { input: { activityId: gid(sameAs.second), sameAsActivityId: null } }, STAFF);
    expect(views((await both(2062)).light.data)).toBe(views(before.light.data));
  });

  it("answers the earlier edition alike, and sees figures asked through a fragment", async () => {
    const { light, full } = await both(2061);
    expect(totals(light.data)).toEqual(totals(full.data));
    const fragment = await hub.gql(`{ summary(year: 2062) { totals { kind value } byChannel(kind: VIEWS) { ...F } } } fragment F on ChannelTotal { channel figures { role value } }`);
    expect(fragment.errors).toBeUndefined();
    expect(fragment.data.summary.byChannel.every((r: any) => r.figures.length > 0)).toBe(true);
  });
});

// The packing in SQL (summary.sql.ts, packedCountingFiguresQuery) against the rows per figure, on random editions made
// to sit on its boundaries: many activities of a few channels (so that many share a packed group), small values (ties
// between an all-channels figure and its channels' sum, zeros), every precision, derived and unsourced figures,
// campaign-wide figures, named sets and a non-additive kind, in consecutive editions (comparisons and records).
describe("random editions, totals only against the summary with figures", () => {
  const PICK: Channel[] = ["TWITTER", "FACEBOOK", "YOUTUBE"];
  const figureSet = fc.record({
    kind: fc.constantFrom<MetricKind>("VIEWS", "VIEWS", "IMPRESSIONS", "COUNTRIES"),
    whole: fc.oneof(fc.constant(null), fc.constant("all"), fc.constant("set")),
    wholeValue: fc.integer({ min: 0, max: 7 }),
    channels: fc.subarray(PICK),
    values: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
    precisions: fc.array(fc.constantFrom<Precision>("EXACT", "EXACT", "AT_LEAST", "ESTIMATE"), { minLength: 4, maxLength: 4 }),
    campaign: fc.integer({ min: 0, max: 9 }),
    derived: fc.integer({ min: 0, max: 9 }),
    unsourced: fc.integer({ min: 0, max: 9 }),
  });
  const editions = fc.sample(fc.array(fc.array(figureSet, { minLength: 1, maxLength: 2 }), { minLength: 20, maxLength: 30 }), { seed: 2030, numRuns: 5 });

  beforeAll(async () => {
    const make = factories(hub.database);
    const society = await make.society({ slug: "random-totals" });
    for (const [e, activities] of editions.entries()) {
      const edition = await make.edition(2080 + e);
      for (const sets of activities) {
        const a = await make.activity({ societyId: society.id, editionId: edition.id });
        const kinds = new Set<string>();
        for (const f of sets) {
          if (kinds.has(f.kind)) continue;
          kinds.add(f.kind);
          const common = { activityId: a.id, kind: f.kind, scope: (f.campaign === 0 ? "CAMPAIGN" : "OWN") as MetricScope, derived: f.derived === 0, source: f.unsourced === 0 ? null : "a list" };
          if (f.whole) {
            const channels = f.whole === "set" ? (["TWITTER", "FACEBOOK"] as Channel[]) : null;
            await make.metric({ ...common, channels, value: f.wholeValue, precision: f.precisions[3]! });
          }
          for (const [i, channel] of f.channels.entries()) await make.metric({ ...common, channel, value: f.values[i]!, precision: f.precisions[i]! });
        }
      }
    }
  }, 60_000);

  it("gives the same totals, channel totals, changes and records for 5 random editions", async () => {
    for (const e of editions.keys()) {
      const { light, full } = await both(2080 + e);
      expect(totals(light.data), `edition ${2080 + e}`).toEqual(totals(full.data));
    }
  });
});
