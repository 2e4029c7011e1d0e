// Limits on what one request may cost: each is refused before anything runs, with HTTP 400, its own code, the limit's
// value and the request's figure, and the hub answers the next request at once.
import { buildSchema, getIntrospectionQuery, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../src/http/limits.config.js";
import { FIELD_COSTS, LIST_SIZES, operationCost } from "../src/http/query-cost.js";
import { hubSchema } from "../src/schema.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let base: string;

beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  const esr = await make.society({ slug: "esr", acronym: "ESR" });
  const edition = await make.edition(2020);
  for (let i = 0; i < 5; i++) await make.activity({ societyId: esr.id, editionId: edition.id });
  base = await hub.url();
});
afterAll(() => hub.close());

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) };
}

/** The hub still answers a small query, and quickly. */
async function expectAlive() {
  const started = Date.now();
  const { status, json } = await post({ query: "{ __typename }" });
  expect(status).toBe(200);
  expect(json).toEqual({ data: { __typename: "Query" } });
  expect(Date.now() - started).toBeLessThan(2_000);
}

async function expectRefused(body: unknown, code: string, limit: string, max: number) {
  const { status, json, text } = await post(body);
  expect(status, text).toBe(400);
  expect(json.data).toBeUndefined();
  const error = json.errors.find((e: any) => e.extensions.code === code);
  expect(error, text).toBeDefined();
  expect(error.extensions).toMatchObject({ code, limit, max });
  expect(error.message).toContain(String(max));
  await expectAlive();
  return error;
}

/** society → activities(first) → society → activities(first) → ... `levels` times. */
function cycle(levels: number, first = 100) {
  let inner = "title";
  for (let i = 0; i < levels; i++) inner = `title society { slug activities(first: ${first}) { edges { node { ${inner} } } } }`;
  return `{ society(slug: "esr") { activities(first: ${first}) { edges { node { ${inner} } } } } }`;
}

describe("the issue's requests are refused before they run", () => {
  it("refuses the 5-level and 30-level society → activities(first: 100) cycles as QUERY_TOO_DEEP", async () => {
    const five = await expectRefused({ query: cycle(5) }, "QUERY_TOO_DEEP", "depth", DEFAULT_LIMITS.maxDepth);
    expect(five.extensions.actual).toBe(25);
    await expectRefused({ query: cycle(30) }, "QUERY_TOO_DEEP", "depth", DEFAULT_LIMITS.maxDepth);
  });

  it("refuses the cycle by its cost even where it fits the depth limit: 100 × 100 × ... is QUERY_TOO_COMPLEX", async () => {
    const error = await expectRefused({ query: cycle(1) }, "QUERY_TOO_COMPLEX", "cost", DEFAULT_LIMITS.maxCost);
    expect(error.extensions.actual).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(error.message).toMatch(/cost is \d+; at most 10000 is allowed \(HUB_MAX_COST\)/);
  });

  it("counts the nesting above a list: the same cycle with 5 per page is accepted and answers", async () => {
    const { status, json } = await post({ query: cycle(1, 5) });
    expect(status).toBe(200);
    expect(json.data.society.activities.edges).toHaveLength(5);
  });

  it("counts `first` given in variables, for the same document", async () => {
    const query = `query($n: Int) { society(slug: "esr") { activities(first: $n) { edges { node { society { activities(first: $n) { edges { node { title } } } } } } } } }`;
    await expectRefused({ query, variables: { n: 100 } }, "QUERY_TOO_COMPLEX", "cost", DEFAULT_LIMITS.maxCost);
    const small = await post({ query, variables: { n: 3 } });
    expect(small.status).toBe(200);
    expect(small.json.data.society.activities.edges).toHaveLength(3);
    // A cost once found within the limit is remembered for that document and those variables only.
    expect((await post({ query, variables: { n: 3 } })).status).toBe(200);
    await expectRefused({ query, variables: { n: 100 } }, "QUERY_TOO_COMPLEX", "cost", DEFAULT_LIMITS.maxCost);
  });

  it("refuses 10,000 aliases of societies(first: 100) as QUERY_TOO_LARGE while parsing, and 16 aliases as TOO_MANY_ALIASES", async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `a${i}: societies(first: 100) { totalCount }`).join(" ");
    const tokens = await expectRefused({ query: `{ ${many} }` }, "QUERY_TOO_LARGE", "tokens", DEFAULT_LIMITS.maxTokens);
    expect(tokens.extensions.actual).toBe(10_000 * 11 + 2); // a0 : societies ( first : 100 ) { totalCount }
    const sixteen = Array.from({ length: 16 }, (_, i) => `a${i}: society(slug: "esr") { slug }`).join(" ");
    const aliases = await expectRefused({ query: `{ ${sixteen} }` }, "TOO_MANY_ALIASES", "aliases", DEFAULT_LIMITS.maxAliases);
    expect(aliases.extensions.actual).toBe(16);
  });

  it("refuses 300 aliases of a two-level listing, each part within the page limits", async () => {
    const parts = Array.from({ length: 300 }, (_, i) => `a${i}: societies(first: 20) { edges { node { activities(first: 20) { totalCount } } } }`).join(" ");
    const { status, json } = await post({ query: `{ ${parts} }` });
    expect(status).toBe(400);
    expect(["QUERY_TOO_LARGE", "TOO_MANY_ALIASES"]).toContain(json.errors[0].extensions.code);
    await expectAlive();
  });

  it("refuses the summary of every edition with 15 rankings each as QUERY_TOO_COMPLEX, counting editions and rankings", async () => {
    const rankings = Array.from({ length: 15 }, (_, i) => `r${i}: bySociety(kind: MENTIONS, first: ${i + 1}) { value }`).join(" ");
    const error = await expectRefused(
      { query: `{ editions { year summary { totals { kind value } ${rankings} } } }` },
      "QUERY_TOO_COMPLEX",
      "cost",
      DEFAULT_LIMITS.maxCost,
    );
    expect(error.extensions.actual).toBeGreaterThan(20 * 15 * 150);
    // One edition's summary with the same rankings is within the limit.
    const one = await post({ query: `{ summary(year: 2020) { totals { kind value } ${rankings} } }` });
    expect(one.status).toBe(200);
    expect(one.json.errors).toBeUndefined();
  });
});

describe("the shape of a document", () => {
  it("refuses more directives than HUB_MAX_DIRECTIVES as TOO_MANY_DIRECTIVES", async () => {
    const fields = Array.from({ length: 21 }, (_, i) => `a${i % 10}_${i}: __typename @include(if: true)`).join(" ");
    const error = await expectRefused({ query: `{ ${fields} }` }, "TOO_MANY_DIRECTIVES", "directives", DEFAULT_LIMITS.maxDirectives);
    expect(error.extensions.actual).toBe(21);
  });

  it("refuses a directive repeated a thousand times on one field while parsing (QUERY_TOO_LARGE)", async () => {
    await expectRefused({ query: `{ __typename ${"@include(if: true) ".repeat(1000)}}` }, "QUERY_TOO_LARGE", "tokens", DEFAULT_LIMITS.maxTokens);
  });

  it("merges a field asked for 300 times into one and answers cheaply", async () => {
    const { status, json } = await post({ query: `{ societies(first: 5) { edges { node { ${"slug ".repeat(300)} } } } }` });
    expect(status).toBe(200);
    expect(json.data.societies.edges[0].node).toEqual({ slug: "esr" });
  });

  it("refuses circular fragments as GRAPHQL_VALIDATION_FAILED", async () => {
    const query = `{ society(slug: "esr") { ...A } } fragment A on Society { activities { edges { node { society { ...B } } } } } fragment B on Society { ...A }`;
    const { status, json } = await post({ query });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(json.errors.map((e: any) => e.message).join(" ")).toMatch(/Cannot spread fragment "A" within itself/);
    await expectAlive();
  });

  it("refuses fragments that spread each other into thousands of selections as QUERY_TOO_COMPLEX", async () => {
    const levels = Array.from({ length: 14 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(" ");
    const query = `{ ...F0 } ${levels} fragment F14 on Query { __typename }`;
    await expectRefused({ query }, "QUERY_TOO_COMPLEX", "cost", DEFAULT_LIMITS.maxCost);
  });

  it("refuses recursive introspection (graphql-js's MaxIntrospectionDepthRule) and accepts the standard introspection query", async () => {
    const recursive = `{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }`;
    const { status, json } = await post({ query: recursive });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(json.errors[0].message).toMatch(/introspection/i);
    await expectAlive();
    const standard = await post({ query: getIntrospectionQuery() });
    expect(standard.status).toBe(200);
    expect(standard.json.data.__schema.queryType.name).toBe("Query");
  });

  it("refuses a JSON array of operations (batching is off) with 400 BAD_REQUEST", async () => {
    const { status, json } = await post([{ query: "{ __typename }" }, { query: "{ __typename }" }]);
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(json.errors[0].message).toMatch(/batching/i);
    await expectAlive();
  });

  it("refuses a persisted query whose hash does not match its query with 400 BAD_REQUEST", async () => {
    const { status, json } = await post({
      query: "{ __typename }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    expect(status).toBe(400);
    expect(json.errors[0]).toEqual({ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } });
    await expectAlive();
  });
});

describe("the cost rule", () => {
  it("names only fields that exist in the schema", async () => {
    const schema = await hubSchema();
    for (const key of [...Object.keys(FIELD_COSTS), ...Object.keys(LIST_SIZES)]) {
      const [type, field] = key.split(".");
      expect((schema.getType(type!) as any)?.getFields?.()[field!], key).toBeDefined();
    }
  });

  it("counts federation's _entities by the length of its representations, and nesting multiplies", () => {
    const schema = buildSchema(`
      scalar _Any
      type Society { id: ID! activities(first: Int): ActivityConnection! tags: [String!]! }
      type ActivityConnection { edges: [ActivityEdge!]! }
      type ActivityEdge { node: Activity! }
      type Activity { id: ID! }
      union _Entity = Society
      type Query { _entities(representations: [_Any!]!): [_Entity]! societies: [Society!]! }`);
    const cost = (query: string, variables: Record<string, unknown> = {}) =>
      operationCost(schema, { variables }, parse(query), { maxCost: Number.MAX_SAFE_INTEGER, unpagedListSize: 20 });
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: "Society", id: String(i) }));
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Society { id activities(first: 10) { edges { node { id } } } } } }`;
    // Per entity: the society (1) + 10 × (edge 1 + node 1) = 21.
    expect(cost(entities, { r: reps(1) })).toBe(21);
    expect(cost(entities, { r: reps(50) })).toBe(50 * 21);
    // An unpaged list counts HUB_COST_LIST_SIZE items; a list of scalars costs nothing per item.
    expect(cost(`{ societies { id tags } }`)).toBe(20);
    // `first` absent: the default page size (20).
    expect(cost(`{ societies { activities { edges { node { id } } } } }`)).toBe(20 * (1 + 20 * 2));
  });
});

describe("introspection and suggestions", () => {
  let production: TestHub;
  beforeAll(async () => {
    production = await startTestHub({ production: true });
  });
  afterAll(() => production.close());

  it("in production: no introspection and no 'Did you mean', neither in validation nor in variables", async () => {
    const introspection = await production.post("{ __schema { queryType { name } } }");
    expect(introspection.status).toBe(400);
    expect(introspection.body.errors![0]).toMatchObject({
      message: "Introspection is turned off on this hub (HUB_INTROSPECTION).",
      extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
    });
    const typo = await production.post("{ societys { totalCount } }");
    expect(typo.body.errors![0].message).toBe('Cannot query field "societys" on type "Query".');
    const badEnum = await production.post("query($k: ActivityKind) { activities(filter: { kind: $k }) { totalCount } }", { k: "BOK" });
    expect(badEnum.body.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    expect(badEnum.body.errors![0].message).not.toMatch(/Did you mean|BOOK/);
  });

  it("in development: introspection and suggestions help", async () => {
    const introspection = await hub.post("{ __schema { queryType { name } } }");
    expect(introspection.body.data.__schema.queryType.name).toBe("Query");
    const typo = await hub.post("{ societys { totalCount } }");
    expect(typo.body.errors![0].message).toMatch(/Did you mean "society" or "societies"\?/);
  });
});
