import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import {
  RecordMetricsInput,
  RemoveMetricsInput,
  ReviewActivityInput,
  SubmitActivitiesInput,
  SubmitActivityInput,
  UpdateActivityInput,
  WithdrawActivityInput,
} from "./activity-write.inputs.js";
import { ActivityPayload, SubmitActivitiesPayload, SubmitActivityPayload } from "./activity-write.payloads.js";
import { recordMetrics, removeMetrics, reviewActivity, updateActivity, withdrawActivity } from "./activity-write.service.js";
import { submitActivities } from "./activity-submit.service.js";
import type { WriteResult } from "../shared/write.js";
import { LIMITS } from "../shared/limits.js";

const payload = <T>({ result, userErrors }: WriteResult<T>) => ({ activity: result, userErrors });

@Resolver()
export class ActivityWriteResolver {
  @Mutation(() => SubmitActivityPayload, {
    description:
      "Submits an activity of the caller's society (staff: of any society) for an edition, with its figures and event; it waits for review (SUBMITTED). Retrying with the same idempotencyKey and input returns the first result and writes nothing.",
  })
  async submitActivity(
    @Ctx() ctx: Context,
    @Arg("input", () => SubmitActivityInput, { description: "The activity." }) input: SubmitActivityInput,
  ) {
    const { result, userErrors } = await submitActivities(ctx, [input], () => ["input"]);
    return { activity: result?.[0]?.row ?? null, replayed: result?.[0]?.replayed ?? false, userErrors };
  }

  @Mutation(() => SubmitActivitiesPayload, {
    description: `Submits up to ${LIMITS.activity.batch} activities at once, all or nothing: one refused item refuses the batch, and userErrors name each bad item by index.`,
  })
  async submitActivities(
    @Ctx() ctx: Context,
    @Arg("input", () => SubmitActivitiesInput, { description: "The activities." }) input: SubmitActivitiesInput,
  ) {
    const { result, userErrors } = await submitActivities(ctx, input.activities, (i) => ["input", "activities", String(i)]);
    return { activities: result?.map((r) => r.row) ?? null, userErrors };
  }

  @Mutation(() => ActivityPayload, {
    description:
      "Changes an activity at expectedVersion. A REJECTED or WITHDRAWN activity is re-submitted; a change to an APPROVED one waits for review as its pendingChange while the approved version stays public.",
  })
  async updateActivity(
    @Ctx() ctx: Context,
    @Arg("input", () => UpdateActivityInput, { description: "The changes." }) input: UpdateActivityInput,
  ) {
    return payload(await updateActivity(ctx, input));
  }

  @Mutation(() => ActivityPayload, { description: "Withdraws an activity: the public no longer sees it; updating it later re-submits it." })
  async withdrawActivity(
    @Ctx() ctx: Context,
    @Arg("input", () => WithdrawActivityInput, { description: "The activity." }) input: WithdrawActivityInput,
  ) {
    return payload(await withdrawActivity(ctx, input));
  }

  @Mutation(() => ActivityPayload, {
    description: "Adds or replaces figures of an activity, matched by (kind, channel); same review rule as updateActivity.",
  })
  async recordMetrics(
    @Ctx() ctx: Context,
    @Arg("input", () => RecordMetricsInput, { description: "The figures." }) input: RecordMetricsInput,
  ) {
    return payload(await recordMetrics(ctx, input));
  }

  @Mutation(() => ActivityPayload, { description: "Removes figures of an activity; same review rule as updateActivity." })
  async removeMetrics(
    @Ctx() ctx: Context,
    @Arg("input", () => RemoveMetricsInput, { description: "The figures to remove." }) input: RemoveMetricsInput,
  ) {
    return payload(await removeMetrics(ctx, input));
  }

  @Mutation(() => ActivityPayload, {
    description: "Staff only: approves or rejects a SUBMITTED activity, or the pending change of an APPROVED one.",
  })
  async reviewActivity(
    @Ctx() ctx: Context,
    @Arg("input", () => ReviewActivityInput, { description: "The decision." }) input: ReviewActivityInput,
  ) {
    return payload(await reviewActivity(ctx, input));
  }
}
