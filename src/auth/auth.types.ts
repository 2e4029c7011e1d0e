import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { API_KEY_ROLES, type ApiKeyRole } from "../db/enums.js";
import { connectionType } from "../shared/connection.type.js";
import { enumObject } from "../shared/graphql-enums.js";
import { LIMITS } from "../shared/limits.js";
import { DateTimeScalar } from "../shared/scalars.js";
import { UserError } from "../shared/user-errors.js";
import { Society } from "../societies/society.type.js";

export const ViewerRoleEnum = enumObject(["PUBLIC", ...API_KEY_ROLES]);
registerEnumType(ViewerRoleEnum, {
  name: "ViewerRole",
  description: "What a caller may do.",
  valuesConfig: {
    PUBLIC: { description: "No credentials: reads approved data." },
    PARTNER: { description: "A partner society's key: writes its own society's activities, sees them in every status." },
    STAFF: { description: "ESR staff: reviews, administers and sees everything." },
  },
});

export const ApiKeyRoleEnum = enumObject(API_KEY_ROLES);
registerEnumType(ApiKeyRoleEnum, {
  name: "ApiKeyRole",
  description: "The role an API key grants.",
  valuesConfig: {
    PARTNER: { description: "Bound to one society." },
    STAFF: { description: "ESR staff." },
  },
});

@ObjectType("Viewer", { description: "Who is calling, as the hub sees the request's credentials." })
export class ViewerInfo {
  @Field(() => ViewerRoleEnum, { description: "The caller's role." })
  role!: keyof typeof ViewerRoleEnum;

  @Field(() => Society, { nullable: true, description: "A partner's society; null for staff and the public." })
  society!: unknown;

  @Field(() => String, { nullable: true, description: "The non-secret prefix of the key in use; null without credentials." })
  keyPrefix!: string | null;
}

@ObjectType("ApiKey", { description: "An API key as staff see it. The secret itself is shown only once, when it is issued." })
export class ApiKeyType {
  @Field(() => String, { description: "Non-secret prefix identifying the key (the start of the key itself)." })
  prefix!: string;

  @Field(() => ApiKeyRoleEnum, { description: "The role it grants." })
  role!: ApiKeyRole;

  @Field(() => Society, { nullable: true, description: "The society of a partner key; null for staff keys." })
  society!: unknown;

  @Field(() => String, { description: "Whom the key is for." })
  label!: string;

  @Field(() => DateTimeScalar, { description: "When it was issued." })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When it was revoked; null while it works." })
  revokedAt!: Date | null;
}

export const ApiKeyConnection = connectionType("ApiKey", ApiKeyType, "API key");

@InputType("IssueApiKeyInput", { description: "A new API key." })
export class IssueApiKeyInput {
  @Field(() => ApiKeyRoleEnum, { description: "PARTNER (with societySlug) or STAFF." })
  role!: ApiKeyRole;

  @Field(() => String, { nullable: true, description: "The society of a partner key." })
  societySlug?: string | null;

  @Field(() => String, { description: `Whom the key is for (1 to ${LIMITS.apiKey.label} characters).` })
  label!: string;
}

@InputType("RevokeApiKeyInput", { description: "The key to revoke." })
export class RevokeApiKeyInput {
  @Field(() => String, { description: "The key's prefix, e.g. idor_AbCd2345." })
  prefix!: string;
}

@ObjectType("IssueApiKeyPayload", { description: "The new key. Store the secret now: it is not shown again." })
export class IssueApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true, description: "The key's record." })
  apiKey!: unknown;

  @Field(() => String, { nullable: true, description: "The secret to send as `Authorization: Bearer <secret>`; shown only here." })
  secret!: string | null;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

@ObjectType("RevokeApiKeyPayload", { description: "The revoked key." })
export class RevokeApiKeyPayload {
  @Field(() => ApiKeyType, { nullable: true, description: "The key's record, now revoked." })
  apiKey!: unknown;

  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}

