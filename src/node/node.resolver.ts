import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { fromGlobalId } from "../shared/global-id.js";
import { badInput } from "../shared/errors.js";
import { Node, asNode } from "../shared/node.type.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: "Fetches any object by its global ID; null when it does not exist or the caller may not see it.",
  })
  async node(@Ctx() ctx: Context, @Arg("id", () => ID, { description: "A global ID returned by this API." }) id: string) {
    const decoded = fromGlobalId(id);
    if (!decoded) throw badInput(`id is not a global ID of this API: "${id.slice(0, 80)}"`, "id");
    const { loaders } = ctx;
    const row = await {
      Society: () => loaders.societyById.load(decoded.id),
      Edition: () => loaders.editionById.load(decoded.id),
      Activity: () => loaders.activityById.load(decoded.id),
      Metric: () => loaders.metricById.load(decoded.id),
    }[decoded.type]();
    return row ? asNode(decoded.type, row) : null;
  }
}
