// The hub as an Apollo Federation v2 subgraph: the same type-graphql schema, printed, with `@key` on the entities of
// entities.ts, handed to @apollo/subgraph together with type-graphql's own resolvers. Only `_service`, `_entities` and
// the federation scalars are added; every other field is the one of schema/schema.graphql, resolved by the same code.
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import {
  Kind,
  concatAST,
  execute,
  lexicographicSortSchema,
  parse,
  printSchema,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { createResolversMap } from "type-graphql";
import type { Context } from "../context.js";
import { hubSchema } from "../schema.js";
import { badInput } from "../shared/errors.js";
import { ENTITIES, isEntityType } from "./entities.js";

/** Federation v2.7: understood by @apollo/gateway 2.x and every current Apollo Router. */
const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;

export interface FederationSettings {
  /** Serve `_service` and `_entities` on /graphql (HUB_FEDERATION). */
  enabled: boolean;
  /** The most representations one `_entities` call may carry (HUB_FEDERATION_MAX_REPRESENTATIONS). */
  maxRepresentations: number;
}

export const DEFAULT_FEDERATION: FederationSettings = { enabled: true, maxRepresentations: 1000 };

function keyDirective(fields: string): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: "key" },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "fields" }, value: { kind: Kind.STRING, value: fields } }],
  };
}

/** The hub's SDL (sorted like schema.graphql) with the federation link and the entities' keys. */
function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  const document = visit(parse(printSchema(lexicographicSortSchema(schema))), {
    ObjectTypeDefinition(node) {
      if (!isEntityType(node.name.value)) return undefined;
      return { ...node, directives: [...(node.directives ?? []), ...ENTITIES[node.name.value].keys.map(keyDirective)] };
    },
  });
  return concatAST([parse(LINK), document]);
}

function resolvers(schema: GraphQLSchema): GraphQLResolverMap<Context> {
  const map = createResolversMap(schema) as GraphQLResolverMap<Context>;
  for (const [name, entity] of Object.entries(ENTITIES)) {
    map[name] = {
      ...(map[name] as object),
      __resolveReference: (ref: Parameters<typeof entity.resolve>[0], ctx: Context) => entity.resolve(ref, ctx),
    };
  }
  return map;
}

/** Refuses an `_entities` call with too many representations, or one naming a type that is not an entity here. */
function boundEntities(schema: GraphQLSchema, max: number) {
  const field = schema.getQueryType()!.getFields()._entities!;
  const resolve = field.resolve!;
  field.resolve = (source, args: { representations: unknown[] }, ctx, info) => {
    const { representations } = args;
    if (representations.length > max) {
      throw badInput(`_entities accepts at most ${max} representations; got ${representations.length}`, "representations");
    }
    for (const ref of representations) {
      const typename = (ref as { __typename?: unknown } | null)?.__typename;
      if (!isEntityType(typename)) {
        throw badInput(
          `each representation needs a __typename of an entity of this subgraph (${Object.keys(ENTITIES).join(", ")})`,
          "representations",
        );
      }
    }
    return resolve(source, args, ctx, info);
  };
}

const built = new Map<number, Promise<GraphQLSchema>>();

/** The executable subgraph schema (built once per representation bound). */
export function subgraphSchema(maxRepresentations = DEFAULT_FEDERATION.maxRepresentations): Promise<GraphQLSchema> {
  let schema = built.get(maxRepresentations);
  if (!schema) {
    // Loaded here, not at the top: @apollo/subgraph brings the federation internals (seconds on a busy machine), and
    // the hub's start-up checks (configuration, data-directory lock) should answer before that.
    schema = Promise.all([hubSchema(), import("@apollo/subgraph")]).then(([hub, { buildSubgraphSchema }]) => {
      const subgraph = buildSubgraphSchema([{ typeDefs: subgraphTypeDefs(hub), resolvers: resolvers(hub) }]);
      boundEntities(subgraph, maxRepresentations);
      return subgraph;
    });
    built.set(maxRepresentations, schema);
  }
  return schema;
}

/** The schema /graphql serves: the subgraph unless federation is turned off, then exactly schema/schema.graphql. */
export function servedSchema(settings: FederationSettings = DEFAULT_FEDERATION): Promise<GraphQLSchema> {
  return settings.enabled ? subgraphSchema(settings.maxRepresentations) : hubSchema();
}

/** The SDL committed as schema/subgraph.graphql: exactly what `_service { sdl }` answers, what composition reads. */
export async function subgraphSdl(): Promise<string> {
  const result = await execute({ schema: await subgraphSchema(), document: parse("{ _service { sdl } }") });
  const sdl = (result.data?._service as { sdl?: string } | undefined)?.sdl;
  if (!sdl) throw new Error(`_service { sdl } failed: ${JSON.stringify(result.errors)}`);
  return `${sdl}\n`;
}
