// Edition summaries: computed in SQL (summary.sql.ts), cached per edition and visibility in the app's summary cache
// (ctx.summaries, summary.cache.ts), stamped with the database's data_revision so that every write - on any replica -
// invalidates them before the next read.
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { rowsOf } from "../db/client.js";
import type { Channel, MetricKind } from "../db/enums.js";
import { dataRevision, editions, type EditionRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { badInput } from "../shared/errors.js";
import { exactNumber, figure, NON_ADDITIVE_KINDS, precisionOf, type Figure } from "./figures.js";
import { countsQuery, rankingQuery, totalsQuery } from "./summary.sql.js";

export interface TotalRow {
  kind: MetricKind;
  channel: Channel | null;
  value: number;
  precision: Figure["precision"];
  campaignWide: Figure | null;
  societiesOwn: Figure | null;
  previous: Figure | null;
  previousYear: number | null;
  priorBest: number | null;
}

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
}

export interface RankingEntry {
  key: string | null;
  societies: number;
  value: number;
  precision: Figure["precision"];
  share: number | null;
}

const revisions = new WeakMap<Context, Promise<number>>();

/** The data revision, read once per request, on the primary: a replica's could be behind the cached answer. */
function revisionOf(ctx: Context): Promise<number> {
  let revision = revisions.get(ctx);
  if (!revision) {
    revision = ctx.primary
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

async function compute(db: Db, edition: EditionRow, includePending: boolean, revision: number): Promise<Summary> {
  const [totals, counts] = await Promise.all([
    db.execute(totalsQuery(edition.year, includePending)),
    db.execute(countsQuery(edition.id, includePending)),
  ]);
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
    rows: rowsOf<Record<string, unknown>>(totals).map((r) => ({
      kind: r.kind as MetricKind,
      channel: (r.channel as Channel | null) ?? null,
      value: exactNumber(r.total_v)!,
      precision: precisionOf(r.total_p),
      campaignWide: figure(r.camp_v, r.camp_p),
      societiesOwn: figure(r.own_v, r.own_p),
      previous: figure(r.prev_v, r.prev_p),
      previousYear: r.prev_year === null ? null : Number(r.prev_year),
      priorBest: exactNumber(r.prior_max),
    })),
  };
}

async function editionOf(ctx: Context, year: number): Promise<EditionRow | null> {
  if (!Number.isInteger(year) || year < 0 || year > 100_000) return null;
  const [row] = await ctx.primary.select().from(editions).where(eq(editions.year, year)).limit(1);
  return row ?? null;
}

/** The summary of an edition, or null for an unknown year. */
export async function editionSummary(ctx: Context, year: number, includePending: boolean): Promise<Summary | null> {
  assertPreview(ctx, includePending);
  const revision = await revisionOf(ctx);
  const key = `summary:${year}:${includePending ? "preview" : "public"}`;
  const summary = await ctx.summaries.get(key, revision, async () => {
    const edition = await editionOf(ctx, year);
    // Computed on the primary too, so that what is cached under a revision is the data of that revision.
    return edition ? compute(ctx.primary, edition, includePending, revision) : null;
  });
  return summary;
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
  return ctx.summaries.get(key, summary.revision, async () => {
    const rows = rowsOf<{ key: string | null; societies: number; value: string; prank: number; total: string }>(
      await ctx.primary.execute(rankingQuery(summary.year, summary.includesPending, kind, channel, by)),
    );
    const additive = !(NON_ADDITIVE_KINDS as readonly string[]).includes(kind);
    return rows.map((r) => {
      const value = exactNumber(r.value)!;
      const total = exactNumber(r.total)!;
      return {
        key: r.key,
        societies: Number(r.societies),
        value,
        precision: precisionOf(r.prank),
        share: additive && total > 0 ? value / total : null,
      };
    });
  });
}

export function rankingSize(first: number | null | undefined): number {
  const n = first ?? 10;
  if (!Number.isInteger(n) || n < 0 || n > MAX_RANKING) throw badInput(`first must be a whole number from 0 to ${MAX_RANKING}; got ${first}`, "first");
  return n;
}

