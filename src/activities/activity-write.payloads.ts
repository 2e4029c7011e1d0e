// What the activity mutations answer: the activity (or activities) written, or the userErrors that refused the input.
import { Field, ObjectType } from "type-graphql";
import { UserError } from "../shared/user-errors.js";
import { Activity } from "./activity.type.js";

@ObjectType("ActivityPayload", { description: "The result of a mutation on one activity." })
export class ActivityPayload {
  @Field(() => Activity, { nullable: true, description: "The activity after the mutation; null when userErrors refused it." })
  activity!: unknown;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success. When not empty, nothing was written." })
  userErrors!: UserError[];
}

@ObjectType("SubmitActivityPayload", { description: "The result of submitActivity." })
export class SubmitActivityPayload extends ActivityPayload {
  @Field(() => Boolean, {
    description: "True when this was a retry of an earlier submission with the same idempotency key and input: nothing was written.",
  })
  replayed!: boolean;
}

@ObjectType("SubmitActivitiesPayload", { description: "The result of submitActivities: all written, or none." })
export class SubmitActivitiesPayload {
  @Field(() => [Activity], { nullable: true, description: "The activities in input order; null when userErrors refused the batch." })
  activities!: unknown[] | null;

  @Field(() => [UserError], { description: 'Why the batch was refused, each naming its item: ["input", "activities", "3", ...].' })
  userErrors!: UserError[];
}
