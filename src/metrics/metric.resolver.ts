import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { MetricRow } from "../db/schema.js";
import { toGlobalId } from "../shared/global-id.js";
import { Activity } from "../activities/activity.type.js";
import { Metric } from "./metric.type.js";
import { Coverage, coverageOf } from "../summaries/figure-use.type.js";
import { coverageOfRow } from "./metric.coverage.js";

@Resolver(() => Metric)
export class MetricResolver {
  @FieldResolver(() => ID, { description: "Opaque global ID of the metric." })
  id(@Root() metric: MetricRow) {
    return toGlobalId("Metric", metric.id);
  }

  @FieldResolver(() => Coverage, { description: "What the figure covers: one channel, a named set of channels, or everything." })
  coverage(@Root() metric: MetricRow) {
    return coverageOf(coverageOfRow(metric));
  }

  @FieldResolver(() => Metric, {
    nullable: true,
    description: "The figure staff marked this one as the same as (reported by another society; it counts once); null when not marked or not visible.",
  })
  sameAs(@Root() metric: MetricRow, @Ctx() ctx: Context) {
    return metric.sameAsMetricId === null ? null : ctx.loaders.metricById.load(metric.sameAsMetricId);
  }

  @FieldResolver(() => Activity, { description: "The activity this figure belongs to." })
  async activity(@Root() metric: MetricRow, @Ctx() ctx: Context) {
    return ctx.loaders.activityById.load(metric.activityId);
  }
}
