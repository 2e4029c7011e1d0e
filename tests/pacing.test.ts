// A large summary is counted in pieces, with the event loop served between them (src/shared/pacer.ts): the same rows,
// and other work (here, a chain of setImmediate callbacks standing in for other requests) runs while it counts.
import { describe, expect, it } from "vitest";
import type { Channel, MetricKind } from "../src/db/enums.js";
import { mapPaced, Pacer } from "../src/shared/pacer.js";
import { maskOf } from "../src/summaries/counting.js";
import { summaryRows, type CountedFigure } from "../src/summaries/summary.rows.js";

/** n figures over two editions, two kinds and three coverages, each of an activity of its own. */
function figures(n: number): CountedFigure[] {
  const kinds: MetricKind[] = ["VIEWS", "MENTIONS"];
  const coverages: Array<Channel[] | null> = [null, ["YOUTUBE"], ["WEBSITE"]];
  return Array.from({ length: n }, (_, i) => {
    const coverage = coverages[i % 3]!;
    return {
      year: 2019 + (i % 2),
      part: i + 1,
      mask: maskOf(coverage),
      kind: kinds[Math.floor(i / 2) % 2]!,
      coverage,
      value: 1 + (i % 97),
      precision: i % 5 === 0 ? "AT_LEAST" : "EXACT",
      scope: "OWN",
      derived: false,
      source: i % 7 === 0 ? null : `https://example.org/${i}`,
    };
  });
}

/** Runs `work` while counting how many turns of the event loop other callbacks got meanwhile. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const other = () => {
    if (!running) return;
    turns++;
    setImmediate(other);
  };
  setImmediate(other);
  const result = await work();
  running = false;
  return { result, turns };
}

describe("counting a summary in pieces", () => {
  const list = figures(12_000);

  it("gives the same rows paced as in one piece, and lets other work run between its lists", async () => {
    const whole = await turnsDuring(() => summaryRows(list, 2020, [2019, 2020], false));
    const pacer = new Pacer(1_000);
    const paced = await turnsDuring(() => summaryRows(list, 2020, [2019, 2020], false, pacer));

    expect(paced.result).toEqual(whole.result);
    expect(whole.result.map((r) => `${r.kind}/${r.channel ?? ""}`)).toEqual(["MENTIONS/", "MENTIONS/WEBSITE", "MENTIONS/YOUTUBE", "VIEWS/", "VIEWS/WEBSITE", "VIEWS/YOUTUBE"]);
    expect(whole.turns).toBe(0); // one piece: nothing else ran
    // 12 lists (2 editions × 2 kinds × the total and 2 channels) of at least 1,000 figures each: a pause after each.
    expect(pacer.pauses).toBe(12);
    expect(paced.turns).toBeGreaterThanOrEqual(pacer.pauses);
  });

  it("reads rows into figures in pieces of the pacer's size", async () => {
    const pacer = new Pacer(5_000);
    const { result, turns } = await turnsDuring(() => mapPaced(list, (f) => f.value, pacer));
    expect(result).toEqual(list.map((f) => f.value));
    expect(pacer.pauses).toBe(2); // after 5,000 and 10,000
    expect(turns).toBeGreaterThanOrEqual(2);
  });
});
