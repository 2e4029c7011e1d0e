// GraphQL for activities reported by several societies: co-organisers (activity.co-organisers.ts) and staff's
// "same activity" marks (activity.same-as.ts). Thin: the services check permissions and write.
import { inArray } from "drizzle-orm";
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { activityCoOrganisers, type ActivityRow } from "../db/schema.js";
import { Society } from "../societies/society.type.js";
import { ActivityPayload } from "./activity-write.payloads.js";
import { Activity } from "./activity.type.js";
import { setCoOrganisers } from "./activity.co-organisers.js";
import { LIMITS } from "../shared/limits.js";
import { markSameActivity } from "./activity.same-as.js";

@InputType("SetCoOrganisersInput", { description: "Names the societies that co-organise an activity with its own (lead) society." })
export class SetCoOrganisersInput {
  @Field(() => ID, { description: "The activity." })
  activityId!: string;

  @Field(() => Int, { description: "The version you read (optimistic concurrency)." })
  expectedVersion!: number;

  @Field(() => [String], { description: `The co-organising societies' slugs (at most ${LIMITS.activity.coOrganisers}; empty: none). Replaces the list.` })
  societies!: string[];
}

@InputType("MarkSameActivityInput", { description: "Marks an activity as the same as another (the one event, submitted by two societies), or clears the mark." })
export class MarkSameActivityInput {
  @Field(() => ID, { description: "The activity to mark." })
  activityId!: string;

  @Field(() => ID, { nullable: true, description: "The activity it is the same as (same edition); null clears the mark." })
  sameAsActivityId?: string | null;
}

@Resolver(() => Activity)
export class ActivityOrganisersResolver {
  @FieldResolver(() => [Society], {
    description: "Societies that co-organise the activity with its own society: its figures count once in totals and are credited to each organiser in rankings (coReported).",
  })
  async coOrganisers(@Root() activity: ActivityRow, @Ctx() ctx: Context) {
    const ids = await ctx.loaders.keyed
      .get("coOrganisers", null, async (activityIds: readonly number[]) => {
        const rows = await ctx.db.select().from(activityCoOrganisers).where(inArray(activityCoOrganisers.activityId, [...activityIds]));
        return activityIds.map((id) => rows.filter((r) => r.activityId === id).map((r) => r.societyId).sort((a, b) => a - b));
      })
      .load(activity.id);
    const found = await ctx.loaders.societyById.loadMany(ids);
    return found.filter((s) => s !== null && !(s instanceof Error));
  }

  @FieldResolver(() => Activity, {
    nullable: true,
    description: "The activity staff marked this one as the same as (the one event, submitted twice): figures of the same kind and coverage count once. Null when unmarked or not visible to you.",
  })
  sameAs(@Root() activity: ActivityRow, @Ctx() ctx: Context) {
    return activity.sameAsActivityId === null ? null : ctx.loaders.activityById.load(activity.sameAsActivityId);
  }

  @Mutation(() => ActivityPayload, {
    description:
      "The lead society (or staff) names the activity's co-organising societies. Partners may change them until the activity is approved; after that, staff.",
  })
  async setCoOrganisers(@Ctx() ctx: Context, @Arg("input", () => SetCoOrganisersInput, { description: "The activity and its co-organisers." }) input: SetCoOrganisersInput) {
    const { result, userErrors } = await setCoOrganisers(ctx, input);
    return { activity: result, userErrors };
  }

  @Mutation(() => ActivityPayload, {
    description: "Staff only, during review: marks an activity as the same as another (the one event, submitted by two societies); their figures then count once in totals.",
  })
  async markSameActivity(@Ctx() ctx: Context, @Arg("input", () => MarkSameActivityInput, { description: "The activities." }) input: MarkSameActivityInput) {
    const { result, userErrors } = await markSameActivity(ctx, input);
    return { activity: result, userErrors };
  }
}
