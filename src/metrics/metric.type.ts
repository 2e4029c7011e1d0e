import { Field, ObjectType } from "type-graphql";
import { Node } from "../shared/node.type.js";
import { ChannelEnum, MetricKindEnum, MetricScopeEnum, PrecisionEnum } from "../shared/graphql-enums.js";
import { LocalDateScalar, SafeIntScalar } from "../shared/scalars.js";
import type { Channel, MetricKind, MetricScope, Precision } from "../db/enums.js";

@ObjectType("Metric", {
  implements: Node,
  description:
    "One figure an activity reached (mentions, impressions, registrations...), on one channel or all channels together, with its precision, scope and source.",
})
export class Metric extends Node {
  @Field(() => MetricKindEnum, { description: "What the figure counts." })
  kind!: MetricKind;

  @Field(() => ChannelEnum, {
    nullable: true,
    description:
      "The one channel it was measured on; null when it covers more than one channel: a named set or everything (see coverage).",
  })
  channel!: Channel | null;

  @Field(() => Boolean, { description: "True when it was worked out from published figures (e.g. a sum of regional counts) rather than published; never compared across editions." })
  derived!: boolean;

  @Field(() => String, { nullable: true, description: "The period it covers, in words, when no date says it (\"the first 5 days after release\")." })
  window!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why this figure over several channels is smaller than the activity's figures on those channels (its source says so); null otherwise.",
  })
  overrideNote!: string | null;
  @Field(() => SafeIntScalar, { description: "The figure: a whole number from 0 to 2^53-1 (read with `precision`)." })
  value!: number;

  @Field(() => PrecisionEnum, { description: "How exact the figure is (EXACT, AT_LEAST for \"more than\", ESTIMATE)." })
  precision!: Precision;

  @Field(() => MetricScopeEnum, {
    description: "OWN: the society's own reach. CAMPAIGN: the whole IDoR campaign, already containing every society's figures.",
  })
  scope!: MetricScope;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the figure was measured or published." })
  asOf!: string | null;

  @Field(() => String, { nullable: true, description: "Where the figure was published." })
  source!: string | null;

  @Field(() => String, { nullable: true, description: "Remarks, e.g. the words of a figure given only in words." })
  note!: string | null;
}
