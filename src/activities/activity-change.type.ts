import { Field, ObjectType } from "type-graphql";
import type { ActivityKind, Channel, MetricKind, MetricScope, Precision } from "../db/enums.js";
import { ActivityKindEnum, ChannelEnum, MetricKindEnum, MetricScopeEnum, PrecisionEnum } from "../shared/graphql-enums.js";
import { LocalDateScalar, SafeIntScalar } from "../shared/scalars.js";
import { ActivityEvent } from "./activity.type.js";

@ObjectType("ProposedMetric", { description: "A figure as a pending change proposes it." })
export class ProposedMetric {
  @Field(() => MetricKindEnum, { description: "What the figure counts." })
  kind!: MetricKind;

  @Field(() => ChannelEnum, { nullable: true, description: "Where it was measured; null for all channels together." })
  channel!: Channel | null;

  @Field(() => SafeIntScalar, { description: "The proposed value." })
  value!: number;

  @Field(() => PrecisionEnum, { description: "How exact it is." })
  precision!: Precision;

  @Field(() => MetricScopeEnum, { description: "OWN or CAMPAIGN." })
  scope!: MetricScope;

  @Field(() => LocalDateScalar, { nullable: true, description: "When it was measured or published." })
  asOf!: string | null;

  @Field(() => String, { nullable: true, description: "Where it was published." })
  source!: string | null;

  @Field(() => String, { nullable: true, description: "Remarks." })
  note!: string | null;
}

@ObjectType("ActivityChange", {
  description:
    "A change to an APPROVED activity that waits for staff review. Until it is approved, the activity's own fields and metrics stay what the public sees and summaries count.",
})
export class ActivityChange {
  @Field(() => ActivityKindEnum, { description: "Proposed kind." })
  kind!: ActivityKind;

  @Field(() => String, { description: "Proposed title." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Proposed description." })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "Proposed URL." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "Proposed source." })
  source!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Proposed first day." })
  startsOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Proposed last day." })
  endsOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Proposed last day of free access." })
  freeAccessUntil!: string | null;

  @Field(() => ActivityEvent, { nullable: true, description: "Proposed time and place; null: not an event." })
  event!: unknown;

  @Field(() => [ProposedMetric], { description: "The whole set of figures the change proposes." })
  metrics!: ProposedMetric[];
}
