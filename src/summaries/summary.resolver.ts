import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { Channel, MetricKind } from "../db/enums.js";
import type { EditionRow } from "../db/schema.js";
import { ChannelEnum, MetricKindEnum } from "../shared/graphql-enums.js";
import { Edition } from "../editions/edition.type.js";
import { ChannelTotal, CountryShare, EditionSummary, MetricChange, MetricTotal, SocietyShare } from "./summary.types.js";
import { coverageOf } from "./figure-use.type.js";
import { editionSummary, ranking, rankingSize, withFiguresOf, type Summary, type TotalRow } from "./summary.service.js";
import { asksFor, fieldsIn } from "../shared/selection.js";

const includePendingArg = { defaultValue: false, description: "Staff only: count SUBMITTED activities and pending changes as if approved." };

function change(row: TotalRow) {
  const c = row.comparison;
  return {
    kind: row.kind,
    channel: row.channel,
    coverage: coverageOf(row.coverage),
    current: { value: row.value, precision: row.precision },
    previous: c.previous,
    previousYear: c.previousYear,
    previousReason: c.reason,
    skippedYears: c.skippedYears,
    ratio: c.ratio,
    ratioPrecision: c.ratioPrecision,
    record: c.record,
    isRecord: c.record === "YES",
  };
}

const withCoverage = (row: TotalRow) => ({ ...row, coverage: coverageOf(row.coverage) });

/**
 * Does a summary's selection need the figures behind its totals (a `figures` field under totals or byChannel, or a
 * ranking)? If not, the summary is computed for its totals only (summary.service.ts, `withFigures`).
 */
function asksForFigures(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    fieldsIn(info, node.selectionSet).some((f) => {
      const name = f.name.value;
      if (name === "bySociety" || name === "byCountry") return true;
      return (name === "totals" || name === "byChannel") && fieldsIn(info, f.selectionSet).some((g) => g.name.value === "figures");
    }),
  );
}

/** The summary's rows, from the summary computed with figures when this field asks for them and `s` has none. */
async function rowsFor(ctx: Context, s: Summary, info: GraphQLResolveInfo): Promise<TotalRow[]> {
  return !s.withFigures && asksFor(info, "figures") ? (await withFiguresOf(ctx, s)).rows : s.rows;
}

@Resolver(() => EditionSummary)
export class SummaryResolver {
  @Query(() => EditionSummary, { nullable: true, description: "The summary of an edition; null for an unknown year." })
  summary(
    @Ctx() ctx: Context,
    @Arg("year", () => Int, { description: "The edition's year." }) year: number,
    @Arg("includePending", () => Boolean, includePendingArg) includePending: boolean,
    @Info() info: GraphQLResolveInfo,
  ) {
    return editionSummary(ctx, year, includePending, asksForFigures(info));
  }

  @FieldResolver(() => [MetricTotal], { description: "One total per kind of figure." })
  async totals(@Root() s: Summary, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await rowsFor(ctx, s, info)).filter((r) => r.channel === null).map(withCoverage);
  }

  @FieldResolver(() => [ChannelTotal], { description: "The totals of one kind of figure per channel." })
  async byChannel(
    @Root() s: Summary,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("kind", () => MetricKindEnum, { description: "The kind of figure." }) kind: MetricKind,
  ) {
    return (await rowsFor(ctx, s, info)).filter((r) => r.kind === kind && r.channel !== null).map(withCoverage);
  }

  @FieldResolver(() => [SocietyShare], {
    description: "Societies ranked by their OWN figures of one kind (largest first), with each one's share of the societies' own sum.",
  })
  async bySociety(
    @Root() s: Summary,
    @Ctx() ctx: Context,
    @Arg("kind", () => MetricKindEnum, { description: "The kind of figure." }) kind: MetricKind,
    @Arg("channel", () => ChannelEnum, { nullable: true, description: "Only figures on this channel; null: all channels (per activity the larger of all-channels and the channel sum)." }) channel: Channel | null,
    @Arg("first", () => Int, { nullable: true, description: "How many societies: 0 to 100, default 10." }) first: number | null,
  ) {
    const n = rankingSize(first);
    const entries = (await ranking(ctx, s, "society", kind, channel ?? null)).slice(0, n);
    return Promise.all(entries.map(async (e) => ({ ...e, society: await ctx.loaders.societyById.load(Number(e.key)) })));
  }

  @FieldResolver(() => [CountryShare], { description: "The societies' OWN figures of one kind by country, largest first." })
  async byCountry(
    @Root() s: Summary,
    @Ctx() ctx: Context,
    @Arg("kind", () => MetricKindEnum, { description: "The kind of figure." }) kind: MetricKind,
    @Arg("channel", () => ChannelEnum, { nullable: true, description: "Only figures on this channel; null: all channels." }) channel: Channel | null,
  ) {
    return (await ranking(ctx, s, "country", kind, channel ?? null)).map((e) => ({ ...e, countryCode: e.key }));
  }

  @FieldResolver(() => [MetricChange], { description: "Each total against the most recent earlier edition with the same figure." })
  changes(@Root() s: Summary) {
    return s.rows.map(change);
  }

  @FieldResolver(() => [MetricChange], { description: "The totals that set an all-time high." })
  records(@Root() s: Summary) {
    return s.rows.map(change).filter((c) => c.record === "YES");
  }
}

@Resolver(() => Edition)
export class EditionSummaryResolver {
  @FieldResolver(() => EditionSummary, { description: "The summary of this edition (see Query.summary)." })
  summary(
    @Root() edition: EditionRow,
    @Ctx() ctx: Context,
    @Arg("includePending", () => Boolean, includePendingArg) includePending: boolean,
    @Info() info: GraphQLResolveInfo,
  ) {
    return editionSummary(ctx, edition.year, includePending, asksForFigures(info));
  }
}
