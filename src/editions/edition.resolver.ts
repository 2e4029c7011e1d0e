import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { ActivityKind } from "../db/enums.js";
import type { EditionRow } from "../db/schema.js";
import { toGlobalId } from "../shared/global-id.js";
import { ActivityKindEnum } from "../shared/graphql-enums.js";
import { ActivityConnection } from "../activities/activity.type.js";
import { activityShape } from "../activities/activity.shape.js";
import { editionActivities } from "../activities/activity.service.js";
import { Edition } from "./edition.type.js";
import { editionByYear, listEditions } from "./edition.service.js";

@Resolver(() => Edition)
export class EditionResolver {
  @Query(() => [Edition], { description: "All IDoR editions, newest first." })
  editions(@Ctx() ctx: Context) {
    return listEditions(ctx);
  }

  @Query(() => Edition, { nullable: true, description: "The edition of this year; null when there is none." })
  edition(@Ctx() ctx: Context, @Arg("year", () => Int, { description: "The year, e.g. 2020." }) year: number) {
    return editionByYear(ctx, year);
  }

  @FieldResolver(() => ID, { description: "Opaque global ID of the edition." })
  id(@Root() edition: EditionRow) {
    return toGlobalId("Edition", edition.id);
  }

  @FieldResolver(() => ActivityConnection, { description: "The edition's activities visible to the caller, newest first." })
  async activities(
    @Root() edition: EditionRow,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("kind", () => ActivityKindEnum, { nullable: true, description: "Only activities of this kind." })
    kind: ActivityKind | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size reading forward: 0 to 100, default 20 (not with `last`)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (an endCursor)." }) after: string | null,
    @Arg("last", () => Int, { nullable: true, description: "Page size reading backward: the last 0 to 100 items before `before` (not with `first`)." })
    last: number | null,
    @Arg("before", () => String, { nullable: true, description: "Cursor before which the page ends (a startCursor)." }) before: string | null,
  ) {
    return ActivityConnection.from(await editionActivities(ctx, edition.id, { kind }, { first, after, last, before }, activityShape(info)));
  }
}
