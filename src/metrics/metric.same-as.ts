// Staff review: marking a figure as the same as another (one webinar co-hosted by two societies, each reporting its
// 350 registrations). Marked figures count once in totals (counting.ts treats them as one region) and stay credited to
// each reporting society in rankings, which say so. A mark always points at an unmarked figure: no chains.
import { eq, inArray } from "drizzle-orm";
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import type { Db } from "../db/client.js";
import { activities, metrics, type MetricRow } from "../db/schema.js";
import { assertCan } from "../auth/permissions.js";
import { appendAudit } from "../audit/audit.service.js";
import { fromGlobalId } from "../shared/global-id.js";
import { UserError, UserErrorsAbort } from "../shared/user-errors.js";
import { inTransaction } from "../shared/write.js";
import { Metric } from "./metric.type.js";

@InputType("MarkSameFigureInput", { description: "Marks a figure as the same as another figure, or clears the mark." })
export class MarkSameFigureInput {
  @Field(() => ID, { description: "The figure to mark." })
  metricId!: string;

  @Field(() => ID, { nullable: true, description: "The figure it is the same as (same kind and edition, another activity); null clears the mark." })
  sameAsMetricId?: string | null;
}

@ObjectType("MarkSameFigurePayload", { description: "The result of markSameFigure." })
export class MarkSameFigurePayload {
  @Field(() => Metric, { nullable: true, description: "The marked figure; null when refused." })
  metric!: MetricRow | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

async function load(db: Db, globalId: string, field: string) {
  const decoded = fromGlobalId(globalId);
  const rows = decoded?.type === "Metric"
    ? await db.select({ metric: metrics, editionId: activities.editionId }).from(metrics).innerJoin(activities, eq(activities.id, metrics.activityId)).where(eq(metrics.id, decoded.id)).for("update", { of: metrics })
    : [];
  if (!rows[0]) throw UserErrorsAbort.at(["input", field], "NOT_FOUND", `No figure with ID "${globalId.slice(0, 80)}".`);
  return rows[0];
}

export async function markSameFigure(ctx: Context, input: MarkSameFigureInput) {
  assertCan(ctx.viewer, "activity:review");
  return inTransaction(ctx, async (db) => {
    const figure = await load(db, input.metricId, "metricId");
    let target: MetricRow | null = null;
    if (input.sameAsMetricId != null) {
      const found = await load(db, input.sameAsMetricId, "sameAsMetricId");
      const refuse = (message: string) => UserErrorsAbort.at(["input", "sameAsMetricId"], "INVALID_STATE", message);
      if (found.metric.kind !== figure.metric.kind) throw refuse(`A ${figure.metric.kind} figure cannot be the same as a ${found.metric.kind} figure.`);
      if (found.editionId !== figure.editionId) throw refuse("The two figures belong to different editions.");
      if (found.metric.activityId === figure.metric.activityId) throw refuse("The two figures belong to the same activity: the counting rules already count them once.");
      target = found.metric;
      // Point at the unmarked original, so that a group of same figures is one level deep.
      if (target.sameAsMetricId !== null) [target] = await db.select().from(metrics).where(eq(metrics.id, target.sameAsMetricId));
      if (target!.id === figure.metric.id) throw refuse("That figure is already marked as the same as this one.");
    }
    const targetId = target?.id ?? null;
    const [updated] = await db.update(metrics).set({ sameAsMetricId: targetId, updatedAt: new Date() }).where(eq(metrics.id, figure.metric.id)).returning();
    // Figures marked as the same as this one follow it to its original.
    const followers = await db.select({ id: metrics.id }).from(metrics).where(eq(metrics.sameAsMetricId, figure.metric.id));
    if (targetId !== null && followers.length) await db.update(metrics).set({ sameAsMetricId: targetId }).where(inArray(metrics.id, followers.map((f) => f.id)));
    const [owner] = await db.select({ societyId: activities.societyId }).from(activities).where(eq(activities.id, figure.metric.activityId));
    await appendAudit(db, ctx.viewer, ctx.requestId, [
      // Recorded against the activity whose figure was marked (the audit log's targets are activities, not figures).
      { action: "metric.markSame", targetType: "Activity", targetId: figure.metric.activityId, societyId: owner?.societyId ?? null, before: figure.metric, after: updated },
    ]);
    return updated!;
  });
}

@Resolver()
export class SameFigureResolver {
  @Mutation(() => MarkSameFigurePayload, {
    description: "Staff only, during review: marks a figure as the same as another (reported by two societies); it then counts once in totals and stays credited to both in rankings.",
  })
  async markSameFigure(@Ctx() ctx: Context, @Arg("input", () => MarkSameFigureInput, { description: "The figures." }) input: MarkSameFigureInput) {
    const { result, userErrors } = await markSameFigure(ctx, input);
    return { metric: result, userErrors };
  }
}
