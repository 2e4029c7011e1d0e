// How the hub executes a validated GraphQL operation: graphql-js, or a compiled plan from graphql-jit (the compiler
// Mercurius uses) for queries that run more than once. graphql-js walks the document for every field of every object
// (argument coercion, a promise per object, ~6,000 field executions on the dashboard); a compiled plan is plain
// JavaScript made once per document, which took the dashboard's execution from ~30 to ~19 ms of CPU in-process
// (bench/RESULTS.md, "Third pass"). Apollo Server takes a custom executor only through its `gateway` hook, so this
// module is a one-schema "gateway" that never changes its schema.
//
// The rule that keeps answers identical: a compiled plan's answer is used only when it has no errors. Errors are where
// the two executors may differ (messages of coercion errors, null propagation), so any query whose plan reports an
// error runs again through graphql-js and that answer is the one sent. Mutations and introspection always run through
// graphql-js.
import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { execute, getVariableValues, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

export type ExecutorKind = "jit" | "graphql-js";

const INTROSPECTION = /__(schema|type)\b/;

type GatewayInterface = ApolloServerOptionsWithGateway<object>["gateway"];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface["load"]>>["executor"]>;

/** Answers sent from a compiled plan, and compiled answers with errors recomputed by graphql-js. */
export interface ExecutorStats {
  compiled: number;
  recomputed: number;
}

/**
 * The executor as an Apollo Server gateway (`new ApolloServer({ gateway })`). Plans are kept per parsed document:
 * Apollo's document store hands the same DocumentNode to every request with the same text, and a WeakMap lets a plan
 * go when its document leaves that store. One executor per app, so two apps never share plans.
 */
export function executorGateway(schema: GraphQLSchema, kind: ExecutorKind): GatewayInterface & { stats: ExecutorStats } {
  const stats: ExecutorStats = { compiled: 0, recomputed: 0 };
  const plans = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  // Compiling costs about what Apollo's parse and validation of the same text cost (both once per document).
  const planFor = (document: DocumentNode, operationName: string | null, source: string): CompiledQuery | null => {
    let byName = plans.get(document);
    if (!byName) plans.set(document, (byName = new Map()));
    const key = operationName ?? "";
    let plan = byName.get(key);
    if (plan === undefined) {
      const compiled = INTROSPECTION.test(source)
        ? null
        : compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      plan = compiled && isCompiledQuery(compiled) ? compiled : null;
      byName.set(key, plan);
    }
    return plan;
  };

  const executor: GatewayExecutor = async ({ document, operation, operationName, request, context, source }) => {
    const byGraphqlJs = () =>
      execute({ schema, document, contextValue: context, variableValues: request.variables, operationName }) as Promise<ExecutionResult>;
    if (kind === "graphql-js" || operation.operation !== "query") return byGraphqlJs();
    const compiled = planFor(document, operationName, source);
    if (!compiled) return byGraphqlJs();
    // Variables graphql-js would refuse are refused by graphql-js, with its messages.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
    if (coerced.errors) return byGraphqlJs();
    const result = (await compiled.query(undefined, context, request.variables ?? {})) as ExecutionResult;
    if (!result.errors?.length) {
      stats.compiled++;
      return result;
    }
    // Also when the request is out of time or abandoned: its database handle then refuses every statement at once, so
    // the second run is cheap, and graphql-js's error for a statement PostgreSQL cancelled is the one errors.ts turns
    // into REQUEST_TIMEOUT and a 503 (the compiled plan's answer came out as a 200: tests/request-budget.test.ts).
    stats.recomputed++;
    return byGraphqlJs();
  };

  return {
    stats,
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async stop() {},
  };
}
