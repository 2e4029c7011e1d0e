import { Field, Float, Int, ObjectType } from "type-graphql";
import type { Channel, MetricKind, Precision } from "../db/enums.js";
import { ActivityKindEnum, ChannelEnum, MetricKindEnum, PrecisionEnum } from "../shared/graphql-enums.js";
import { SafeIntScalar } from "../shared/scalars.js";
import { Society } from "../societies/society.type.js";
import type { ComparisonReason, RecordStatus } from "./comparison.js";
import { ComparisonReasonEnum, Coverage, RecordStatusEnum, SummaryFigure } from "./figure-use.type.js";

const FIGURES = "The figures behind this number, each with its role (COUNTED, CONTAINED, SET_ASIDE) and its source, asOf, window and note.";
const UNSOURCED = "True when a figure behind this number has no source: the number cannot be traced to a publication.";
const DISAGREE = "True when sources of one figure disagree (the kept figure is COUNTED, the others SET_ASIDE); the precision is then ESTIMATE.";
const CO_REPORTED =
  "True when a figure in this row was reported by several societies (staff marked it the same as another): each is credited in full here, so rows and shares add up to more than the total, which counts it once.";

// The fields totals and ranking rows share, declared once. As class decorators they run after the class's own field
// decorators, so these fields come last in each type, as they always stood in the schema.
function withProvenance(describe: { campaignWide: string; societiesOwn: string }): ClassDecorator {
  return (target) => {
    const proto = target.prototype as object;
    Field(() => [SummaryFigure], { description: FIGURES })(proto, "figures");
    Field(() => Boolean, { description: UNSOURCED })(proto, "unsourced");
    Field(() => Boolean, { description: DISAGREE })(proto, "sourcesDisagree");
    Field(() => FigureType, { nullable: true, description: describe.campaignWide })(proto, "campaignWide");
    Field(() => FigureType, { nullable: true, description: describe.societiesOwn })(proto, "societiesOwn");
  };
}

function withCoReported(): ClassDecorator {
  return (target) => {
    const proto = target.prototype as object;
    Field(() => [SummaryFigure], { description: FIGURES })(proto, "figures");
    Field(() => Boolean, { description: CO_REPORTED })(proto, "coReported");
  };
}

@ObjectType("Figure", { description: "A number with its precision." })
export class FigureType {
  @Field(() => SafeIntScalar, { description: "The value." })
  value!: number;

  @Field(() => PrecisionEnum, {
    description: "ESTIMATE if any figure it is made of is an estimate, else AT_LEAST if any is a lower bound, else EXACT.",
  })
  precision!: Precision;
}

@ObjectType("MetricTotal", {
  description:
    "An edition's total of one kind of figure, never double-counted (README, \"Counting rules\"): figures covering disjoint ground (different channels, different activities) add up; of figures that overlap (an all-channels figure and its channels, a campaign-wide figure and the societies' own, two sources of one figure) the larger side counts. Non-additive kinds (PARTICIPATING_SOCIETIES, COUNTRIES, LANGUAGES) are never summed: the largest figure counts.",
})
@withProvenance({
  campaignWide: "The largest CAMPAIGN-scope figure (a measurement of the whole campaign); null when there is none.",
  societiesOwn: "The sum of the societies' OWN figures (the largest, for non-additive kinds); null when there are none.",
})
export class MetricTotal {
  @Field(() => MetricKindEnum, { description: "The kind of figure." })
  kind!: MetricKind;

  @Field(() => SafeIntScalar, { description: "The edition's total: the largest sum of figures on disjoint ground; at least the larger of campaignWide and societiesOwn." })
  value!: number;

  @Field(() => PrecisionEnum, {
    description:
      "ESTIMATE if a counted figure is an estimate or sources disagree; AT_LEAST if a counted figure is a lower bound or some figure covers ground the counted ones do not (a campaign-wide \"more than 2,000\" beside own figures adding up to 2,500 gives at least 2,500); EXACT only when exact figures cover everything measured.",
  })
  precision!: Precision;

  @Field(() => Coverage, { description: "What the counted figures cover." })
  coverage!: Coverage;

  declare figures: unknown[];
  declare unsourced: boolean;
  declare sourcesDisagree: boolean;
  declare campaignWide: FigureType | null;
  declare societiesOwn: FigureType | null;
}

@ObjectType("ChannelTotal", {
  description:
    "An edition's total of one kind of figure from the figures that cover exactly this channel, by the same rules. The channel totals of a kind never add up to more than the kind's total.",
})
@withProvenance({
  campaignWide: "The largest CAMPAIGN figure on this channel.",
  societiesOwn: "The societies' OWN figures on this channel, added up.",
})
export class ChannelTotal {
  @Field(() => ChannelEnum, { description: "The channel." })
  channel!: Channel;

  @Field(() => SafeIntScalar, { description: "The total on this channel." })
  value!: number;

  @Field(() => PrecisionEnum, { description: "Precision of the total." })
  precision!: Precision;

  declare figures: unknown[];
  declare unsourced: boolean;
  declare sourcesDisagree: boolean;
  declare campaignWide: FigureType | null;
  declare societiesOwn: FigureType | null;
}

@ObjectType("SocietyShare", {
  description: "A society's OWN figures of one kind in an edition (campaign-wide measurements belong to the campaign, not to the society that made them).",
})
@withCoReported()
export class SocietyShare {
  @Field(() => Society, { description: "The society." })
  society!: unknown;

  @Field(() => SafeIntScalar, { description: "Its OWN figures added up (per activity the larger of all-channels and the channel sum)." })
  value!: number;

  @Field(() => PrecisionEnum, { description: "Precision of the value." })
  precision!: Precision;

  @Field(() => Float, { nullable: true, description: "Its part of the societies' own sum, from 0 to 1; null for non-additive kinds." })
  share!: number | null;

  declare figures: unknown[];
  declare coReported: boolean;
}

@ObjectType("CountryShare", { description: "The OWN figures of one kind of the societies of one country." })
@withCoReported()
export class CountryShare {
  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code; null for international bodies." })
  countryCode!: string | null;

  @Field(() => Int, { description: "How many of the country's societies have such figures." })
  societies!: number;

  @Field(() => SafeIntScalar, { description: "Their OWN figures added up." })
  value!: number;

  @Field(() => PrecisionEnum, { description: "Precision of the value." })
  precision!: Precision;

  @Field(() => Float, { nullable: true, description: "Part of the societies' own sum, from 0 to 1; null for non-additive kinds." })
  share!: number | null;

  declare figures: unknown[];
  declare coReported: boolean;
}

@ObjectType("MetricChange", {
  description:
    "A total compared with the most recent earlier edition that has a total of the same kind (and channel), like with like only: the same measure, coverage and scope, neither derived, no disagreeing sources. Otherwise previous is null and previousReason says why.",
})
export class MetricChange {
  @Field(() => MetricKindEnum, { description: "The kind of figure." })
  kind!: MetricKind;

  @Field(() => ChannelEnum, { nullable: true, description: "The channel; null for the kind's edition total." })
  channel!: Channel | null;

  @Field(() => FigureType, { description: "This edition's total." })
  current!: FigureType;

  @Field(() => Coverage, { description: "What this edition's counted figures cover." })
  coverage!: Coverage;

  @Field(() => FigureType, { nullable: true, description: "The earlier total; null when there is none or it is not comparable (see previousReason)." })
  previous!: FigureType | null;

  @Field(() => Int, { nullable: true, description: "The year of the most recent earlier total of this kind, compared or not." })
  previousYear!: number | null;

  @Field(() => ComparisonReasonEnum, { nullable: true, description: "Why previous is null; null when it is not." })
  previousReason!: ComparisonReason | null;

  @Field(() => [Int], { description: "Editions between previousYear and this one without a total of this kind: years the comparison skips over." })
  skippedYears!: number[];

  @Field(() => Float, { nullable: true, description: "current / previous; null without a comparable previous total or when it is 0." })
  ratio!: number | null;

  @Field(() => PrecisionEnum, {
    nullable: true,
    description: "How exact the ratio is: EXACT from two exact totals, AT_LEAST from a lower bound over an exact total, else ESTIMATE.",
  })
  ratioPrecision!: Precision | null;

  @Field(() => RecordStatusEnum, { description: "YES only when certain; NO when an earlier comparable total reached at least as much; otherwise UNDETERMINED." })
  record!: RecordStatus;

  @Field(() => Boolean, {
    description: "True when record is YES.",
    deprecationReason: "A yes/no cannot say \"undetermined\" (lower bounds, estimates, incomparable years): use record.",
  })
  isRecord!: boolean;
}

@ObjectType("KindCount", { description: "How many activities of one kind." })
export class KindCount {
  @Field(() => ActivityKindEnum, { description: "The activity kind." })
  kind!: string;

  @Field(() => Int, { description: "How many." })
  count!: number;
}

@ObjectType("EditionSummary", {
  description:
    "What happened in one IDoR edition, compiled from the hub's APPROVED activities (staff may preview with includePending). Computed in the database and cached until the next change.",
})
export class EditionSummary {
  @Field(() => Int, { description: "The edition's year." })
  year!: number;

  @Field(() => String, { nullable: true, description: "The edition's theme." })
  theme!: string | null;

  @Field(() => Boolean, { description: "True when SUBMITTED activities and pending changes are counted as if approved (staff preview)." })
  includesPending!: boolean;

  @Field(() => Int, {
    description:
      "Societies with at least one counted activity in the hub. This can differ from the published PARTICIPATING_SOCIETIES figure in totals, which counts every society that took part, in the hub or not.",
  })
  participatingSocieties!: number;

  @Field(() => Int, {
    description: "Countries of those societies (international bodies have none). May differ from the published COUNTRIES figure.",
  })
  countries!: number;

  @Field(() => Int, { description: "Counted activities." })
  activityCount!: number;

  @Field(() => [KindCount], { description: "Counted activities by kind." })
  activitiesByKind!: KindCount[];

  @Field(() => [MetricTotal], { description: "One total per kind of figure." })
  totals!: MetricTotal[];

  @Field(() => [MetricChange], { description: "Each total (per kind, and per kind and channel) against the most recent earlier edition with the same figure." })
  changes!: MetricChange[];

  @Field(() => [MetricChange], { description: "The changes that certainly set an all-time high (record YES)." })
  records!: MetricChange[];

  @Field(() => SafeIntScalar, { description: "The data revision the summary was computed at (it changes with every write)." })
  revision!: number;
}
