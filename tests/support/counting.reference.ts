// The counting rules as they stood before the fourth pass (bench/RESULTS.md, "Fourth pass"): the plain memoised search,
// kept only as the reference that tests/counting.property.test.ts holds the faster src/summaries/counting.ts to (same
// total, precision, roles and flags on random editions). Not used by the hub.
import { CHANNELS, type Channel, type MetricScope, type Precision } from "../../src/db/enums.js";

export const NON_ADDITIVE = new Set(["PARTICIPATING_SOCIETIES", "COUNTRIES", "LANGUAGES"]);

export const FULL_MASK = (1 << CHANNELS.length) - 1;
const BIT = new Map<Channel, number>(CHANNELS.map((c, i) => [c, 1 << i]));

export type FigureRole = "COUNTED" | "CONTAINED" | "SET_ASIDE";

export interface CountInput {
  /** Identity, unique within one call. */
  id: string;
  /** OWN figures: the region's part (an activity, or the activity it was marked the same as). Ignored for CAMPAIGN. */
  part: string;
  scope: MetricScope;
  /** null: every channel. */
  coverage: readonly Channel[] | null;
  value: number;
  precision: Precision;
}

export interface CountResult {
  value: number;
  precision: Precision;
  /** Role of each input, by id. */
  roles: Map<string, FigureRole>;
  /** True when the counted figures cover every region any figure measured. */
  complete: boolean;
  /** True when two figures of the same region cannot both be right. */
  sourcesDisagree: boolean;
  /** Bit mask of the channels the figures cover (FULL_MASK when any covers everything). */
  coverageMask: number;
}

const RANK: Record<Precision, number> = { EXACT: 0, AT_LEAST: 1, ESTIMATE: 2 };
const BY_RANK: Precision[] = ["EXACT", "AT_LEAST", "ESTIMATE"];

export function maskOf(coverage: readonly Channel[] | null): number {
  if (coverage === null) return FULL_MASK;
  let mask = 0;
  for (const c of coverage) mask |= BIT.get(c) ?? 0;
  return mask;
}

export function channelsOf(mask: number): Channel[] {
  return CHANNELS.filter((c) => (mask & BIT.get(c)!) !== 0);
}

const subset = (a: number, b: number) => (a & ~b) === 0;
const partOf = (f: CountInput) => (f.scope === "CAMPAIGN" ? null : f.part);

/** Does f's region lie inside g's? */
function within(f: CountInput, g: CountInput): boolean {
  if (!subset(maskOf(f.coverage), maskOf(g.coverage))) return false;
  return g.scope === "CAMPAIGN" || partOf(f) === partOf(g);
}

/** Two figures of one region whose bounds exclude each other (an estimate excludes nothing). */
function disagree(a: CountInput, b: CountInput): boolean {
  if (a.precision === "ESTIMATE" || b.precision === "ESTIMATE") return false;
  const hi = (f: CountInput) => (f.precision === "EXACT" ? f.value : Infinity);
  return Math.max(a.value, b.value) > Math.min(hi(a), hi(b));
}

/** The figures a packing takes, as a tree joined in constant time (a flat array copied on every join made the search
 * quadratic in the number of activities); flattened once, by `idsOf`. */
type Picks = null | string | readonly [Picks, Picks];

interface Packing {
  value: number;
  rank: number;
  campaignMask: number;
  ids: Picks;
}

const EMPTY: Packing = { value: 0, rank: 0, campaignMask: 0, ids: null };

function idsOf(picks: Picks): Set<string> {
  const out = new Set<string>();
  const stack: Picks[] = [picks];
  while (stack.length) {
    const p = stack.pop()!;
    if (p === null) continue;
    if (typeof p === "string") out.add(p);
    else stack.push(p[1], p[0]);
  }
  return out;
}

/** Larger value first; on a tie, more campaign-wide ground, then the better precision. */
function better(a: Packing, b: Packing): boolean {
  if (a.value !== b.value) return a.value > b.value;
  const ca = popcount(a.campaignMask);
  const cb = popcount(b.campaignMask);
  if (ca !== cb) return ca > cb;
  return a.rank < b.rank;
}

function popcount(n: number): number {
  let c = 0;
  for (; n; n &= n - 1) c++;
  return c;
}

function join(a: Packing, b: Packing): Packing {
  const ids: Picks = a.ids === null ? b.ids : b.ids === null ? a.ids : [a.ids, b.ids];
  return { value: a.value + b.value, rank: Math.max(a.rank, b.rank), campaignMask: a.campaignMask | b.campaignMask, ids };
}

/** The best packing of pairwise disjoint figures of one part within a channel mask (memoised subset search). */
function packer(figures: CountInput[], campaign: boolean, local: (f: CountInput) => number) {
  const memo = new Map<number, Packing>();
  const masks = figures.map(local);
  const best = (mask: number): Packing => {
    const hit = memo.get(mask);
    if (hit) return hit;
    let result = EMPTY;
    const low = mask & -mask;
    if (low !== 0) {
      // Either the lowest channel stays uncovered by this part, or one figure that contains it is taken.
      result = best(mask & ~low);
      figures.forEach((f, i) => {
        const m = masks[i]!;
        if ((m & low) === 0 || !subset(m, mask)) return;
        const own: Packing = { value: f.value, rank: RANK[f.precision], campaignMask: campaign ? maskOf(f.coverage) : 0, ids: f.id };
        const candidate = join(own, best(mask & ~m));
        if (better(candidate, result)) result = candidate;
      });
    }
    memo.set(mask, result);
    return result;
  };
  return best;
}

/** The total of one kind of figure in one edition (or on one channel) under the rules above. */
export function countFigures(kind: string, figures: readonly CountInput[]): CountResult {
  const masks = figures.map((f) => maskOf(f.coverage));
  const coverageMask = masks.reduce((m, mask) => m | mask, 0);
  const chosen = NON_ADDITIVE.has(kind) ? largestSingle(figures) : largestPacking(figures, compress(figures));
  const chosenIds = idsOf(chosen.ids);
  // The counted figures a figure can lie inside: campaign-wide ones, and the own ones of its part (indexed, so that
  // the roles take linear time, not a scan of every counted figure per figure).
  const countedCampaign: number[] = [];
  const countedByPart = new Map<string, number[]>();
  figures.forEach((f, i) => {
    if (!chosenIds.has(f.id)) return;
    if (f.scope === "CAMPAIGN") countedCampaign.push(i);
    else if (countedByPart.has(f.part)) countedByPart.get(f.part)!.push(i);
    else countedByPart.set(f.part, [i]);
  });
  const roles = new Map<string, FigureRole>();
  let complete = true;
  let sourcesDisagree = false;
  const campaignMask = countedCampaign.reduce((m, i) => m | masks[i]!, 0);
  figures.forEach((f, i) => {
    if (chosenIds.has(f.id)) {
      roles.set(f.id, "COUNTED");
      return;
    }
    const mask = masks[i]!;
    const ownCounted = f.scope === "OWN" ? (countedByPart.get(f.part) ?? []) : [];
    const ownMask = ownCounted.reduce((m, j) => m | masks[j]!, 0);
    const inside = subset(mask, campaignMask) || (f.scope === "OWN" && subset(mask, campaignMask | ownMask));
    if (!inside) complete = false;
    // Only a campaign-wide figure or an own figure of the same part can contain f (within() says so).
    const candidates = [...countedCampaign, ...ownCounted].map((j) => figures[j]!);
    const container = candidates.some((g) => within(f, g) && !within(g, f));
    const underCampaign = f.scope === "OWN" && subset(mask, campaignMask);
    roles.set(f.id, container || underCampaign ? "CONTAINED" : "SET_ASIDE");
    if (candidates.some((g) => within(f, g) && within(g, f) && disagree(f, g))) sourcesDisagree = true;
  });
  let rank = chosen.rank;
  if (rank < RANK.AT_LEAST && !complete) rank = RANK.AT_LEAST;
  if (sourcesDisagree) rank = RANK.ESTIMATE;
  return { value: chosen.value, precision: BY_RANK[rank]!, roles, complete, sourcesDisagree, coverageMask };
}

/**
 * Channel masks for the search, over the channels the figures name plus one bit for "every other channel": the search
 * visits subsets of these few bits instead of all 2^11 channel sets.
 */
function compress(figures: readonly CountInput[]): (f: CountInput) => number {
  const named = channelsOf(figures.reduce((m, f) => m | (f.coverage === null ? 0 : maskOf(f.coverage)), 0));
  const bit = new Map(named.map((c, i) => [c, 1 << i]));
  const everything = (1 << (named.length + 1)) - 1;
  return (f) => (f.coverage === null ? everything : f.coverage.reduce((m, c) => m | bit.get(c)!, 0));
}

function largestSingle(figures: readonly CountInput[]): Packing {
  let result: Packing | null = null;
  for (const f of figures) {
    const candidate: Packing = { value: f.value, rank: RANK[f.precision], campaignMask: f.scope === "CAMPAIGN" ? maskOf(f.coverage) : 0, ids: f.id };
    if (!result || better(candidate, result)) result = candidate;
  }
  return result ?? EMPTY;
}

/**
 * Campaign figures cover every part, so a packing is: campaign figures on disjoint channel sets, plus, for every part
 * on its own, the best packing of its own figures on the channels the campaign figures leave free.
 */
function largestPacking(figures: readonly CountInput[], local: (f: CountInput) => number): Packing {
  const coverageMask = figures.reduce((m, f) => m | local(f), 0);
  const campaign = figures.filter((f) => f.scope === "CAMPAIGN");
  const parts = new Map<string, CountInput[]>();
  for (const f of figures) {
    if (f.scope !== "OWN") continue;
    const list = parts.get(f.part);
    if (list) list.push(f);
    else parts.set(f.part, [f]);
  }
  const ownPackers = [...parts.values()].map((list) => packer(list, false, local));
  const ownMemo = new Map<number, Packing>();
  const ownBest = (mask: number) => {
    let hit = ownMemo.get(mask);
    if (!hit) {
      hit = ownPackers.reduce((acc, best) => join(acc, best(mask)), EMPTY);
      ownMemo.set(mask, hit);
    }
    return hit;
  };
  const campaignMasks = campaign.map(local);
  const memo = new Map<number, Packing>();
  const total = (mask: number): Packing => {
    const hit = memo.get(mask);
    if (hit) return hit;
    let result = ownBest(mask);
    campaign.forEach((f, i) => {
      const m = campaignMasks[i]!;
      if (m === 0 || !subset(m, mask)) return;
      const candidate = join({ value: f.value, rank: RANK[f.precision], campaignMask: maskOf(f.coverage), ids: f.id }, total(mask & ~m));
      if (better(candidate, result)) result = candidate;
    });
    memo.set(mask, result);
    return result;
  };
  return total(coverageMask);
}

/** The per-channel breakdown: on each channel, the figures that cover exactly that channel, by the same rules. */
export function countByChannel(kind: string, figures: readonly CountInput[]): Map<Channel, CountResult> {
  const byChannel = new Map<Channel, CountInput[]>();
  for (const f of figures) {
    if (f.coverage?.length !== 1) continue;
    const channel = f.coverage[0]!;
    const list = byChannel.get(channel);
    if (list) list.push(f);
    else byChannel.set(channel, [f]);
  }
  return new Map(CHANNELS.filter((c) => byChannel.has(c)).map((c) => [c, countFigures(kind, byChannel.get(c)!)]));
}
