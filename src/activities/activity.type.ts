import { Field, Int, ObjectType } from "type-graphql";
import { Node } from "../shared/node.type.js";
import { ActivityKindEnum, ActivityStatusEnum } from "../shared/graphql-enums.js";
import { DateTimeScalar, LocalDateScalar } from "../shared/scalars.js";
import type { ActivityKind, ActivityStatus } from "../db/enums.js";
import { connectionType } from "../shared/connection.type.js";

@ObjectType("ActivityEvent", {
  description:
    "When and where an activity takes place, for activities that are events (a public lecture, a webinar, an open day, a banquet).",
})
export class ActivityEvent {
  @Field(() => DateTimeScalar, { description: "When it starts (an instant)." })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: "When it ends (an instant, not before startsAt)." })
  endsAt!: Date;

  @Field(() => String, {
    description: "IANA time zone where it happens (e.g. Asia/Tokyo); the activity's startsOn/endsOn are local dates there.",
  })
  timeZone!: string;

  @Field(() => String, { nullable: true, description: "Venue, e.g. a hospital or a lecture hall." })
  venue!: string | null;

  @Field(() => String, { nullable: true, description: "City." })
  city!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the country where it happens." })
  countryCode!: string | null;

  @Field(() => Boolean, { description: "True when people take part online." })
  online!: boolean;

  @Field(() => String, { nullable: true, description: "Where to join online (http or https URL)." })
  joinUrl!: string | null;
}

@ObjectType("Activity", {
  implements: Node,
  description:
    "Something a society did for one IDoR edition (a book, a lecture, a campaign, a report of figures), with the figures it reached.",
})
export class Activity extends Node {
  @Field(() => ActivityKindEnum, { description: "What kind of activity it is." })
  kind!: ActivityKind;

  @Field(() => String, { description: "Title, as the society names it." })
  title!: string;

  @Field(() => String, { nullable: true, description: "What it was, in a few sentences." })
  description!: string | null;

  @Field(() => String, { nullable: true, description: "Where to find it (http or https URL)." })
  url!: string | null;

  @Field(() => String, { nullable: true, description: "Where this activity is documented (publication, page, report)." })
  source!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "First day of the activity (a campaign's period, a publication date); for events, the local start date.",
  })
  startsOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day of the activity; for events, the local end date." })
  endsOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day on which the material is free to access." })
  freeAccessUntil!: string | null;

  @Field(() => ActivityStatusEnum, { description: "Review status. The public sees only APPROVED activities." })
  status!: ActivityStatus;

  @Field(() => Int, { description: "Incremented by every change; pass it back as expectedVersion when updating." })
  version!: number;

  @Field(() => DateTimeScalar, { description: "When the activity was first recorded in the hub." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: "When the activity was last changed in the hub." })
  updatedAt!: Date;
}

export const ActivityConnection = connectionType("Activity", Activity, "activity");
export type ActivityConnection = InstanceType<typeof ActivityConnection>;
