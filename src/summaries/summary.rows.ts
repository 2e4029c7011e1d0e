// From the figures that count (summary.sql.ts) to a summary's rows: one per kind and one per kind and channel, each
// with the figures behind it (their role, source, asOf, window and note) and its comparison with earlier editions.
// Pure: the database path and the tests apply the same rules (counting.ts, comparison.ts).
import { CHANNELS, type Channel, type MetricKind, type MetricScope, type Precision } from "../db/enums.js";
import { compare, type Comparable, type Comparison } from "./comparison.js";
import { channelsOf, countIndexed, FULL_MASK, type FigureRole, type IndexedCount } from "./counting.js";
import type { Figure } from "./figures.js";
import { HubError } from "../shared/errors.js";
import { Pacer } from "../shared/pacer.js";

export interface SourcedFigure {
  year: number;
  /** null for a figure a pending change proposes (staff preview). */
  metricId: number | null;
  activityId: number;
  /**
   * The activity whose ground the figure measures: its own, or that of the figure staff marked it the same as. Named
   * as counting reads it (counting.ts, CountItem: the figures go to the rules as they are).
   */
  part: number;
  /** maskOf(coverage), kept: each figure is counted several times (its kind's total and channel, the own sum). */
  mask: number;
  /** Marked the same as another society's figure, or another's is marked the same as it. */
  coReported: boolean;
  societyId: number;
  countryCode: string | null;
  /** Societies co-organising the activity with its own, and their countries (same order): rankings credit each. */
  coOrganiserIds: number[];
  coOrganiserCountries: Array<string | null>;
  kind: MetricKind;
  /** null: every channel. */
  coverage: Channel[] | null;
  value: number;
  precision: Precision;
  scope: MetricScope;
  derived: boolean;
  source: string | null;
  asOf: string | null;
  window: string | null;
  note: string | null;
}

export interface FigureUse extends SourcedFigure {
  role: FigureRole;
}

/**
 * What the totals (without the figures behind them) read of a figure. A summary asked without `figures` or rankings
 * is computed from these alone (summary.sql.ts, `packedCountingFiguresQuery`: a row may stand for a group of parts of
 * the common shape), where `source` only says whether there is one.
 */
export type CountedFigure = Pick<SourcedFigure, "year" | "part" | "mask" | "kind" | "coverage" | "value" | "precision" | "scope" | "derived" | "source">;

export interface TotalRow {
  kind: MetricKind;
  /** The channel of a per-channel row; null for the kind's edition total. */
  channel: Channel | null;
  /** The channels the counted figures cover; null: every channel. */
  coverage: Channel[] | null;
  value: number;
  precision: Precision;
  campaignWide: Figure | null;
  societiesOwn: Figure | null;
  /** Absent in a summary computed without the figures behind its totals (see CountedFigure). */
  figures?: FigureUse[];
  sourcesDisagree: boolean;
  unsourced: boolean;
  comparison: Comparison;
}

/** A sum beyond 2^53 - 1 is refused, never rounded: the exact sum (BigInt) goes into the message. */
function assertSafe(value: number, list: readonly CountedFigure[], roles: readonly FigureRole[]) {
  if (Number.isSafeInteger(value)) return;
  const exact = list.reduce((sum, f, i) => (roles[i] === "COUNTED" ? sum + BigInt(f.value) : sum), 0n);
  throw new HubError("RESULT_OUT_OF_RANGE", `A total (${exact}) exceeds 9007199254740991 and cannot be returned exactly.`);
}

function counted(kind: string, list: readonly CountedFigure[]): IndexedCount {
  const result = countIndexed(kind, list);
  assertSafe(result.value, list, result.roles);
  return result;
}

function usesOf<F extends CountedFigure>(list: readonly F[], result: IndexedCount): Array<F & { role: FigureRole }> {
  return list.map((f, i) => ({ ...f, role: result.roles[i]! }));
}

function partial(kind: string, list: readonly CountedFigure[]): Figure | null {
  if (list.length === 0) return null;
  const { value, precision } = counted(kind, list);
  return { value, precision };
}

function comparable(year: number, result: IndexedCount, inTotal: readonly CountedFigure[]): Comparable {
  const scopes = new Set(inTotal.map((u) => u.scope));
  return {
    year,
    value: result.value,
    precision: result.precision,
    scope: scopes.size === 1 ? [...scopes][0]! : "MIXED",
    coverageMask: inTotal.reduce((m, u) => m | u.mask, 0),
    derived: inTotal.some((u) => u.derived),
    sourcesDisagree: result.sourcesDisagree,
  };
}

interface Built {
  /** null for an earlier edition: only its comparable is used. */
  row: Omit<TotalRow, "comparison"> | null;
  comparable: Comparable;
}

/**
 * A row of the edition summarised (`detailed`), or only what an earlier edition's row is compared by; with the
 * figures behind it when `withFigures` (then `list` holds SourcedFigures).
 */
function build(year: number, kind: MetricKind, channel: Channel | null, list: readonly CountedFigure[], detailed: boolean, withFigures: boolean): Built {
  const result = counted(kind, list);
  const inTotal = list.filter((_f, i) => result.roles[i] === "COUNTED");
  if (!detailed) return { row: null, comparable: comparable(year, result, inTotal) };
  const coverageMask = inTotal.reduce((m, u) => m | u.mask, 0);
  const campaign = list.filter((f) => f.scope === "CAMPAIGN");
  // Without campaign-wide figures the societies' own are the whole list, whose count is the one just made.
  const own = campaign.length === 0 ? list : list.filter((f) => f.scope === "OWN");
  const campaignWide = partial(kind, campaign);
  const societiesOwn = own === list ? (list.length ? { value: result.value, precision: result.precision } : null) : partial(kind, own);
  return {
    row: {
      kind,
      channel,
      coverage: coverageMask === FULL_MASK ? null : channelsOf(coverageMask),
      value: result.value,
      precision: result.precision,
      campaignWide,
      societiesOwn,
      ...(withFigures ? { figures: usesOf(list as readonly SourcedFigure[], result) } : {}),
      sourcesDisagree: result.sourcesDisagree,
      unsourced: list.some((f) => !f.source),
    },
    comparable: comparable(year, result, inTotal),
  };
}

/**
 * Every edition's rows up to `year`, keyed by "kind/channel", then the rows of `year` with their comparisons. Counted
 * one list at a time (an edition's kind, or kind and channel), pausing for the event loop as `pacer` says (a unit per
 * figure counted): a list is counted in one piece, the lists of a large summary are not.
 */
export async function summaryRows(
  figures: readonly CountedFigure[],
  year: number,
  editionYears: readonly number[],
  withFigures = true,
  pacer = new Pacer(Number.POSITIVE_INFINITY),
): Promise<TotalRow[]> {
  const byYearKind = new Map<string, CountedFigure[]>();
  for (const f of figures) {
    const key = `${f.year}/${f.kind}`;
    const list = byYearKind.get(key);
    if (list) list.push(f);
    else byYearKind.set(key, [f]);
  }
  const series = new Map<string, Built[]>();
  const add = (key: string, built: Built) => {
    const list = series.get(key);
    if (list) list.push(built);
    else series.set(key, [built]);
  };
  for (const [key, list] of byYearKind) {
    const [y, kind] = key.split("/") as [string, MetricKind];
    const detailed = Number(y) === year;
    add(`${kind}/`, build(Number(y), kind, null, list, detailed, withFigures));
    if (pacer.due(list.length)) await pacer.pause();
    // A row per channel that figures cover exactly (countByChannel's channels, in its order).
    const byChannel = new Map<Channel, CountedFigure[]>();
    for (const f of list) {
      if (f.coverage?.length !== 1) continue;
      const channelList = byChannel.get(f.coverage[0]!);
      if (channelList) channelList.push(f);
      else byChannel.set(f.coverage[0]!, [f]);
    }
    for (const channel of CHANNELS) {
      const channelList = byChannel.get(channel);
      if (!channelList) continue;
      add(`${kind}/${channel}`, build(Number(y), kind, channel, channelList, detailed, withFigures));
      if (pacer.due(channelList.length)) await pacer.pause();
    }
  }
  const rows: TotalRow[] = [];
  for (const builts of series.values()) {
    const current = builts.find((b) => b.comparable.year === year);
    if (!current?.row) continue;
    const earlier = builts.filter((b) => b.comparable.year < year).map((b) => b.comparable);
    rows.push({ ...current.row, comparison: compare(current.comparable, earlier, editionYears) });
  }
  return rows.sort((a, b) => a.kind.localeCompare(b.kind) || (a.channel ?? "").localeCompare(b.channel ?? ""));
}

/** A ranking's rows: the OWN figures of one kind (and channel) of `year`, grouped by society or by country. */
export function rankingRows(
  figures: readonly SourcedFigure[],
  year: number,
  kind: MetricKind,
  channel: Channel | null,
  by: "society" | "country",
): Array<{ key: string | null; societies: number; value: number; precision: Precision; total: number; coReported: boolean; figures: FigureUse[] }> {
  const own = figures.filter(
    (f) => f.year === year && f.kind === kind && f.scope === "OWN" && (channel === null || (f.coverage?.length === 1 && f.coverage[0] === channel)),
  );
  const total = own.length ? counted(kind, own).value : 0;
  // A co-organised activity's figure is credited to each organiser (once per society, once per country), so such rows
  // add up to more than the total, which counts it once; coReported says so.
  const groups = new Map<string | null, Array<{ figure: SourcedFigure; society: number }>>();
  for (const f of own) {
    const organisers = [{ society: f.societyId, country: f.countryCode }, ...f.coOrganiserIds.map((id, i) => ({ society: id, country: f.coOrganiserCountries[i] ?? null }))];
    const credited = new Set<string | null>();
    for (const o of organisers) {
      const key = by === "society" ? String(o.society) : o.country;
      if (credited.has(key)) continue;
      credited.add(key);
      const group = groups.get(key);
      if (group) group.push({ figure: f, society: o.society });
      else groups.set(key, [{ figure: f, society: o.society }]);
    }
  }
  return [...groups.entries()]
    .map(([key, entries]) => {
      const list = entries.map((e) => e.figure);
      const result = counted(kind, list);
      const uses = usesOf(list, result);
      const coReported = uses.some((u) => u.coReported && u.role === "COUNTED");
      const societies = new Set(by === "society" ? entries.map((e) => e.society) : own.flatMap((f) => organisersIn(f, key)));
      return { key, societies: societies.size, value: result.value, precision: result.precision, total, coReported, figures: uses };
    })
    .sort((a, b) => b.value - a.value || String(a.key).localeCompare(String(b.key)));
}

/** The organisers of a figure's activity (lead and co-organisers) in one country. */
function organisersIn(f: SourcedFigure, country: string | null): number[] {
  const all = [{ id: f.societyId, country: f.countryCode }, ...f.coOrganiserIds.map((id, i) => ({ id, country: f.coOrganiserCountries[i] ?? null }))];
  return all.filter((o) => o.country === country).map((o) => o.id);
}
