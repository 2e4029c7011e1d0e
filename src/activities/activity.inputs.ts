import { Field, InputType, Int } from "type-graphql";
import { ActivityKindEnum, ActivityStatusEnum, ChannelEnum } from "../shared/graphql-enums.js";
import type { ActivityKind, ActivityStatus, Channel } from "../db/enums.js";

@InputType("ActivityFilter", { description: "Narrows the activities list; all given conditions must hold." })
export class ActivityFilter {
  @Field(() => Int, { nullable: true, description: "Only activities of this IDoR edition (year)." })
  year?: number | null;

  @Field(() => String, { nullable: true, description: "Only activities of the society with this slug." })
  societySlug?: string | null;

  @Field(() => ActivityKindEnum, { nullable: true, description: "Only activities of this kind." })
  kind?: ActivityKind | null;

  @Field(() => ActivityStatusEnum, {
    nullable: true,
    description: "Only activities in this status (among those the caller may see: the public sees only APPROVED).",
  })
  status?: ActivityStatus | null;

  @Field(() => ChannelEnum, { nullable: true, description: "Only activities with at least one figure on this channel." })
  channel?: Channel | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: only activities waiting for staff review (SUBMITTED, or APPROVED with a pending change the caller may see: staff all, a partner its own society's); false: only the others. Staff's review queue.",
  })
  awaitingReview?: boolean | null;
}
