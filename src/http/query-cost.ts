// The cost of an operation, computed with graphql-query-complexity before it runs, from the document and its
// variables (so `first: $n` counts what $n says). Roughly: the most objects the answer could hold.
//
//   cost(field) = own + items × (1 for an object, 0 for a scalar or a connection + the cost of the fields selected in it)
//
// items, one generic rule for every field of the schema:
//   - a field with a `first` argument: its value (or `last`'s) (clamped to 0..MAX_PAGE_SIZE: larger pages are refused anyway),
//     or its default page size when absent;
//   - else a list argument named `representations` (federation's `_entities`): its length;
//   - else a list-typed field: its known size (LIST_SIZES) or HUB_COST_LIST_SIZE — except the `edges` of a
//     Relay connection, which its connection's `first` has counted already;
//   - else 1.
// own: FIELD_COSTS for fields that do work of their own (a summary is computed, a ranking is a query, totalCount is
// a count), else 0. Introspection (`__schema`, `__type`) costs a fixed INTROSPECTION_COST: its size is the schema's,
// and graphql-js's MaxIntrospectionDepthRule already refuses recursive introspection.
// Nesting multiplies: `society → activities(first: 100) → society → activities(first: 100)` costs 100 × 100 × ...
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../shared/pagination.js";
import { HubError } from "../shared/errors.js";
import type { Limits } from "./limits.config.js";
import { limitError } from "./query-limits.js";

// One unit of cost is meant as about 0.1 ms of the embedded database's time on the seeded data, so that HUB_MAX_COST
// 10,000 holds PGlite about a second at most (measured with scripts/measure-limits.ts; README "Limits on a request").
// Objects are overcharged by that yardstick (about 0.01 ms each), which also bounds the answer's size.
/** Computing one edition's summary: aggregate statements over every edition's figures (100-260 ms cold, measured). */
export const SUMMARY_COST = 2_000;
/** One ranking (bySociety, byCountry): one aggregate statement (about 12 ms cold, measured). */
export const RANKING_COST = 150;
export const INTROSPECTION_COST = 200;

/** Work a field does once per parent, beyond the objects it returns. Keyed "Type.field"; a test checks every key. */
export const FIELD_COSTS: Record<string, number> = {
  "Query.summary": SUMMARY_COST,
  "Edition.summary": SUMMARY_COST,
  "EditionSummary.bySociety": RANKING_COST,
  "EditionSummary.byCountry": RANKING_COST,
};

/** Lists whose size the domain bounds differently from HUB_COST_LIST_SIZE (or whose `first` defaults otherwise). */
export const LIST_SIZES: Record<string, number> = {
  // Kinds × (all channels + 11 channels): the most rows a summary's per-channel lists can have.
  "EditionSummary.changes": 100,
  "EditionSummary.records": 100,
  // Countries with societies in the hub (about 100 national societies in 2025).
  "EditionSummary.byCountry": 100,
  // bySociety's `first` defaults to 10.
  "EditionSummary.bySociety": 10,
};

function clampPage(n: unknown): number {
  return typeof n === "number" && Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), MAX_PAGE_SIZE) : 0;
}

export function costEstimator(unpagedListSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name === "__schema" || field.name === "__type") return INTROSPECTION_COST;
    const key = `${type.name}.${field.name}`;
    const own = FIELD_COSTS[key] ?? (field.name === "totalCount" ? 1 : 0);
    let items = 1;
    const list = isListType(getNullableType(field.type));
    const paged = field.args.some((a) => a.name === "first");
    if (paged) {
      // A connection reads `first` or `last` items (both at once is refused).
      const size = args.first ?? args.last;
      items = size === undefined || size === null ? (LIST_SIZES[key] ?? DEFAULT_PAGE_SIZE) : clampPage(size);
    } else if (Array.isArray(args.representations)) {
      items = args.representations.length;
    } else if (list) {
      items = type.name.endsWith("Connection") ? 1 : (LIST_SIZES[key] ?? unpagedListSize);
    }
    // A paged connection is not an object of its own: its edges are (a connection's edges count 1 each).
    const object = isCompositeType(getNamedType(field.type)) && !(paged && !list);
    const perItem = (object ? 1 : 0) + childComplexity;
    return own + items * perItem;
  };
}

/** The operation's cost; throws QUERY_TOO_COMPLEX past the limit, BAD_USER_INPUT for variables that do not fit. */
export function operationCost(
  schema: GraphQLSchema,
  request: { query?: string; variables?: Record<string, unknown>; operationName?: string },
  document: DocumentNode,
  limits: Pick<Limits, "maxCost" | "unpagedListSize">,
): number {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: request.variables ?? {},
      operationName: request.operationName ?? undefined,
      estimators: [costEstimator(limits.unpagedListSize)],
      // Selections visited with fragments expanded: bounds the work of fragments spread into fragments.
      maxQueryNodes: MAX_SELECTIONS,
    });
  } catch (err) {
    if (err instanceof Error && /maximum allowed number of nodes/.test(err.message)) {
      throw limitError("cost", limits.maxCost, null, ` (more than ${MAX_SELECTIONS} selections once fragments are expanded)`);
    }
    // Variable and argument values that do not coerce: the same message execution would give, before any work.
    const message = err instanceof Error ? err.message : "Invalid variables.";
    throw new HubError("BAD_USER_INPUT", message, { http: { status: 400 } });
  }
  if (cost > limits.maxCost) throw limitError("cost", limits.maxCost, cost);
  return cost;
}

const MAX_SELECTIONS = 10_000;

/** Variable sets remembered per document; past this the document's set starts again (bounds the memory). */
const KNOWN_PER_DOCUMENT = 64;
/** Longer variables (a batch of submissions) are not remembered: keying them would cost about what computing does. */
const KNOWN_MAX_KEY = 2_000;

/**
 * Checks every operation's cost after validation (also for documents Apollo cached), with that request's variables.
 * A cost depends only on the document, the operation and the variables: once a combination was found within the
 * limit it is not computed again (Apollo hands the same parsed document for the same query text, so the known costs
 * hang off it and go with it). Refusals are not remembered: they are computed again, and answered the same.
 */
export function costLimitPlugin<T extends object>(limits: Pick<Limits, "maxCost" | "unpagedListSize">): ApolloServerPlugin<T> {
  const known = new WeakMap<DocumentNode, Set<string>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = `${request.operationName ?? ""}\n${JSON.stringify(request.variables ?? {})}`;
          const seen = known.get(document);
          if (seen?.has(key)) return;
          operationCost(schema, request, document, limits);
          if (key.length > KNOWN_MAX_KEY) return;
          if (!seen) known.set(document, new Set([key]));
          else {
            if (seen.size >= KNOWN_PER_DOCUMENT) seen.clear();
            seen.add(key);
          }
        },
      };
    },
  };
}
