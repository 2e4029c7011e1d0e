// Edition summaries: computed in SQL (summary.sql.ts), cached per edition and visibility in the app's summary cache
// (ctx.summaries, summary.cache.ts), stamped with the database's data_revision so that every write - on any replica -
// invalidates them before the next read.
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { rowsOf } from "../db/client.js";
import type { Channel, MetricKind, MetricScope, Precision } from "../db/enums.js";
import { dataRevision, editions, type EditionRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { badInput, HubError } from "../shared/errors.js";
import { mapPaced, Pacer } from "../shared/pacer.js";
import { exactNumber, NON_ADDITIVE_KINDS, type Figure } from "./figures.js";
import { coverageOfRow } from "../metrics/metric.coverage.js";
import { maskOf } from "./counting.js";
import { countingFiguresQuery, countsQuery, editionYearsQuery, figureCountQuery, figuresQuery, packedCountingFiguresQuery } from "./summary.sql.js";
import { rankingRows, summaryRows, type CountedFigure, type FigureUse, type SourcedFigure, type TotalRow } from "./summary.rows.js";

export type { TotalRow } from "./summary.rows.js";

export interface Summary {
  year: number;
  theme: string | null;
  includesPending: boolean;
  revision: number;
  participatingSocieties: number;
  countries: number;
  activityCount: number;
  activitiesByKind: Array<{ kind: string; count: number }>;
  /** Per kind (channel null) and per (kind, channel). */
  rows: TotalRow[];
  /** The figures that count, of this edition and the earlier ones (rankings and comparisons are made from them). */
  figures: SourcedFigure[];
  /**
   * False for a summary computed for its totals only (`figures` empty, rows without the figures behind them): what a
   * query that asks for no `figures` and no rankings gets. A 1,000,000-figure edition then ships no provenance and
   * builds no object per figure beyond what counting needs (bench/RESULTS.md, "Fourth pass").
   */
  withFigures: boolean;
}

export interface RankingEntry {
  key: string | null;
  societies: number;
  value: number;
  precision: Figure["precision"];
  share: number | null;
  coReported: boolean;
  figures: FigureUse[];
}

const revisions = new WeakMap<Context, Promise<number>>();

/**
 * The data revision, read once per request, on the primary: a replica's could be behind the cached answer. Through the
 * app's shared reader when there is one (a read that started after the request arrived, shared with its neighbours).
 */
function revisionOf(ctx: Context): Promise<number> {
  let revision = revisions.get(ctx);
  if (!revision) {
    revision =
      ctx.summaries.revisions?.current() ??
      ctx.primary
        .select({ revision: dataRevision.revision })
        .from(dataRevision)
        .then((rows) => rows[0]?.revision ?? 0);
    revisions.set(ctx, revision);
  }
  return revision;
}

function assertPreview(ctx: Context, includePending: boolean) {
  if (includePending) assertCan(ctx.viewer, "summary:preview");
}

function sourcedFigure(r: Record<string, unknown>): SourcedFigure {
  const channels = r.channels as string[] | null;
  const coverage = coverageOfRow({ channel: (r.channel as Channel | null) ?? null, channels: channels as Channel[] | null });
  return {
    year: Number(r.year),
    metricId: r.metric_id === null ? null : Number(r.metric_id),
    activityId: Number(r.activity_id),
    coReported: r.co_reported === true,
    societyId: Number(r.society_id),
    countryCode: (r.country_code as string | null) ?? null,
    coOrganiserIds: ((r.co_organiser_ids as unknown[] | null) ?? []).map(Number),
    coOrganiserCountries: ((r.co_organiser_countries as Array<string | null> | null) ?? []).map((c) => c ?? null),
    kind: r.kind as MetricKind,
    coverage,
    part: Number(r.part_activity_id),
    mask: maskOf(coverage),
    value: exactNumber(r.value)!,
    precision: r.precision as Precision,
    scope: r.scope as MetricScope,
    derived: r.derived === true,
    source: (r.source as string | null) ?? null,
    asOf: (r.as_of as string | null) ?? null,
    window: (r.window as string | null) ?? null,
    note: (r.note as string | null) ?? null,
  };
}

function countedFigure(r: Record<string, unknown>): CountedFigure {
  const coverage = coverageOfRow({ channel: (r.channel as Channel | null) ?? null, channels: (r.channels as Channel[] | null) ?? null });
  return {
    year: Number(r.year),
    part: Number(r.part_activity_id),
    mask: maskOf(coverage),
    kind: r.kind as MetricKind,
    coverage,
    value: exactNumber(r.value)!,
    precision: r.precision as Precision,
    scope: r.scope as MetricScope,
    derived: r.derived === true,
    source: (r.source as string | null) ?? null,
  };
}

/**
 * Could a total of an edition and kind with packed rows (packedCountingFiguresQuery) exceed 2^53 - 1? Packed rows
 * are sums of figures above zero, so the values' absolute sum is that of the figures behind them, and no total is
 * beyond it.
 */
function packedBeyondSafe(rows: readonly Record<string, unknown>[]): boolean {
  const sums = new Map<string, bigint>();
  const packed = new Set<string>();
  for (const r of rows) {
    const key = `${r.year}/${r.kind}`;
    const value = BigInt(String(r.value));
    sums.set(key, (sums.get(key) ?? 0n) + (value < 0n ? -value : value));
    if (r.packed === true) packed.add(key);
  }
  return [...packed].some((key) => sums.get(key)! > BigInt(Number.MAX_SAFE_INTEGER));
}

/**
 * Refuses a summary with the figures behind its totals when it would load more than `max` figures: a 1,000,000-figure
 * edition held that way outgrew the production heap (1 GB) and took the whole hub down, whatever the time budget said
 * (bench/RESULTS.md, "Fifth pass"). Its totals alone (packedCountingFiguresQuery) still answer.
 */
async function assertListable(db: Db, year: number, includePending: boolean, max: number): Promise<void> {
  const [row] = rowsOf<{ n: number }>(await db.execute(figureCountQuery(year, includePending)));
  const actual = Number(row?.n ?? 0);
  if (actual <= max) return;
  throw new HubError(
    "QUERY_TOO_COMPLEX",
    `The summary of ${year} rests on ${actual} figures, more than the ${max} (HUB_SUMMARY_MAX_FIGURES) whose figures can be listed or ranked in one answer; ask for its totals without \`figures\`, \`bySociety\` or \`byCountry\`.`,
    { limit: "summaryFigures", max, actual, http: { status: 400 } },
  );
}

/**
 * Figures read or counted between two pauses for the event loop. With it the bench's 180,000-figure summary kept
 * other requests waiting at most 0.29–0.34 s instead of 1.2–1.3 s, for 1–3% more time of its own (bench/RESULTS.md,
 * "Sixth pass").
 */
const SUMMARY_PACE = 5_000;

async function compute(db: Db, edition: EditionRow, includePending: boolean, revision: number, withFigures: boolean, maxFigures: number): Promise<Summary> {
  if (withFigures) await assertListable(db, edition.year, includePending, maxFigures);
  const [figureRows, counts, years] = await Promise.all([
    db.execute(withFigures ? figuresQuery(edition.year, includePending) : packedCountingFiguresQuery(edition.year)),
    db.execute(countsQuery(edition.id, includePending)),
    db.execute(editionYearsQuery(edition.year)),
  ]);
  let raw = rowsOf<Record<string, unknown>>(figureRows);
  // A packed sum beyond 2^53 - 1: counted from a row per figure, whose total the error then names (as it always did).
  if (!withFigures && packedBeyondSafe(raw)) raw = rowsOf<Record<string, unknown>>(await db.execute(countingFiguresQuery(edition.year)));
  // Read into figures and counted in pieces (SUMMARY_PACE figures each), so that a large summary does not hold the
  // other requests (and its own time budget) for seconds.
  const pacer = new Pacer(SUMMARY_PACE);
  const figures = await mapPaced<Record<string, unknown>, CountedFigure>(raw, withFigures ? sourcedFigure : countedFigure, pacer);
  const editionYears = rowsOf<{ year: number }>(years).map((r) => Number(r.year));
  const countRows = rowsOf<{ kind: string | null; activities: number; societies: number; countries: number }>(counts);
  const all = countRows.find((r) => r.kind === null);
  return {
    year: edition.year,
    theme: edition.theme,
    includesPending: includePending,
    revision,
    participatingSocieties: all?.societies ?? 0,
    countries: all?.countries ?? 0,
    activityCount: all?.activities ?? 0,
    activitiesByKind: countRows.filter((r) => r.kind !== null).map((r) => ({ kind: r.kind!, count: r.activities })),
    rows: await summaryRows(figures, edition.year, editionYears, withFigures, pacer),
    figures: withFigures ? (figures as SourcedFigure[]) : [],
    withFigures,
  };
}

async function editionOf(ctx: Context, year: number): Promise<EditionRow | null> {
  if (!Number.isInteger(year) || year < 0 || year > 100_000) return null;
  const [row] = await ctx.primary.select().from(editions).where(eq(editions.year, year)).limit(1);
  return row ?? null;
}

/**
 * The summary of an edition, or null for an unknown year. `withFigures` false: its totals only (no figures behind
 * them, no rankings), for a query that asks for nothing more; staff's preview is always computed in full.
 */
export async function editionSummary(ctx: Context, year: number, includePending: boolean, withFigures = true): Promise<Summary | null> {
  assertPreview(ctx, includePending);
  const revision = await revisionOf(ctx);
  const fullKey = `summary:${year}:${includePending ? "preview" : "public"}`;
  // A summary with figures answers for its totals too: taken when cached, so that one computed for rankings keeps
  // serving (and keeps its place in the cache for) the callers of the totals.
  const full = withFigures || includePending || ctx.summaries.has(fullKey, revision);
  const key = full ? fullKey : `${fullKey}:totals`;
  const summary = await ctx.summaries.get(key, revision, async () => {
    const edition = await editionOf(ctx, year);
    // Computed on the primary too, so that what is cached under a revision is the data of that revision.
    return edition ? compute(ctx.primary, edition, includePending, revision, full, ctx.summaries.maxFigures) : null;
  });
  return summary;
}

/** The summary itself when it has the figures behind its totals, else the same summary computed with them. */
export async function withFiguresOf(ctx: Context, summary: Summary): Promise<Summary> {
  if (summary.withFigures) return summary;
  const full = await editionSummary(ctx, summary.year, summary.includesPending, true);
  if (!full) throw new Error(`the summary of ${summary.year} is gone`);
  return full;
}

export const MAX_RANKING = 100;

/** OWN figures of one kind (and channel) ranked by society or grouped by country, with shares of the own sum. */
export async function ranking(
  ctx: Context,
  summary: Summary,
  by: "society" | "country",
  kind: MetricKind,
  channel: Channel | null,
): Promise<RankingEntry[]> {
  const key = `ranking:${summary.year}:${summary.includesPending}:${by}:${kind}:${channel}`;
  const full = await withFiguresOf(ctx, summary);
  return ctx.summaries.get(key, full.revision, async () => {
    const additive = !(NON_ADDITIVE_KINDS as readonly string[]).includes(kind);
    return rankingRows(full.figures, full.year, kind, channel, by).map((r) => ({
      key: r.key,
      societies: r.societies,
      value: r.value,
      precision: r.precision,
      share: additive && r.total > 0 ? r.value / r.total : null,
      coReported: r.coReported,
      figures: r.figures,
    }));
  });
}

export function rankingSize(first: number | null | undefined): number {
  const n = first ?? 10;
  if (!Number.isInteger(n) || n < 0 || n > MAX_RANKING) throw badInput(`first must be a whole number from 0 to ${MAX_RANKING}; got ${first}`, "first");
  return n;
}

