// Exact numbers out of SQL: PostgreSQL's sum(bigint) is numeric, which drivers return differently (string, number,
// bigint). Summary queries cast every aggregate to text, and this is the one place that turns it into a number —
// refusing, never rounding, a total beyond 2^53 - 1.
import type { Precision } from "../db/enums.js";
import { HubError } from "../shared/errors.js";

export interface Figure {
  value: number;
  precision: Precision;
}

export function exactNumber(raw: unknown): number | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw);
  if (!/^-?\d+$/.test(text)) throw new HubError("INTERNAL_SERVER_ERROR", "Internal server error (non-integer aggregate)");
  const big = BigInt(text);
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new HubError("RESULT_OUT_OF_RANGE", `A total (${text}) exceeds 9007199254740991 and cannot be returned exactly.`);
  }
  return Number(big);
}

/** SQL ranks precisions EXACT = 0, AT_LEAST = 1, ESTIMATE = 2; a combination takes the largest. */
const BY_RANK: Precision[] = ["EXACT", "AT_LEAST", "ESTIMATE"];
export function precisionOf(rank: unknown): Precision {
  return BY_RANK[Number(rank)] ?? "ESTIMATE";
}

export function figure(value: unknown, rank: unknown): Figure | null {
  const n = exactNumber(value);
  return n === null ? null : { value: n, precision: precisionOf(rank) };
}

/** Kinds that are never summed across activities or channels: the largest figure counts. */
export const NON_ADDITIVE_KINDS = ["PARTICIPATING_SOCIETIES", "COUNTRIES", "LANGUAGES"] as const;
