import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { SocietyRow } from "../db/schema.js";
import { toGlobalId } from "../shared/global-id.js";
import { ActivityKindEnum } from "../shared/graphql-enums.js";
import type { ActivityKind } from "../db/enums.js";
import { ActivityConnection } from "../activities/activity.type.js";
import { activityShape } from "../activities/activity.shape.js";
import { societyActivities } from "../activities/activity.service.js";
import { Society, SocietyConnection } from "./society.type.js";
import { SocietyFilter } from "./society.inputs.js";
import { listSocieties, societyBySlug } from "./society.service.js";

@Resolver(() => Society)
export class SocietyResolver {
  @Query(() => SocietyConnection, { description: "Societies ordered by slug, filtered and paged (at most 100 per page)." })
  async societies(
    @Ctx() ctx: Context,
    @Arg("filter", () => SocietyFilter, { nullable: true, description: "Conditions the societies must meet." })
    filter: SocietyFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size reading forward: 0 to 100, default 20 (not with `last`)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (an endCursor)." }) after: string | null,
    @Arg("last", () => Int, { nullable: true, description: "Page size reading backward: the last 0 to 100 items before `before` (not with `first`)." })
    last: number | null,
    @Arg("before", () => String, { nullable: true, description: "Cursor before which the page ends (a startCursor)." }) before: string | null,
  ) {
    return SocietyConnection.from(await listSocieties(ctx, filter, { first, after, last, before }));
  }

  @Query(() => Society, { nullable: true, description: "The society with this slug; null when there is none." })
  society(@Ctx() ctx: Context, @Arg("slug", () => String, { description: "The society's slug, e.g. `esr`." }) slug: string) {
    return societyBySlug(ctx, slug);
  }

  @FieldResolver(() => ID, { description: "Opaque global ID of the society." })
  id(@Root() society: SocietyRow) {
    return toGlobalId("Society", society.id);
  }

  @FieldResolver(() => ActivityConnection, {
    description: "The society's activities visible to the caller, newest first.",
  })
  async activities(
    @Root() society: SocietyRow,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("year", () => Int, { nullable: true, description: "Only activities of this IDoR edition." }) year: number | null,
    @Arg("kind", () => ActivityKindEnum, { nullable: true, description: "Only activities of this kind." })
    kind: ActivityKind | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size reading forward: 0 to 100, default 20 (not with `last`)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (an endCursor)." }) after: string | null,
    @Arg("last", () => Int, { nullable: true, description: "Page size reading backward: the last 0 to 100 items before `before` (not with `first`)." })
    last: number | null,
    @Arg("before", () => String, { nullable: true, description: "Cursor before which the page ends (a startCursor)." }) before: string | null,
  ) {
    return ActivityConnection.from(await societyActivities(ctx, society.id, { year, kind }, { first, after, last, before }, activityShape(info)));
  }
}
