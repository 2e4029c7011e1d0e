import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { Activity } from "../activities/activity.type.js";
import { Metric } from "../metrics/metric.type.js";
import { Coverage, coverageOf, SummaryFigure } from "./figure-use.type.js";
import type { FigureUse } from "./summary.rows.js";

@Resolver(() => SummaryFigure)
export class SummaryFigureResolver {
  @FieldResolver(() => Coverage, { description: "What it covers." })
  coverage(@Root() figure: FigureUse) {
    return coverageOf(figure.coverage);
  }

  @FieldResolver(() => Activity, { nullable: true, description: "The activity it belongs to (null if the viewer may not see it)." })
  activity(@Root() figure: FigureUse, @Ctx() ctx: Context) {
    return ctx.loaders.activityById.load(figure.activityId);
  }

  @FieldResolver(() => [String], {
    description: "Acronyms of the societies that co-organise its activity with the activity's own society (empty when none); rankings credit each of them.",
  })
  async coOrganisers(@Root() figure: FigureUse, @Ctx() ctx: Context) {
    const found = await ctx.loaders.societyById.loadMany(figure.coOrganiserIds);
    return found.flatMap((s) => (s && !(s instanceof Error) ? [s.acronym] : []));
  }

  @FieldResolver(() => Metric, { nullable: true, description: "The stored figure; null for a figure a pending change proposes (staff preview)." })
  metric(@Root() figure: FigureUse, @Ctx() ctx: Context) {
    return figure.metricId === null ? null : ctx.loaders.metricById.load(figure.metricId);
  }
}
