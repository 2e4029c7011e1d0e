// The inputs of the activity mutations (their payloads are in activity-write.payloads.ts).
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import type { ActivityKind, Channel, MetricKind, MetricScope, Precision } from "../db/enums.js";
import {
  ActivityKindEnum,
  ChannelEnum,
  MetricKindEnum,
  MetricScopeEnum,
  PrecisionEnum,
} from "../shared/graphql-enums.js";
import { LIMITS, shown } from "../shared/limits.js";
import { DateTimeScalar, LocalDateScalar, SafeIntScalar } from "../shared/scalars.js";

const L = LIMITS.activity;

const WINDOW =
  "Dates must fit the edition: from 1 January of its year to 30 June of the next (freeAccessUntil up to 31 December two years after).";

@InputType("MetricInput", { description: "One figure of an activity. One figure per (kind, channel) in an input." })
export class MetricInput {
  @Field(() => MetricKindEnum, { description: "What the figure counts." })
  kind!: MetricKind;

  @Field(() => ChannelEnum, { nullable: true, description: "Where it was measured; omit or null for a named set (channels) or all channels together." })
  channel?: Channel | null;

  @Field(() => [ChannelEnum], { nullable: true, description: "A named set of two or more channels the figure covers together (e.g. mentions on four platforms); omit with channel." })
  channels?: Channel[] | null;

  @Field(() => Boolean, { defaultValue: false, description: "True when the figure was worked out from published ones (e.g. a sum of regional counts): counted as given, never compared." })
  derived!: boolean;

  @Field(() => String, { nullable: true, description: `The period the figure covers, in words, when no date says it (at most ${shown(L.window)} characters).` })
  window?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only when a source really gives an all-channels (or named-set) figure smaller than the activity's channel figures: why (recorded with the figure). Without it such figures are refused (INCONSISTENT_FIGURES).",
  })
  overrideNote?: string | null;

  @Field(() => SafeIntScalar, { description: "A whole number from 0 to 2^53-1." })
  value!: number;

  @Field(() => PrecisionEnum, { defaultValue: "EXACT", description: "EXACT (default), AT_LEAST for \"more than\", ESTIMATE." })
  precision!: Precision;

  @Field(() => MetricScopeEnum, { defaultValue: "OWN", description: "OWN (default): the society's own reach; CAMPAIGN: the whole campaign." })
  scope!: MetricScope;

  @Field(() => LocalDateScalar, { nullable: true, description: "When it was measured or published (not in the future)." })
  asOf?: string | null;

  @Field(() => String, { nullable: true, description: `Where it was published (at most ${shown(L.source)} characters).` })
  source?: string | null;

  @Field(() => String, { nullable: true, description: `Remarks (at most ${shown(L.note)} characters).` })
  note?: string | null;
}

@InputType("MetricKeyInput", { description: "Names one figure of an activity by kind and channel." })
export class MetricKeyInput {
  @Field(() => MetricKindEnum, { description: "The figure's kind." })
  kind!: MetricKind;

  @Field(() => ChannelEnum, { nullable: true, description: "The figure's channel; null for the all-channels figure." })
  channel?: Channel | null;
}

@InputType("EventInput", { description: "When and where an activity takes place, for activities that are events." })
export class EventInput {
  @Field(() => DateTimeScalar, { description: "Start, an instant with offset (e.g. 2026-11-08T18:00:00+09:00)." })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: "End, not before the start." })
  endsAt!: Date;

  @Field(() => String, { description: "IANA time zone of the place (e.g. Asia/Tokyo); online-only events use the organiser's zone." })
  timeZone!: string;

  @Field(() => String, { nullable: true, description: `Venue (at most ${shown(L.venue)} characters).` })
  venue?: string | null;

  @Field(() => String, { nullable: true, description: `City (at most ${shown(L.city)} characters).` })
  city?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 country code of the place." })
  countryCode?: string | null;

  @Field(() => Boolean, { description: "True when people can take part online." })
  online!: boolean;

  @Field(() => String, { nullable: true, description: "Where to join online (http or https URL)." })
  joinUrl?: string | null;
}

@InputType("SubmitActivityInput", { description: `A new activity of a society for one edition, with its figures. ${WINDOW}` })
export class SubmitActivityInput {
  @Field(() => String, {
    description:
      `1 to ${L.idempotencyKey} characters chosen by the submitter, unique per society: a retry with the same key and input returns the first result and writes nothing.`,
  })
  idempotencyKey!: string;

  @Field(() => String, {
    nullable: true,
    description: "The society (slug). Partners may omit it (their own society); staff must give it.",
  })
  societySlug?: string | null;

  @Field(() => Int, { description: "The edition (year)." })
  year!: number;

  @Field(() => ActivityKindEnum, { description: "What kind of activity it is." })
  kind!: ActivityKind;

  @Field(() => String, { description: `Title (1 to ${shown(L.title)} characters).` })
  title!: string;

  @Field(() => String, { nullable: true, description: `Description (at most ${shown(L.description)} characters).` })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "Where to find it (http or https URL)." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: `Where it is documented (at most ${shown(L.source)} characters).` })
  source?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "First day; for events, derived from event.startsAt when omitted." })
  startsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day; for events, derived from event.endsAt when omitted." })
  endsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day of free access to the material." })
  freeAccessUntil?: string | null;

  @Field(() => EventInput, { nullable: true, description: "Time and place, when the activity is an event." })
  event?: EventInput | null;

  @Field(() => [MetricInput], { nullable: true, description: `Its figures (at most ${L.metrics}).` })
  metrics?: MetricInput[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "Slugs of the societies that co-organise it with yours (one activity for one co-hosted event, so its figures count once). They see it and may record its figures; change the list with setCoOrganisers.",
  })
  coOrganisers?: string[] | null;
}

@InputType("SubmitActivitiesInput", { description: `Up to ${L.batch} new activities, written all together or not at all.` })
export class SubmitActivitiesInput {
  @Field(() => [SubmitActivityInput], { description: "The activities; each needs its own idempotency key." })
  activities!: SubmitActivityInput[];
}

@InputType("UpdateActivityInput", {
  description: `Changes to an activity. Omitted fields stay as they are; null clears an optional field. ${WINDOW}`,
})
export class UpdateActivityInput {
  @Field(() => ID, { description: "The activity." })
  id!: string;

  @Field(() => Int, { description: "The version you read; a different current version refuses the change (STALE_VERSION)." })
  expectedVersion!: number;

  @Field(() => ActivityKindEnum, { nullable: true, description: "New kind." })
  kind?: ActivityKind | null;

  @Field(() => String, { nullable: true, description: "New title." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "New description; null clears it." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "New URL; null clears it." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "New source; null clears it." })
  source?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "New first day; null clears it." })
  startsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "New last day; null clears it." })
  endsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "New last day of free access; null clears it." })
  freeAccessUntil?: string | null;

  @Field(() => EventInput, { nullable: true, description: "New time and place (replaces the whole event); null: not an event." })
  event?: EventInput | null;
}

@InputType("WithdrawActivityInput", { description: "Withdraws an activity of the caller's society from the hub." })
export class WithdrawActivityInput {
  @Field(() => ID, { description: "The activity." })
  id!: string;

  @Field(() => Int, { nullable: true, description: "When given, the withdrawal happens only at this version." })
  expectedVersion?: number | null;
}

@InputType("RecordMetricsInput", { description: "Adds figures to an activity or replaces them, matched by (kind, channel)." })
export class RecordMetricsInput {
  @Field(() => ID, { description: "The activity." })
  activityId!: string;

  @Field(() => Int, { description: "The version you read (optimistic concurrency)." })
  expectedVersion!: number;

  @Field(() => [MetricInput], { description: `The figures to add or replace (1 to ${L.metrics}).` })
  metrics!: MetricInput[];
}

@InputType("RemoveMetricsInput", { description: "Removes figures of an activity, named by (kind, channel)." })
export class RemoveMetricsInput {
  @Field(() => ID, { description: "The activity." })
  activityId!: string;

  @Field(() => Int, { description: "The version you read (optimistic concurrency)." })
  expectedVersion!: number;

  @Field(() => [MetricKeyInput], { description: `The figures to remove (1 to ${L.metrics}).` })
  metrics!: MetricKeyInput[];
}

export const ReviewDecisionEnum = { APPROVE: "APPROVE", REJECT: "REJECT" } as const;
export type ReviewDecision = keyof typeof ReviewDecisionEnum;
registerEnumType(ReviewDecisionEnum, {
  name: "ReviewDecision",
  description: "ESR staff's decision on a submitted activity or on a pending change to an approved one.",
  valuesConfig: {
    APPROVE: { description: "Publish it (or apply the pending change)." },
    REJECT: { description: "Do not publish it (or discard the pending change; the approved version stays)." },
  },
});

@InputType("ReviewActivityInput", { description: "Staff's review of an activity waiting for it." })
export class ReviewActivityInput {
  @Field(() => ID, { description: "The activity." })
  id!: string;

  @Field(() => ReviewDecisionEnum, { description: "Approve or reject." })
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: `Why (at most ${shown(L.reviewNote)} characters); the society sees it.` })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: "When given, the review applies only at this version." })
  expectedVersion?: number | null;
}
