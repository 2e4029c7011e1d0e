// The database path agrees with the pure counting rules: random editions (fast-check, pinned seed) are stored as
// activities and metrics, and `summary` through GraphQL must give exactly what countFigures / countByChannel give on
// the same figures (coverage stored as channel / channels, scope, precision, approval filtering included).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { CHANNELS, type Channel, type Precision } from "../src/db/enums.js";
import { countByChannel, countFigures, type CountInput } from "../src/summaries/counting.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

const FEW = CHANNELS.slice(0, 4) as Channel[];
const figure = fc.record({
  activity: fc.integer({ min: 0, max: 2 }),
  scope: fc.constantFrom("OWN", "CAMPAIGN") as fc.Arbitrary<"OWN" | "CAMPAIGN">,
  coverage: fc.oneof(fc.constant(null), fc.constantFrom(...FEW).map((c) => [c]), fc.uniqueArray(fc.constantFrom(...FEW), { minLength: 2, maxLength: 3 })),
  value: fc.integer({ min: 0, max: 5000 }),
  precision: fc.constantFrom("EXACT", "AT_LEAST", "ESTIMATE") as fc.Arbitrary<Precision>,
  approved: fc.boolean(),
});
const editions = fc.sample(fc.array(figure, { minLength: 1, maxLength: 6 }), { seed: 1108, numRuns: 25 });
const KIND = "IMPRESSIONS";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  const society = await make.society({ slug: "agreement" });
  for (const [i, list] of editions.entries()) {
    const edition = await make.edition(2100 + i);
    // One metric per (activity, kind, channel), and one figure not on a single channel per activity (the unique key):
    // a figure that would clash goes to another activity of the same group, which is then another part.
    const groups = new Map<string, Array<{ id: number; slots: Set<string> }>>();
    for (const f of list) {
      const group = `${f.activity}/${f.approved}`;
      const slot = f.coverage?.length === 1 ? f.coverage[0]! : "multi";
      const candidates = groups.get(group) ?? [];
      let target = candidates.find((a) => !a.slots.has(slot));
      if (!target) {
        const row = await make.activity({ societyId: society.id, editionId: edition.id, status: f.approved ? "APPROVED" : "SUBMITTED" });
        target = { id: row.id, slots: new Set() };
        groups.set(group, [...candidates, target]);
      }
      target.slots.add(slot);
      const activityId = target.id;
      (f as any).activityId = activityId;
      await make.metric({
        activityId,
        kind: KIND,
        channel: f.coverage?.length === 1 ? f.coverage[0]! : null,
        channels: f.coverage && f.coverage.length > 1 ? f.coverage : null,
        value: f.value,
        precision: f.precision,
        scope: f.scope,
      });
    }
  }
}, 120_000);
afterAll(() => hub.close());

describe("the database path", () => {
  it("gives the pure rules' totals and channel rows for 25 random editions", async () => {
    for (const [i, list] of editions.entries()) {
      const inputs: CountInput[] = list
        .filter((f) => f.approved)
        .map((f, j) => ({ id: String(j), part: `a${(f as any).activityId}`, scope: f.scope, coverage: f.coverage, value: f.value, precision: f.precision }));
      const { data, errors } = await hub.gql(`query($year: Int!) { summary(year: $year) {
        totals { kind value precision } byChannel(kind: ${KIND}) { channel value precision } } }`, { year: 2100 + i });
      expect(errors).toBeUndefined();
      if (inputs.length === 0) {
        expect(data.summary.totals).toEqual([]);
        continue;
      }
      const expected = countFigures(KIND, inputs);
      expect(data.summary.totals, `edition ${i}`).toEqual([{ kind: KIND, value: expected.value, precision: expected.precision }]);
      const channels = [...countByChannel(KIND, inputs)].map(([channel, r]) => ({ channel, value: r.value, precision: r.precision }));
      channels.sort((a, b) => a.channel.localeCompare(b.channel)); // rows come by channel name
      expect(data.summary.byChannel, `edition ${i}`).toEqual(channels);
    }
  });
});
