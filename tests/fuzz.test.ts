// Property-based test (fast-check, fixed seed): random operations and variables built from schema/schema.graphql, sent
// as the public and as a partner. Whatever they ask, the hub never answers 5xx, never answers INTERNAL_SERVER_ERROR,
// never shows internals (SQL, stack frames, file paths), only uses codes from its closed list, and stays up. Most
// operations run in-process; every 25th also goes over real HTTP with a real key. FUZZ_STATS=1 prints what the
// answers were (data, or which codes) and a sample of the operations.
import fs from "node:fs";
import fc from "fast-check";
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { ERROR_CODES } from "../src/shared/errors.js";
import { fromRoot } from "../src/shared/project-root.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

const SEED = 20261108;
const RUNS = 1_000;

/** Apollo's own request codes, which the hub passes on (README "Errors"). */
const CODES = new Set([
  ...Object.keys(ERROR_CODES),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);
const INTERNALS = /\bat [^\n"]*:\d+:\d+|node_modules|\.ts:\d+|\/work\/|\bselect\b[^"]*\bfrom\b|\binsert into\b|failed query|drizzle|pglite|postgres|sqlstate|stacktrace/i;

let hub: TestHub;
let partner: Viewer;
let partnerKey: string;
let ids: string[];

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64url");

beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  const dvta = await make.society({ slug: "dvta" });
  const other = await make.society({ slug: "esr" });
  const edition = await make.edition(2025);
  const own = await make.activity({ societyId: dvta.id, editionId: edition.id, status: "SUBMITTED" });
  const theirs = await make.activity({ societyId: other.id, editionId: edition.id });
  const metric = await make.metric({ activityId: theirs.id, kind: "VIEWS", value: 10 });
  const key = await make.apiKey("PARTNER", dvta.id);
  partnerKey = key.secret;
  partner = { role: "PARTNER", societyId: dvta.id, keyPrefix: key.prefix };
  ids = [gid("Society", dvta.id), gid("Society", other.id), gid("Edition", edition.id), gid("Activity", own.id), gid("Activity", theirs.id), gid("Metric", metric.id)];
});
afterAll(() => hub.close());

// ---- values for input types ---------------------------------------------------------------------------------------

const plainText = fc.constantFrom("", " ", "'; drop table activities; --", "%_\\", "x".repeat(300), "🩻", "dvta", "esr", "DE", "Europe/Vienna", "https://example.org/");
/** Text the hub refuses for the whole request: rarely, or nothing else would ever run. */
const refusedText = fc.constantFrom("a\ud800b", "\udc00", "\u0000");

function scalarArb(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case "Int":
      return fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 2, arbitrary: fc.constantFrom(2025, 2020, 1, 100) }, { weight: 1, arbitrary: fc.constantFrom(-1, -2147483648, 2147483647, 101) });
    case "Float":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "SafeInt":
      return fc.oneof(fc.integer({ min: -1, max: 1000 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
    case "Boolean":
      return fc.boolean();
    case "ID":
      return fc.oneof(fc.constantFrom(...ids), fc.constantFrom("!!!", gid("Activity", 2 ** 40), gid("Nope", 1)), fc.string({ maxLength: 12 }));
    case "DateTime":
      return fc.oneof(fc.constantFrom("2025-11-08T10:00:00Z", "2025-11-08T11:00:00+01:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"), fc.string({ maxLength: 10 }));
    case "LocalDate":
      return fc.oneof(fc.constantFrom("2025-11-08", "2026-06-30", "2025-02-30", "0001-01-01"), fc.string({ maxLength: 10 }));
    case "JSON":
      return fc.jsonValue({ maxDepth: 2 });
    default:
      return fc.oneof({ weight: 10, arbitrary: plainText }, { weight: 5, arbitrary: fc.string({ maxLength: 20, unit: "binary" }) }, { weight: 1, arbitrary: refusedText });
  }
}

function valueArb(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueArb(type.ofType as GraphQLInputType, depth);
  const inner: fc.Arbitrary<unknown> = isListType(type)
    ? fc.array(valueArb(type.ofType as GraphQLInputType, depth - 1), { maxLength: depth > 0 ? 3 : 0 })
    : isEnumType(type)
      ? fc.oneof({ weight: 40, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: fc.constantFrom("NOPE", "") })
      : isInputObjectType(type)
        ? depth <= 0
          ? fc.constant({})
          : fc.record(
              Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, valueArb(f.type, depth - 1)])),
              { requiredKeys: Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name) },
            )
        : scalarArb(type.name);
  // Now and then a value of the wrong kind altogether, or null.
  return fc.oneof({ weight: 60, arbitrary: inner }, { weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) });
}

// ---- operations ---------------------------------------------------------------------------------------------------

interface Arg {
  name: string;
  type: string;
  value: unknown;
}
interface Selection {
  field: string;
  args: Arg[];
  body: Selection[] | null;
  on?: string;
}

function fieldArb(field: GraphQLField<unknown, unknown>, schema: GraphQLSchema, depth: number): fc.Arbitrary<Selection> {
  const args = field.args.map((a) => {
    const value = valueArb(a.type, 3).map((v) => ({ name: a.name, type: String(a.type), value: v }));
    return isNonNullType(a.type) && a.defaultValue === undefined ? value.map((v) => [v]) : fc.option(value, { nil: undefined }).map((v) => (v ? [v] : []));
  });
  const named = getNamedType(field.type);
  const body = isLeafType(named) ? fc.constant(null) : selectionsArb(named, schema, depth - 1);
  return fc.tuple(fc.tuple(...args), body).map(([a, b]) => ({ field: field.name, args: a.flat(), body: b }));
}

function selectionsArb(type: GraphQLNamedType, schema: GraphQLSchema, depth: number): fc.Arbitrary<Selection[]> {
  if (isAbstractType(type)) {
    const possible = schema.getPossibleTypes(type);
    return fc
      .constantFrom(...possible)
      .chain((t) => selectionsArb(t, schema, depth).map((body) => [{ field: "__typename", args: [], body: null }, { field: "", args: [], body, on: t.name }]));
  }
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const usable = depth <= 0 ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
  if (usable.length === 0) return fc.constant([{ field: "__typename", args: [], body: null }]);
  return fc
    .uniqueArray(fc.constantFrom(...usable), { minLength: 1, maxLength: 3, selector: (f) => f.name })
    .chain((chosen) => fc.tuple(...chosen.map((f) => fieldArb(f, schema, depth))));
}

/** Prints the selection tree, turning every argument into a declared variable. */
function print(selections: Selection[], type: GraphQLNamedType, schema: GraphQLSchema, vars: Arg[]): string {
  return selections
    .map((s) => {
      if (s.on !== undefined) return "";
      const args = s.args.map((a) => {
        const name = `v${vars.length}`;
        vars.push({ name, type: a.type, value: a.value });
        return `${a.name}: $${name}`;
      });
      const field = (type as GraphQLObjectType).getFields?.()[s.field];
      const inner = s.body && field ? `{ ${printBody(s.body, getNamedType(field.type), schema, vars)} }` : "";
      return `${s.field}${args.length ? `(${args.join(", ")})` : ""} ${inner}`;
    })
    .join(" ");
}

function printBody(body: Selection[], type: GraphQLNamedType, schema: GraphQLSchema, vars: Arg[]): string {
  if (!isAbstractType(type)) return print(body, type, schema, vars);
  // An abstract type: __typename plus an inline fragment on one of its types (whose fields the body selected).
  const fragment = body.find((s) => s.on !== undefined)!;
  const target = schema.getType(fragment.on!) as GraphQLObjectType;
  return `__typename ... on ${target.name} { ${print(fragment.body!, target, schema, vars)} }`;
}

function operationArb(schema: GraphQLSchema) {
  const root = (kind: "query" | "mutation") => (kind === "query" ? schema.getQueryType()! : schema.getMutationType()!);
  return fc
    .constantFrom<"query" | "mutation">("query", "query", "query", "mutation")
    .chain((kind) => selectionsArb(root(kind), schema, 4).map((selections) => ({ kind, selections })))
    .map(({ kind, selections }) => {
      const vars: Arg[] = [];
      const body = print(selections, root(kind), schema, vars);
      const declared = vars.length ? `(${vars.map((v) => `$${v.name}: ${v.type}`).join(", ")})` : "";
      return { query: `${kind}${declared} { ${body} }`, variables: Object.fromEntries(vars.map((v) => [v.name, v.value])) };
    });
}

// ---- the property -------------------------------------------------------------------------------------------------

function checkErrors(errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> | undefined, context: string) {
  for (const error of errors ?? []) {
    const code = String(error.extensions?.code);
    expect(CODES.has(code), `${code}: ${error.message}\n${context}`).toBe(true);
    expect(code, `${error.message}\n${context}`).not.toBe("INTERNAL_SERVER_ERROR");
    expect(JSON.stringify(error), context).not.toMatch(INTERNALS);
  }
}

describe("random operations from the schema", () => {
  it(`never answer 5xx, INTERNAL_SERVER_ERROR or internals, for the public and a partner (${RUNS} operations, seed ${SEED})`, { timeout: 240_000 }, async () => {
    const schema = buildSchema(fs.readFileSync(fromRoot("schema", "schema.graphql"), "utf8"));
    let n = 0;
    const stats = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(operationArb(schema), fc.boolean(), async ({ query, variables }, asPartner) => {
        n += 1;
        const context = `${asPartner ? "partner" : "public"}: ${query}\n${JSON.stringify(variables).slice(0, 2000)}`;
        const response = await hub.app.apollo.executeOperation(
          { query, variables },
          { contextValue: hub.app.context({ statements: 0 }, asPartner ? partner : undefined) },
        );
        expect(response.http.status ?? 200, context).toBeLessThan(500);
        if (response.body.kind !== "single") throw new Error("unexpected incremental response");
        checkErrors(response.body.singleResult.errors, context);
        if (process.env.FUZZ_STATS) {
          const codes = [...new Set((response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code)))].join(",") || "data";
          stats.set(codes, (stats.get(codes) ?? 0) + 1);
          if (n % 100 === 1) console.log(context.slice(0, 400), "=>", codes);
        }
        if (n % 25 === 0) {
          const overHttp = await hub.post(query, variables, asPartner ? partnerKey : undefined);
          expect(overHttp.status, context).toBeLessThan(500);
          checkErrors(overHttp.body.errors, context);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (process.env.FUZZ_STATS) console.log(stats);
    expect(n).toBe(RUNS);
    const alive = await hub.post("{ __typename }");
    expect(alive.status).toBe(200);
  });
});
