import { Field, Float, Int, ObjectType } from "type-graphql";
import type { Channel, MetricKind, Precision } from "../db/enums.js";
import { ActivityKindEnum, ChannelEnum, MetricKindEnum, PrecisionEnum } from "../shared/graphql-enums.js";
import { SafeIntScalar } from "../shared/scalars.js";
import { Society } from "../societies/society.type.js";

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
    "An edition's total of one kind of figure, never double-counted: per activity the larger of its all-channels figure and the sum of its channel figures; OWN figures of different activities add up; of several CAMPAIGN figures the largest counts; the total is the larger of campaignWide and societiesOwn, never their sum. Non-additive kinds (PARTICIPATING_SOCIETIES, COUNTRIES, LANGUAGES) are never summed: the largest figure counts.",
})
export class MetricTotal {
  @Field(() => MetricKindEnum, { description: "The kind of figure." })
  kind!: MetricKind;

  @Field(() => SafeIntScalar, { description: "The edition's total: the larger of campaignWide and societiesOwn." })
  value!: number;

  @Field(() => PrecisionEnum, { description: "Precision of the total, from the figures it is made of." })
  precision!: Precision;

  @Field(() => FigureType, { nullable: true, description: "The largest CAMPAIGN-scope figure (a measurement of the whole campaign); null when there is none." })
  campaignWide!: FigureType | null;

  @Field(() => FigureType, { nullable: true, description: "The sum of the societies' OWN figures (the largest, for non-additive kinds); null when there are none." })
  societiesOwn!: FigureType | null;
}

@ObjectType("ChannelTotal", { description: "An edition's total of one kind of figure on one channel, by the same rules." })
export class ChannelTotal {
  @Field(() => ChannelEnum, { description: "The channel." })
  channel!: Channel;

  @Field(() => SafeIntScalar, { description: "The larger of campaignWide and societiesOwn on this channel." })
  value!: number;

  @Field(() => PrecisionEnum, { description: "Precision of the total." })
  precision!: Precision;

  @Field(() => FigureType, { nullable: true, description: "The largest CAMPAIGN figure on this channel." })
  campaignWide!: FigureType | null;

  @Field(() => FigureType, { nullable: true, description: "The societies' OWN figures on this channel, added up." })
  societiesOwn!: FigureType | null;
}

@ObjectType("SocietyShare", {
  description: "A society's OWN figures of one kind in an edition (campaign-wide measurements belong to the campaign, not to the society that made them).",
})
export class SocietyShare {
  @Field(() => Society, { description: "The society." })
  society!: unknown;

  @Field(() => SafeIntScalar, { description: "Its OWN figures added up (per activity the larger of all-channels and the channel sum)." })
  value!: number;

  @Field(() => PrecisionEnum, { description: "Precision of the value." })
  precision!: Precision;

  @Field(() => Float, { nullable: true, description: "Its part of the societies' own sum, from 0 to 1; null for non-additive kinds." })
  share!: number | null;
}

@ObjectType("CountryShare", { description: "The OWN figures of one kind of the societies of one country." })
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
}

@ObjectType("MetricChange", {
  description: "A total compared with the most recent earlier edition that has the same figure.",
})
export class MetricChange {
  @Field(() => MetricKindEnum, { description: "The kind of figure." })
  kind!: MetricKind;

  @Field(() => ChannelEnum, { nullable: true, description: "The channel; null for the kind's edition total." })
  channel!: Channel | null;

  @Field(() => FigureType, { description: "This edition's total." })
  current!: FigureType;

  @Field(() => FigureType, { nullable: true, description: "The earlier total; null when no earlier edition has this figure." })
  previous!: FigureType | null;

  @Field(() => Int, { nullable: true, description: "The year of the earlier total." })
  previousYear!: number | null;

  @Field(() => Float, { nullable: true, description: "current / previous; null without a previous figure or when it is 0." })
  ratio!: number | null;

  @Field(() => Boolean, { description: "True when this total beats every earlier edition's (and at least one earlier edition has the figure)." })
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

  @Field(() => [MetricChange], { description: "The changes that set an all-time high." })
  records!: MetricChange[];

  @Field(() => SafeIntScalar, { description: "The data revision the summary was computed at (it changes with every write)." })
  revision!: number;
}
