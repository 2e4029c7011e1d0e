// Assembles the GraphQL schema from the domain resolvers: the one barrel of the code base.
import "./metadata.js"; // first: see src/metadata.ts
import { isInterfaceType, isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, getMetadataStorage } from "type-graphql";
import { NODE_TYPE } from "./shared/node.type.js";
import { embeddedFigures } from "./metrics/metric.service.js";
import { ActivityResolver } from "./activities/activity.resolver.js";
import { EditionResolver } from "./editions/edition.resolver.js";
import { EventResolver } from "./events/event.resolver.js";
import { MetricResolver } from "./metrics/metric.resolver.js";
import { NodeResolver } from "./node/node.resolver.js";
import { SocietyResolver } from "./societies/society.resolver.js";
import { SocietyWriteResolver } from "./societies/society-write.resolver.js";
import { EditionWriteResolver } from "./editions/edition-write.resolver.js";
import { ActivityWriteResolver } from "./activities/activity-write.resolver.js";
import { ApiKeyResolver, ViewerResolver } from "./auth/auth.resolver.js";
import { AuditResolver } from "./audit/audit.resolver.js";
import { EditionSummaryResolver, SummaryResolver } from "./summaries/summary.resolver.js";
import { SummaryFigureResolver } from "./summaries/figure-use.resolver.js";
import { SameFigureResolver } from "./metrics/metric.same-as.js";
import { ActivityOrganisersResolver } from "./activities/activity-organisers.resolver.js";
import { EditionPartnerResolver, EditionPartnersResolver } from "./partners/partner.resolver.js";

let built: Promise<GraphQLSchema> | undefined;

export function hubSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      SocietyResolver,
      EditionResolver,
      ActivityResolver,
      MetricResolver,
      EventResolver,
      NodeResolver,
      ActivityWriteResolver,
      SocietyWriteResolver,
      EditionWriteResolver,
      ViewerResolver,
      ApiKeyResolver,
      AuditResolver,
      SummaryResolver,
      EditionSummaryResolver,
      SummaryFigureResolver,
      SameFigureResolver,
      ActivityOrganisersResolver,
      EditionPartnerResolver,
      EditionPartnersResolver,
    ],
    validate: false,
  }).then((schema) => {
    // type-graphql has no option for the root types' descriptions.
    schema.getQueryType()!.description =
      "The public picture of the International Day of Radiology: societies, editions, activities, events and figures.";
    schema.getMutationType()!.description =
      "Writes, with an API key: partners submit and maintain their society's activities and figures; staff review and administer. Expected refusals come back as userErrors, and then nothing was written.";
    plainPropertiesByDefault(schema);
    syncNodeTypeResolver(schema);
    embeddedFiguresFirst(schema);
    return schema;
  });
  return built;
}

/** The SDL committed as schema/schema.graphql (sorted, so that reordering code does not churn the contract). */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await hubSchema()))}\n`;
}

/**
 * type-graphql gives every plain `@Field` property a resolver of its own, which allocates a { root, args, context, info }
 * object and dispatches the (here empty) middleware chain just to read `root[name]`: on the dashboard that is ~5,000
 * calls per request (bench/RESULTS.md, "Optimisations"). The hub uses no @UseMiddleware, @Authorized or global
 * middlewares and never renames a property (`@Field({ name })`), so those resolvers are dropped and graphql-js's
 * default resolver reads the same property. They are recognised by their source: every one is the same closure of
 * type-graphql's createBasicFieldResolver (Metric.kind is one); resolvers of @FieldResolver methods are not.
 */
function plainPropertiesByDefault(schema: GraphQLSchema): void {
  // The day someone adds @UseMiddleware or @Authorized, dropping these resolvers would silently skip them: refuse.
  const storage = getMetadataStorage();
  if (storage.middlewares.length > 0 || storage.authorizedFields.length > 0 || storage.authorizedResolver.length > 0) {
    throw new Error("src/schema.ts: plainPropertiesByDefault drops type-graphql's field resolvers, which would skip @UseMiddleware/@Authorized: remove it or exempt those fields first.");
  }
  const basic = schema.getType("Metric");
  const source = isObjectType(basic) ? basic.getFields().kind?.resolve?.toString() : undefined;
  if (!source || !source.includes("applyMiddlewares")) return;
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && field.resolve.toString() === source) field.resolve = undefined;
    }
  }
}

/**
 * type-graphql wraps an interface's resolveType in an async function; graphql-js awaits it, but graphql-jit's compiled
 * plans (src/http/executor.ts) need the type name synchronously, and failed every `node(id:)` (each then recomputed by
 * graphql-js). Node's resolver is synchronous (src/shared/node.type.ts): installed as it is, same answer for both.
 */
function syncNodeTypeResolver(schema: GraphQLSchema): void {
  const node = schema.getType("Node");
  if (!isInterfaceType(node)) throw new Error("src/schema.ts: the Node interface is missing");
  node.resolveType = (value) => ((value as Record<symbol, unknown>)[NODE_TYPE] as string | undefined) ?? undefined;
}

/**
 * `Activity.metrics` of an activity read by a narrow page (activity.shape.ts) answers the figures read with it, the
 * first thing its @FieldResolver does; on the dashboard that is 180 calls per request, each through type-graphql's
 * wrapper (its parameter list, the middleware dispatch) only to return a list already there. Those activities are
 * answered here directly; every other activity goes through type-graphql's resolver as before.
 */
function embeddedFiguresFirst(schema: GraphQLSchema): void {
  const activity = schema.getType("Activity");
  const field = isObjectType(activity) ? activity.getFields().metrics : undefined;
  const resolve = field?.resolve;
  if (!field || !resolve) throw new Error("src/schema.ts: Activity.metrics and its resolver are missing");
  field.resolve = (root, args, context, info) => embeddedFigures(root as object) ?? resolve(root, args, context, info);
}
