// Properties of the counting rules (src/summaries/counting.ts) over random editions: random coverage (one channel, a
// named set, everything), scope, precision and co-reporting (several figures of one part). Pinned seed, so a failure
// reproduces; 1,500 editions per property and run.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CHANNELS, type Channel, type Precision } from "../src/db/enums.js";
import { countByChannel, countFigures, maskOf, NON_ADDITIVE, type CountInput } from "../src/summaries/counting.js";
import * as reference from "./support/counting.reference.js";

const SEED = 20201108;
const RUNS = 1500;
const FEW_CHANNELS = CHANNELS.slice(0, 4) as Channel[]; // small universe: overlaps happen often

const coverage = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...FEW_CHANNELS).map((c) => [c]),
  fc.uniqueArray(fc.constantFrom(...FEW_CHANNELS), { minLength: 2, maxLength: 3 }),
);
const figureFields = {
  part: fc.constantFrom("a1", "a2", "a3"), // an activity, or the activity a co-reported figure was marked the same as
  scope: fc.constantFrom("OWN", "CAMPAIGN") as fc.Arbitrary<"OWN" | "CAMPAIGN">,
  coverage,
  value: fc.integer({ min: 0, max: 10_000 }),
  precision: fc.constantFrom("EXACT", "AT_LEAST", "ESTIMATE") as fc.Arbitrary<Precision>,
};
const figure = fc.record(figureFields);
const edition = fc.record({
  kind: fc.constantFrom("MENTIONS", "IMPRESSIONS", "COUNTRIES"),
  figures: fc.array(figure, { minLength: 1, maxLength: 7 }).map((list) => list.map((f, i): CountInput => ({ ...f, id: `f${i}` }))),
});

const options = { seed: SEED, numRuns: RUNS };
const RANK = { EXACT: 0, AT_LEAST: 1, ESTIMATE: 2 } as const;

function disjoint(a: CountInput, b: CountInput) {
  if ((maskOf(a.coverage) & maskOf(b.coverage)) === 0) return true;
  return a.scope === "OWN" && b.scope === "OWN" && a.part !== b.part;
}

/** The largest sum of pairwise disjoint figures, by trying every subset. */
function bruteForce(figures: CountInput[]): number {
  let best = 0;
  for (let set = 0; set < 1 << figures.length; set++) {
    const chosen = figures.filter((_, i) => set & (1 << i));
    if (chosen.every((a, i) => chosen.every((b, j) => i === j || disjoint(a, b)))) best = Math.max(best, chosen.reduce((s, f) => s + f.value, 0));
  }
  return best;
}

describe("the counting rules, on random editions", () => {
  it("never count a total below the largest single figure it covers, nor above the plain sum", () => {
    fc.assert(
      fc.property(edition, ({ kind, figures }) => {
        const total = countFigures(kind, figures);
        expect(total.value).toBeGreaterThanOrEqual(Math.max(...figures.map((f) => f.value)));
        expect(total.value).toBeLessThanOrEqual(figures.reduce((s, f) => s + f.value, 0));
      }),
      options,
    );
  });

  it("add exactly the largest set of disjoint figures (or take the largest one for non-additive kinds)", () => {
    fc.assert(
      fc.property(edition, ({ kind, figures }) => {
        const total = countFigures(kind, figures);
        const counted = figures.filter((f) => total.roles.get(f.id) === "COUNTED");
        expect(total.value).toBe(NON_ADDITIVE.has(kind) ? Math.max(...figures.map((f) => f.value)) : bruteForce(figures));
        expect(counted.reduce((s, f) => s + f.value, 0)).toBe(total.value);
        for (const a of counted) for (const b of counted) if (a !== b) expect(disjoint(a, b)).toBe(true);
      }),
      options,
    );
  });

  it("never give a total a stronger precision than its figures allow", () => {
    fc.assert(
      fc.property(edition, ({ kind, figures }) => {
        const total = countFigures(kind, figures);
        const counted = figures.filter((f) => total.roles.get(f.id) === "COUNTED");
        const weakest = Math.max(...counted.map((f) => RANK[f.precision]));
        expect(RANK[total.precision]).toBeGreaterThanOrEqual(weakest);
        if (total.precision === "EXACT") {
          // exact figures cover everything measured, and nothing is left outside them
          expect(total.complete).toBe(true);
          expect(figures.filter((f) => total.roles.get(f.id) !== "COUNTED").every((f) => total.roles.get(f.id) === "CONTAINED" || f.precision !== "EXACT" || f.value <= total.value)).toBe(true);
        }
        if (figures.every((f) => f.precision === "ESTIMATE")) expect(total.precision).toBe("ESTIMATE");
      }),
      options,
    );
  });

  it("never contradict the breakdown by channel", () => {
    fc.assert(
      fc.property(edition, ({ kind, figures }) => {
        const total = countFigures(kind, figures);
        const rows = [...countByChannel(kind, figures).values()];
        for (const row of rows) expect(row.value).toBeLessThanOrEqual(total.value);
        if (!NON_ADDITIVE.has(kind)) expect(rows.reduce((s, r) => s + r.value, 0)).toBeLessThanOrEqual(total.value);
        // all figures on one channel: the channel's row is the total
        const single = new Set(figures.map((f) => JSON.stringify(f.coverage)));
        if (single.size === 1 && figures[0]!.coverage?.length === 1) {
          expect(rows).toHaveLength(1);
          expect({ value: rows[0]!.value, precision: rows[0]!.precision }).toEqual({ value: total.value, precision: total.precision });
        }
      }),
      options,
    );
  });

  it("count a figure reported twice for one part once, whoever reports it", () => {
    fc.assert(
      fc.property(edition, fc.integer({ min: 0, max: 6 }), ({ kind, figures }, pick) => {
        const original = figures[pick % figures.length]!;
        const copy: CountInput = { ...original, id: "copy" };
        expect(countFigures(kind, [...figures, copy]).value).toBe(countFigures(kind, figures).value);
      }),
      options,
    );
  });

  // The search was rewritten for speed (bench/RESULTS.md, "Fourth pass"): it must choose exactly the figures the plain
  // search chose, ties included, also on editions with many parts and all eleven channels.
  const wideFigure = fc.record({
    part: fc.constantFrom("a1", "a2", "a3", "a4", "a5", "a6"),
    scope: fc.constantFrom("OWN", "OWN", "OWN", "CAMPAIGN") as fc.Arbitrary<"OWN" | "CAMPAIGN">,
    coverage: fc.oneof(
      fc.constant(null),
      fc.constantFrom(...CHANNELS).map((c) => [c]),
      fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 2, maxLength: 4 }),
    ),
    value: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 10_000 })),
    precision: fc.constantFrom("EXACT", "AT_LEAST", "ESTIMATE") as fc.Arbitrary<Precision>,
  });
  const wideEdition = fc.record({
    kind: fc.constantFrom("MENTIONS", "REACH", "LANGUAGES"),
    figures: fc.array(wideFigure, { minLength: 0, maxLength: 24 }).map((list) => list.map((f, i): CountInput => ({ ...f, id: `f${i}` }))),
  });

  // Ties everywhere: small values, few channels, many campaign-wide figures.
  const tiedEdition = fc.record({
    kind: fc.constantFrom("MENTIONS", "REACH"),
    figures: fc
      .array(fc.record({ ...figureFields, value: fc.integer({ min: 0, max: 2 }) }), { minLength: 0, maxLength: 16 })
      .map((list) => list.map((f, i): CountInput => ({ ...f, id: `f${i}` }))),
  });

  it("choose exactly what the plain search chose: total, precision, every role and flag", () => {
    const plain = (r: ReturnType<typeof countFigures>) => ({ ...r, roles: [...r.roles] });
    for (const arbitrary of [edition, wideEdition, tiedEdition]) {
      fc.assert(
        fc.property(arbitrary, ({ kind, figures }) => {
          expect(plain(countFigures(kind, figures))).toEqual(plain(reference.countFigures(kind, figures)));
        }),
        options,
      );
    }
  });
});
