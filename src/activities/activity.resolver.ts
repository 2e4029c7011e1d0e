import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { ActivityRow } from "../db/schema.js";
import { toGlobalId } from "../shared/global-id.js";
import { HubError } from "../shared/errors.js";
import { Society } from "../societies/society.type.js";
import { Edition } from "../editions/edition.type.js";
import { Metric } from "../metrics/metric.type.js";
import { activityFigures, embeddedFigures, METRIC_COLUMN_FIELDS } from "../metrics/metric.service.js";
import { fieldsAskedWithin } from "../shared/selection.js";
import { Activity, ActivityConnection, ActivityEvent } from "./activity.type.js";
import { ActivityFilter } from "./activity.inputs.js";
import { listActivities } from "./activity.service.js";
import { eventOf } from "../events/event.service.js";
import { ActivityChange } from "./activity-change.type.js";
import { managesActivity } from "./activity.policy.js";
import { coOrganises } from "./activity.co-organisers.js";

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, {
    description: "Activities visible to the caller, newest first (most recently recorded), filtered and paged.",
  })
  async activities(
    @Ctx() ctx: Context,
    @Arg("filter", () => ActivityFilter, { nullable: true, description: "Conditions the activities must meet." })
    filter: ActivityFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size reading forward: 0 to 100, default 20 (not with `last`)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (an endCursor)." }) after: string | null,
    @Arg("last", () => Int, { nullable: true, description: "Page size reading backward: the last 0 to 100 items before `before` (not with `first`)." })
    last: number | null,
    @Arg("before", () => String, { nullable: true, description: "Cursor before which the page ends (a startCursor)." }) before: string | null,
  ) {
    return ActivityConnection.from(await listActivities(ctx, filter, { first, after, last, before }));
  }

  @FieldResolver(() => ID, { description: "Opaque global ID of the activity." })
  id(@Root() activity: ActivityRow) {
    return toGlobalId("Activity", activity.id);
  }

  @FieldResolver(() => Society, { description: "The society that ran the activity." })
  async society(@Root() activity: ActivityRow, @Ctx() ctx: Context) {
    return required(await ctx.loaders.societyById.load(activity.societyId), "society");
  }

  @FieldResolver(() => Edition, { description: "The IDoR edition the activity belongs to." })
  async edition(@Root() activity: ActivityRow, @Ctx() ctx: Context) {
    return required(await ctx.loaders.editionById.load(activity.editionId), "edition");
  }

  @FieldResolver(() => [Metric], {
    description: "The figures the activity reached, by kind; per kind the all-channels figure (channel null) comes first.",
  })
  metrics(@Root() activity: ActivityRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // Read with its page (activity.shape.ts): no statement of its own.
    const embedded = embeddedFigures(activity);
    if (embedded) return embedded;
    // Only column fields asked: only those columns are read.
    const fields = fieldsAskedWithin(info, METRIC_COLUMN_FIELDS);
    return fields ? activityFigures(ctx, activity.id, fields) : ctx.loaders.metricsByActivityId.load(activity.id);
  }

  @FieldResolver(() => ActivityChange, {
    nullable: true,
    description:
      "A change to this APPROVED activity waiting for review; visible to the partners of its society and of its co-organisers, and to staff; null for others.",
  })
  async pendingChange(@Root() activity: ActivityRow, @Ctx() ctx: Context) {
    if (activity.status !== "APPROVED" || !(await sharesActivity(ctx, activity))) return null;
    const state = await ctx.loaders.pendingChangeByActivityId.load(activity.id);
    return state ? { ...state, event: state.event } : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Staff's note from the last review; visible to the partners of its society and of its co-organisers, and to staff; null for others.",
  })
  async reviewNote(@Root() activity: ActivityRow, @Ctx() ctx: Context) {
    return activity.reviewNote !== null && (await sharesActivity(ctx, activity)) ? activity.reviewNote : null;
  }

  @FieldResolver(() => ActivityEvent, {
    nullable: true,
    description: "When and where the activity takes place, if it is an event; null otherwise.",
  })
  event(@Root() activity: ActivityRow) {
    return eventOf(activity);
  }
}

/** Its society's partners and staff, and the partners of a co-organising society (asked only for those). */
async function sharesActivity(ctx: Context, activity: ActivityRow): Promise<boolean> {
  return managesActivity(ctx.viewer, activity) || coOrganises(ctx.db, ctx.viewer, activity.id);
}

/** A foreign key guarantees the row; its absence is a bug, reported as an internal error. */
function required<T>(row: T | null, what: string): T {
  if (row === null) throw new HubError("INTERNAL_SERVER_ERROR", `Internal server error (missing ${what})`);
  return row;
}
