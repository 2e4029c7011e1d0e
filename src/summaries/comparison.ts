// Comparisons of a total with earlier editions, like with like only (pure; applied by summary.rows.ts). Two totals
// are comparable when they count the same measure (kind), over the same coverage and scope, neither rests on a derived
// figure and neither has sources that disagree. A record is YES only when certain: this total's lower bound beats every
// earlier edition's upper bound; NO when an earlier edition certainly reached at least as much; UNDETERMINED otherwise.
import type { Precision } from "../db/enums.js";

export type ComparisonReason = "NO_EARLIER_FIGURE" | "DERIVED" | "SOURCES_DISAGREE" | "DIFFERENT_SCOPE" | "DIFFERENT_COVERAGE";
export type RecordStatus = "YES" | "NO" | "UNDETERMINED";

export interface Comparable {
  year: number;
  value: number;
  precision: Precision;
  /** CAMPAIGN, OWN or MIXED: the scope of the counted figures. */
  scope: string;
  /** Channel mask of the counted figures. */
  coverageMask: number;
  derived: boolean;
  sourcesDisagree: boolean;
}

export interface Comparison {
  previous: { value: number; precision: Precision } | null;
  previousYear: number | null;
  /** Why `previous` is null; null when it is not. */
  reason: ComparisonReason | null;
  ratio: number | null;
  ratioPrecision: Precision | null;
  record: RecordStatus;
  /** Editions between the earlier figure and this one that have no such figure. */
  skippedYears: number[];
}

/** Why two totals cannot be compared, or null when they can. */
export function incomparable(a: Comparable, b: Comparable): ComparisonReason | null {
  if (a.derived || b.derived) return "DERIVED";
  if (a.sourcesDisagree || b.sourcesDisagree) return "SOURCES_DISAGREE";
  if (a.scope !== b.scope) return "DIFFERENT_SCOPE";
  if (a.coverageMask !== b.coverageMask) return "DIFFERENT_COVERAGE";
  return null;
}

const lower = (f: Comparable) => (f.precision === "ESTIMATE" ? -Infinity : f.value);
const upper = (f: Comparable) => (f.precision === "EXACT" ? f.value : Infinity);

/** current / previous: exact only from two exact figures; a lower bound over an exact figure is a lower bound. */
export function ratioPrecision(current: Precision, previous: Precision): Precision {
  if (current === "EXACT" && previous === "EXACT") return "EXACT";
  if (current === "AT_LEAST" && previous === "EXACT") return "AT_LEAST";
  return "ESTIMATE";
}

/**
 * `earlier`: the same kind's totals (same channel row) of earlier editions, any order. `editionYears`: every edition's
 * year, to name the years skipped over.
 */
export function compare(current: Comparable, earlier: readonly Comparable[], editionYears: readonly number[]): Comparison {
  const sorted = [...earlier].filter((e) => e.year < current.year).sort((a, b) => b.year - a.year);
  const last = sorted[0];
  const none: Comparison = { previous: null, previousYear: null, reason: "NO_EARLIER_FIGURE", ratio: null, ratioPrecision: null, record: "UNDETERMINED", skippedYears: [] };
  if (!last) return none;
  const skippedYears = editionYears.filter((y) => y > last.year && y < current.year).sort((a, b) => a - b);
  const reason = incomparable(current, last);
  const comparable = sorted.filter((e) => incomparable(current, e) === null);
  let record: RecordStatus = "UNDETERMINED";
  if (comparable.some((e) => lower(e) >= upper(current))) record = "NO";
  else if (comparable.length === sorted.length && sorted.every((e) => lower(current) > upper(e))) record = "YES";
  if (reason) return { ...none, previousYear: last.year, reason, record, skippedYears };
  const ratio = last.value > 0 ? current.value / last.value : null;
  return {
    previous: { value: last.value, precision: last.precision },
    previousYear: last.year,
    reason: null,
    ratio,
    ratioPrecision: ratio === null ? null : ratioPrecision(current.precision, last.precision),
    record,
    skippedYears,
  };
}
