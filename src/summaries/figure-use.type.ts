// Provenance in summaries: what a figure covers, and each figure behind a total or ranking row with its role, source,
// asOf, window and note, so that staff can go from any number to the sources it was made from.
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type { Channel, MetricKind, MetricScope, Precision } from "../db/enums.js";
import { ChannelEnum, MetricKindEnum, MetricScopeEnum, PrecisionEnum, enumObject } from "../shared/graphql-enums.js";
import { LocalDateScalar, SafeIntScalar } from "../shared/scalars.js";
import { Activity } from "../activities/activity.type.js";
import { Metric } from "../metrics/metric.type.js";
import type { FigureRole } from "./counting.js";
import type { ComparisonReason, RecordStatus } from "./comparison.js";

export const FigureRoleEnum = enumObject<FigureRole>(["COUNTED", "CONTAINED", "SET_ASIDE"]);
registerEnumType(FigureRoleEnum, {
  name: "FigureRole",
  description: "What a figure contributed to a total.",
  valuesConfig: {
    COUNTED: { description: "Added into the total (the counted figures cover disjoint ground and add up to it)." },
    CONTAINED: { description: "Inside a counted figure's ground (an own figure under a campaign-wide one, a channel under all channels): already in the total." },
    SET_ASIDE: { description: "Overlaps the counted figures and lost: a smaller alternative (another source of the same figure), or a figure only partly inside." },
  },
});

export const ComparisonReasonEnum = enumObject<ComparisonReason>(["NO_EARLIER_FIGURE", "DERIVED", "SOURCES_DISAGREE", "DIFFERENT_SCOPE", "DIFFERENT_COVERAGE"]);
registerEnumType(ComparisonReasonEnum, {
  name: "ComparisonReason",
  description: "Why a total is not compared with the earlier edition's.",
  valuesConfig: {
    NO_EARLIER_FIGURE: { description: "No earlier edition has a total of this kind." },
    DERIVED: { description: "One of the two totals rests on a derived figure (worked out, not published), which is never compared." },
    SOURCES_DISAGREE: { description: "Sources of one of the two totals disagree." },
    DIFFERENT_SCOPE: { description: "One is campaign-wide, the other the societies' own figures (or a mix)." },
    DIFFERENT_COVERAGE: { description: "They cover different channels (e.g. tweets on Twitter against mentions on four platforms)." },
  },
});

export const RecordStatusEnum = enumObject<RecordStatus>(["YES", "NO", "UNDETERMINED"]);
registerEnumType(RecordStatusEnum, {
  name: "RecordStatus",
  description: "Whether a total is an all-time high of comparable totals.",
  valuesConfig: {
    YES: { description: "Certain: its lower bound beats every earlier edition's upper bound, and every earlier total is comparable." },
    NO: { description: "Certain not: an earlier comparable total reached at least as much." },
    UNDETERMINED: { description: "The figures cannot say (estimates, lower bounds, incomparable or no earlier totals)." },
  },
});

@ObjectType("Coverage", { description: "What a figure or total covers: one channel, a named set of channels, or everything." })
export class Coverage {
  @Field(() => Boolean, { description: "True: every channel together (the channel list is then empty)." })
  everything!: boolean;

  @Field(() => [ChannelEnum], { description: "The channels covered, in the enum's order; empty when everything is covered." })
  channels!: Channel[];
}

export function coverageOf(channels: readonly Channel[] | null): Coverage {
  return { everything: channels === null, channels: channels ? [...channels] : [] };
}

@ObjectType("SummaryFigure", {
  description: "One figure behind a total or ranking row, with its role and provenance. Open `metric` or `activity` for everything about it.",
})
export class SummaryFigure {
  @Field(() => FigureRoleEnum, { description: "What it contributed to the total." })
  role!: FigureRole;

  @Field(() => Int, { description: "The edition's year." })
  year!: number;

  @Field(() => MetricKindEnum, { description: "What it counts." })
  kind!: MetricKind;

  @Field(() => SafeIntScalar, { description: "The figure." })
  value!: number;

  @Field(() => PrecisionEnum, { description: "Its precision." })
  precision!: Precision;

  @Field(() => MetricScopeEnum, { description: "OWN or CAMPAIGN." })
  scope!: MetricScope;

  @Field(() => Coverage, { description: "What it covers." })
  coverage!: Coverage;

  @Field(() => Boolean, { description: "True when it was worked out from published figures rather than published." })
  derived!: boolean;

  @Field(() => String, { nullable: true, description: "Where it was published; null: unsourced." })
  source!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "When it was measured or published." })
  asOf!: string | null;

  @Field(() => String, { nullable: true, description: "The period it covers, in words, when no date says it." })
  window!: string | null;

  @Field(() => String, { nullable: true, description: "Remarks, e.g. the source's own words." })
  note!: string | null;

  @Field(() => Boolean, {
    description:
      "True when several societies report it: its activity is co-organised, or staff marked it (or its activity) the same as another society's. It counts once in totals and is credited to each society in rankings.",
  })
  coReported!: boolean;

  @Field(() => Activity, { nullable: true, description: "The activity it belongs to (null if the viewer may not see it)." })
  activity!: unknown;

  @Field(() => Metric, { nullable: true, description: "The stored figure; null for a figure a pending change proposes (staff preview)." })
  metric!: unknown;
}
