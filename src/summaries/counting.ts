// The counting rules of edition totals, as one pure function (no database, no GraphQL), so that the rules are written
// once, tested by properties (tests/counting.property.test.ts) and applied the same way by summaries and rankings.
//
// A figure covers a region: a part of the campaign (CAMPAIGN scope: all of it; OWN scope: one activity, or the
// activity it was marked the same as) times a set of channels (one, a named set, or everything). The rules:
//   1. figures whose regions are disjoint add up;
//   2. of figures whose regions overlap, the larger side counts (an all-channels figure or the sum of the channel
//      figures it contains, a campaign-wide figure or the societies' own sum, two sources of one figure): the total is
//      the largest sum of pairwise disjoint figures (the "counted" figures);
//   3. non-additive kinds (societies, countries, languages) are never summed: the largest single figure counts;
//   4. precision: ESTIMATE if a counted figure is an estimate; otherwise AT_LEAST if a counted figure is a lower bound
//      or some figure covers ground the counted ones do not (a campaign-wide "more than 2,000" beside an own sum of
//      2,500 makes "at least 2,500"); EXACT only when exact figures cover everything measured; and ESTIMATE when two
//      sources of the same region disagree (exact 58 against exact 57), since the hub cannot say which is right.
// Every figure leaves with a role: COUNTED (in the total), CONTAINED (inside a counted figure's region) or SET_ASIDE
// (an overlapping figure that lost: a smaller alternative or a partly overlapping one).
import { CHANNELS, type Channel, type MetricScope, type Precision } from "../db/enums.js";

export const NON_ADDITIVE = new Set(["PARTICIPATING_SOCIETIES", "COUNTRIES", "LANGUAGES"]);

export const FULL_MASK = (1 << CHANNELS.length) - 1;
const BIT = new Map<Channel, number>(CHANNELS.map((c, i) => [c, 1 << i]));

export type FigureRole = "COUNTED" | "CONTAINED" | "SET_ASIDE";

/** What counting reads of a figure (countIndexed); CountInput adds the id countFigures keys roles by. */
export interface CountItem {
  /** OWN figures: the region's part (an activity, or the activity it was marked the same as). Ignored for CAMPAIGN. */
  part: string | number;
  scope: MetricScope;
  /** null: every channel. */
  coverage: readonly Channel[] | null;
  value: number;
  precision: Precision;
  /** maskOf(coverage), when the caller keeps it (a summary counts each figure several times). */
  mask?: number;
}

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
const partOf = (f: CountItem) => (f.scope === "CAMPAIGN" ? null : f.part);

/** Does f's region (channel mask fm) lie inside g's (gm)? */
function within(f: CountItem, fm: number, g: CountItem, gm: number): boolean {
  if (!subset(fm, gm)) return false;
  return g.scope === "CAMPAIGN" || partOf(f) === partOf(g);
}

/** Two figures of one region whose bounds exclude each other (an estimate excludes nothing). */
function disagree(a: CountItem, b: CountItem): boolean {
  if (a.precision === "ESTIMATE" || b.precision === "ESTIMATE") return false;
  const hi = (f: CountItem) => (f.precision === "EXACT" ? f.value : Infinity);
  return Math.max(a.value, b.value) > Math.min(hi(a), hi(b));
}

/** The figures a packing takes (their indices in the call's input), as a tree joined in constant time (a flat array
 * copied on every join made the search quadratic in the number of activities); flattened once, by `chosenOf`. */
type Picks = null | number | readonly [Picks, Picks];

interface Packing {
  value: number;
  rank: number;
  campaignMask: number;
  ids: Picks;
}

const EMPTY: Packing = { value: 0, rank: 0, campaignMask: 0, ids: null };

function chosenOf(picks: Picks, n: number): Uint8Array {
  const out = new Uint8Array(n);
  const stack: Picks[] = [picks];
  while (stack.length) {
    const p = stack.pop()!;
    if (p === null) continue;
    if (typeof p === "number") out[p] = 1;
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

/** What the search needs of the inputs, computed once per call (masks and ranks as arrays, by input index). */
interface Prepared {
  figures: readonly CountItem[];
  /** Channel masks over all channels. */
  masks: Int32Array;
  /** Compressed channel masks (see `compress`). */
  local: Int32Array;
  ranks: Uint8Array;
  /** The OWN figures' indices by part, in input order. */
  parts: Map<string | number, number[]>;
}

/**
 * The best packing of pairwise disjoint figures of one part within a channel mask (memoised subset search). The mask
 * is first cut down to what can matter, which leaves the result as it was: a bit no figure of the part covers changes
 * nothing, and an all-channels figure (the compressed `everything`) can only be taken when the mask is everything, so
 * below that only the part's other figures' channels count. A part's memo then holds a handful of masks, not one per
 * mask the campaign-wide figures leave free.
 */
function packer(p: Prepared, indices: readonly number[], everything: number): (mask: number) => Packing {
  const ownMasks = indices.map((i) => p.local[i]!);
  const union = ownMasks.reduce((m, x) => m | x, 0);
  const narrow = ownMasks.reduce((m, x) => (x === everything ? m : m | x), 0);
  const memo = new Map<number, Packing>();
  const best = (whole: number): Packing => {
    const mask = whole === everything ? whole & union : whole & narrow;
    const hit = memo.get(mask);
    if (hit) return hit;
    let result = EMPTY;
    const low = mask & -mask;
    if (low !== 0) {
      // Either the lowest channel stays uncovered by this part, or one figure that contains it is taken.
      result = best(mask & ~low);
      for (let k = 0; k < indices.length; k++) {
        const m = ownMasks[k]!;
        if ((m & low) === 0 || !subset(m, mask)) continue;
        const i = indices[k]!;
        const own: Packing = { value: p.figures[i]!.value, rank: p.ranks[i]!, campaignMask: 0, ids: i };
        const candidate = join(own, best(mask & ~m));
        if (better(candidate, result)) result = candidate;
      }
    }
    memo.set(mask, result);
    return result;
  };
  return best;
}

/** The total of one kind of figure in one edition (or on one channel) under the rules above. */
export function countFigures(kind: string, figures: readonly CountInput[]): CountResult {
  const counted = countIndexed(kind, figures);
  const roles = new Map<string, FigureRole>();
  figures.forEach((f, i) => roles.set(f.id, counted.roles[i]!));
  return { value: counted.value, precision: counted.precision, roles, complete: counted.complete, sourcesDisagree: counted.sourcesDisagree, coverageMask: counted.coverageMask };
}

/** countFigures with the roles as an array in the order of the inputs (ids are not read): what summaries use. */
export interface IndexedCount extends Omit<CountResult, "roles"> {
  roles: FigureRole[];
}

export function countIndexed(kind: string, figures: readonly CountItem[]): IndexedCount {
  const n = figures.length;
  const masks = new Int32Array(n);
  const ranks = new Uint8Array(n);
  let coverageMask = 0;
  let named = 0;
  for (let i = 0; i < n; i++) {
    const f = figures[i]!;
    masks[i] = f.mask ?? maskOf(f.coverage);
    ranks[i] = RANK[f.precision];
    coverageMask |= masks[i]!;
    if (f.coverage !== null) named |= masks[i]!;
  }
  const everything = (1 << (popcount(named) + 1)) - 1;
  const parts = new Map<string | number, number[]>();
  for (let i = 0; i < n; i++) {
    const f = figures[i]!;
    if (f.scope === "CAMPAIGN") continue;
    const list = parts.get(f.part);
    if (list) list.push(i);
    else parts.set(f.part, [i]);
  }
  const p: Prepared = { figures, masks, local: compress(figures, masks, named), ranks, parts };
  const packing = NON_ADDITIVE.has(kind) ? largestSingle(p) : largestPacking(p, everything);
  return rolesOf(p, packing, chosenOf(packing.ids, n), coverageMask);
}

/** Roles, completeness, disagreement and precision of a chosen set of figures. */
function rolesOf(p: Prepared, packing: Packing, chosen: Uint8Array, coverageMask: number): IndexedCount {
  const { figures, masks } = p;
  // The counted figures a figure can lie inside: campaign-wide ones, and the own ones of its part (indexed, so that
  // the roles take linear time, not a scan of every counted figure per figure).
  const countedCampaign: number[] = [];
  for (let i = 0; i < figures.length; i++) if (chosen[i] && figures[i]!.scope === "CAMPAIGN") countedCampaign.push(i);
  const roles: FigureRole[] = new Array(figures.length);
  let complete = true;
  let sourcesDisagree = false;
  const campaignMask = countedCampaign.reduce((m, i) => m | masks[i]!, 0);
  const NONE: number[] = [];
  for (let i = 0; i < figures.length; i++) {
    if (chosen[i]) {
      roles[i] = "COUNTED";
      continue;
    }
    const f = figures[i]!;
    const mask = masks[i]!;
    const own = f.scope === "OWN";
    // The part's figures, of which only the counted ones are read below.
    const ownPart = own ? (p.parts.get(f.part) ?? NONE) : NONE;
    let ownMask = 0;
    for (const j of ownPart) if (chosen[j]) ownMask |= masks[j]!;
    const inside = subset(mask, campaignMask) || (own && subset(mask, campaignMask | ownMask));
    if (!inside) complete = false;
    // Only a campaign-wide figure or an own figure of the same part can contain f (within() says so).
    let container = false;
    for (let k = 0; k < countedCampaign.length + ownPart.length; k++) {
      const j = k < countedCampaign.length ? countedCampaign[k]! : ownPart[k - countedCampaign.length]!;
      if (!chosen[j]) continue;
      const g = figures[j]!;
      if (!within(f, mask, g, masks[j]!)) continue;
      if (!within(g, masks[j]!, f, mask)) container = true;
      else if (disagree(f, g)) sourcesDisagree = true;
    }
    const underCampaign = own && subset(mask, campaignMask);
    roles[i] = container || underCampaign ? "CONTAINED" : "SET_ASIDE";
  }
  let rank = packing.rank;
  if (rank < RANK.AT_LEAST && !complete) rank = RANK.AT_LEAST;
  if (sourcesDisagree) rank = RANK.ESTIMATE;
  return { value: packing.value, precision: BY_RANK[rank]!, roles, complete, sourcesDisagree, coverageMask };
}

/**
 * Channel masks for the search, over the channels the figures name plus one bit for "every other channel": the search
 * visits subsets of these few bits instead of all 2^11 channel sets.
 */
function compress(figures: readonly CountItem[], masks: Int32Array, namedMask: number): Int32Array {
  const named = channelsOf(namedMask);
  const bit = new Map(named.map((c, i) => [c, 1 << i]));
  const everything = (1 << (named.length + 1)) - 1;
  const out = new Int32Array(figures.length);
  // A figure's compressed mask follows from its channel mask; most figures share a few.
  const seen = new Map<number, number>();
  figures.forEach((f, i) => {
    if (f.coverage === null) {
      out[i] = everything;
      return;
    }
    let local = seen.get(masks[i]!);
    if (local === undefined) {
      local = f.coverage.reduce((m, c) => m | bit.get(c)!, 0);
      seen.set(masks[i]!, local);
    }
    out[i] = local;
  });
  return out;
}

function largestSingle(p: Prepared): Packing {
  let result: Packing | null = null;
  p.figures.forEach((f, i) => {
    const candidate: Packing = { value: f.value, rank: p.ranks[i]!, campaignMask: f.scope === "CAMPAIGN" ? p.masks[i]! : 0, ids: i };
    if (!result || better(candidate, result)) result = candidate;
  });
  return result ?? EMPTY;
}

/**
 * Campaign figures cover every part, so a packing is: campaign figures on disjoint channel sets, plus, for every part
 * on its own, the best packing of its own figures on the channels the campaign figures leave free.
 *
 * The search asks the parts for many channel masks (every set the campaign-wide figures leave free), so two shortcuts
 * keep it from visiting every part for every mask, both giving exactly what the plain search gives
 * (tests/counting.property.test.ts compares them):
 *  - a part whose figures other than all-channels ones are on one channel each, no two on the same channel (the common
 *    shape: an all-channels figure and its channels), takes within any mask short of everything exactly its figures
 *    above zero on the mask's channels (taking one adds value, and nothing else competes for its channel); so below
 *    everything such parts are added up per channel once, and only the other parts are searched;
 *  - of campaign-wide figures on the same channels, only the first of each precision among the largest can win (a
 *    smaller one loses to them, a later equal one ties and the earlier stays).
 */
function largestPacking(p: Prepared, everything: number): Packing {
  const { figures, local } = p;
  let coverageMask = 0;
  const campaignAll: number[] = [];
  figures.forEach((f, i) => {
    coverageMask |= local[i]!;
    if (f.scope === "CAMPAIGN") campaignAll.push(i);
  });
  const parts = p.parts;
  const campaign = contenders(p, campaignAll);
  // Per compressed channel bit, the figures above zero of the parts of the common shape: all of them (used below
  // everything), and those of parts without an all-channels figure (used at everything, where the others are searched).
  const bits = 31 - Math.clz32(everything) + 1;
  const byBit: Packing[] = new Array(bits).fill(EMPTY);
  const byBitPlain: Packing[] = new Array(bits).fill(EMPTY);
  const searched: Array<(mask: number) => Packing> = [];
  const searchedAtEverything: Array<(mask: number) => Packing> = [];
  for (const indices of parts.values()) {
    let seen = 0;
    let plain = true;
    let hasAll = false;
    for (const i of indices) {
      const m = local[i]!;
      if (m === everything) hasAll = true;
      else if (m !== 0 && (m & (m - 1)) === 0 && (seen & m) === 0) seen |= m;
      else plain = false;
    }
    if (!plain) {
      searched.push(packer(p, indices, everything));
      continue;
    }
    if (hasAll) searchedAtEverything.push(packer(p, indices, everything));
    for (const i of indices) {
      const m = local[i]!;
      if (m === everything || figures[i]!.value <= 0) continue;
      const bit = 31 - Math.clz32(m);
      const own: Packing = { value: figures[i]!.value, rank: p.ranks[i]!, campaignMask: 0, ids: i };
      byBit[bit] = join(byBit[bit]!, own);
      if (!hasAll) byBitPlain[bit] = join(byBitPlain[bit]!, own);
    }
  }
  const ownMemo = new Map<number, Packing>();
  const ownBest = (mask: number) => {
    let hit = ownMemo.get(mask);
    if (!hit) {
      const atEverything = mask === everything;
      const table = atEverything ? byBitPlain : byBit;
      hit = EMPTY;
      for (let bit = 0; bit < bits; bit++) if (mask & (1 << bit)) hit = join(hit, table[bit]!);
      for (const best of searched) hit = join(hit, best(mask));
      if (atEverything) for (const best of searchedAtEverything) hit = join(hit, best(mask));
      ownMemo.set(mask, hit);
    }
    return hit;
  };
  const memo = new Map<number, Packing>();
  const total = (mask: number): Packing => {
    const hit = memo.get(mask);
    if (hit) return hit;
    let result = ownBest(mask);
    for (const i of campaign) {
      const m = local[i]!;
      if (m === 0 || !subset(m, mask)) continue;
      const candidate = join({ value: figures[i]!.value, rank: p.ranks[i]!, campaignMask: p.masks[i]!, ids: i }, total(mask & ~m));
      if (better(candidate, result)) result = candidate;
    }
    memo.set(mask, result);
    return result;
  };
  return total(coverageMask);
}

/**
 * The campaign-wide figures that can win somewhere in the search, in their order. Two on the same (compressed)
 * channels meet the same rest, so a smaller one always loses, and of equal ones with the same precision the earlier
 * stays; equal ones of different precisions are all kept (which wins depends on the rest's precision).
 */
function contenders(p: Prepared, indices: readonly number[]): number[] {
  const top = new Map<number, number>();
  for (const i of indices) {
    const m = p.local[i]!;
    top.set(m, Math.max(top.get(m) ?? -Infinity, p.figures[i]!.value));
  }
  const taken = new Set<string>();
  return indices.filter((i) => {
    const m = p.local[i]!;
    if (p.figures[i]!.value !== top.get(m)) return false;
    const key = `${m}/${p.ranks[i]}`;
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  });
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
