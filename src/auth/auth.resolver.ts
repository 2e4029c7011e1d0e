import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { ApiKeyRow } from "../db/schema.js";
import { Society } from "../societies/society.type.js";
import {
  ApiKeyConnection,
  ApiKeyType,
  IssueApiKeyInput,
  IssueApiKeyPayload,
  RevokeApiKeyInput,
  RevokeApiKeyPayload,
  ViewerInfo,
} from "./auth.types.js";
import { issueApiKey, listApiKeys, revokeApiKey } from "./api-key.service.js";

@Resolver(() => ViewerInfo)
export class ViewerResolver {
  @Query(() => ViewerInfo, { description: "Who the hub takes the caller to be (from the Authorization header)." })
  async viewer(@Ctx() ctx: Context) {
    const v = ctx.viewer;
    return {
      role: v.role,
      society: v.role === "PARTNER" ? await ctx.loaders.societyById.load(v.societyId) : null,
      keyPrefix: v.role === "PUBLIC" ? null : v.keyPrefix,
    };
  }
}

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: "Staff only: API keys, newest first." })
  async apiKeys(
    @Ctx() ctx: Context,
    @Arg("includeRevoked", () => Boolean, { defaultValue: false, description: "Also list revoked keys." }) includeRevoked: boolean,
    @Arg("first", () => Int, { nullable: true, description: "Page size reading forward: 0 to 100, default 20 (not with `last`)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (an endCursor)." }) after: string | null,
    @Arg("last", () => Int, { nullable: true, description: "Page size reading backward: the last 0 to 100 items before `before` (not with `first`)." })
    last: number | null,
    @Arg("before", () => String, { nullable: true, description: "Cursor before which the page ends (a startCursor)." }) before: string | null,
  ) {
    return ApiKeyConnection.from(await listApiKeys(ctx, includeRevoked, { first, after, last, before }));
  }

  @FieldResolver(() => Society, { nullable: true, description: "The society of a partner key; null for staff keys." })
  society(@Root() key: ApiKeyRow, @Ctx() ctx: Context) {
    return key.societyId === null ? null : ctx.loaders.societyById.load(key.societyId);
  }

  @Mutation(() => IssueApiKeyPayload, { description: "Staff only: issues an API key and returns its secret, once." })
  async issueApiKey(@Ctx() ctx: Context, @Arg("input", () => IssueApiKeyInput, { description: "The key to issue." }) input: IssueApiKeyInput) {
    const { result, userErrors } = await issueApiKey(ctx, input);
    return { apiKey: result?.key ?? null, secret: result?.secret ?? null, userErrors };
  }

  @Mutation(() => RevokeApiKeyPayload, { description: "Staff only: revokes an API key; it stops working at once." })
  async revokeApiKey(@Ctx() ctx: Context, @Arg("input", () => RevokeApiKeyInput, { description: "The key to revoke." }) input: RevokeApiKeyInput) {
    const { result, userErrors } = await revokeApiKey(ctx, input.prefix);
    return { apiKey: result, userErrors };
  }
}
