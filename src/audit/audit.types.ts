import { Field, ID, InputType, ObjectType } from "type-graphql";
import { JSONResolver } from "graphql-scalars";
import { connectionType } from "../shared/connection.type.js";
import { DateTimeScalar, SafeIntScalar } from "../shared/scalars.js";
import { Society } from "../societies/society.type.js";

@ObjectType("AuditEntry", {
  description: "One change made by one successful mutation: who, what, when, and the values before and after.",
})
export class AuditEntryType {
  @Field(() => SafeIntScalar, { description: "Position in the log (increasing)." })
  sequence!: number;

  @Field(() => String, { description: "The request that made the change; the entries of one mutation share it." })
  requestId!: string;

  @Field(() => DateTimeScalar, { description: "When." })
  at!: Date;

  @Field(() => String, { description: "Who: PARTNER, STAFF, or SYSTEM (start-up and shell commands)." })
  actorRole!: string;

  @Field(() => String, { nullable: true, description: "The prefix of the API key used; `shell` for the keys command." })
  actorKeyPrefix!: string | null;

  @Field(() => Society, { nullable: true, description: "The acting partner's society." })
  actorSociety!: unknown;

  @Field(() => String, {
    description:
      "What: activity.submit, activity.update, activity.recordMetrics, activity.removeMetrics, activity.withdraw, activity.approve, activity.reject, society.create, society.update, edition.create, edition.update, apiKey.issue, apiKey.revoke.",
  })
  action!: string;

  @Field(() => String, { description: "The type of the changed object: Activity, Society, Edition or ApiKey." })
  targetType!: string;

  @Field(() => String, { description: "The changed object: its global ID (for an API key, its prefix's record number)." })
  targetId!: string;

  @Field(() => Society, { nullable: true, description: "The society the changed object belongs to." })
  society!: unknown;

  @Field(() => JSONResolver, { nullable: true, description: "The values before the change; null for a creation." })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true, description: "The values after the change." })
  after!: unknown;
}

export const AuditEntryConnection = connectionType("AuditEntry", AuditEntryType, "audit entry");

@InputType("AuditFilter", { description: "Narrows the audit log; all given conditions must hold." })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: "Only entries about this society's objects (staff)." })
  societySlug?: string | null;

  @Field(() => ID, { nullable: true, description: "Only entries about this object (a global ID)." })
  targetId?: string | null;

  @Field(() => String, { nullable: true, description: "Only this action, e.g. activity.update." })
  action?: string | null;

  @Field(() => String, { nullable: true, description: "Only the entries of this request." })
  requestId?: string | null;
}
