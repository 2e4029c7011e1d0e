// The hub runs queries as graphql-jit compiled plans (HUB_EXECUTOR=jit, the default; src/http/executor.ts). These
// tests ask the same operations of a hub on graphql-js over the same database and expect the very same answers,
// errors included (an answer with errors is recomputed by graphql-js).
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { buildApp, type HubApp } from "../src/http/app.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let reference: HubApp;

beforeAll(async () => {
  hub = await startTestHub();
  reference = await buildApp({
    database: hub.database,
    config: { corsOrigins: "*", production: false, executor: "graphql-js" },
    logger: pino({ level: "silent" }),
  });
  const make = factories(hub.database);
  const edition = await make.edition(2020, "Cardiac imaging");
  for (let s = 0; s < 3; s++) {
    const society = await make.society({ slug: `exec-${s}` });
    for (let a = 0; a < 3; a++) {
      const activity = await make.activity({
        societyId: society.id,
        editionId: edition.id,
        status: a === 2 ? "SUBMITTED" : "APPROVED",
        startsOn: "2020-11-08",
      });
      await make.metric({ activityId: activity.id, kind: "VIEWS", value: 10 + a });
      await make.metric({ activityId: activity.id, kind: "VIEWS", channel: "YOUTUBE", value: 5 });
    }
  }
});
afterAll(async () => {
  await reference.stop();
  await hub.close();
});

async function both(query: string, variables?: Record<string, unknown>) {
  const before = { ...hub.app.executor };
  const run = async (app: HubApp) => {
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context() });
    if (response.body.kind !== "single") throw new Error("unexpected incremental response");
    return JSON.parse(JSON.stringify(response.body.singleResult));
  };
  // Twice on the compiled side: the first request compiles the plan, the second reuses it.
  const first = await run(hub.app);
  const again = await run(hub.app);
  const compiled = hub.app.executor.compiled - before.compiled;
  const recomputed = hub.app.executor.recomputed - before.recomputed;
  return { jit: first, again, graphqlJs: await run(reference), compiled, recomputed };
}

const DASHBOARD = `query Dashboard($year: Int!) {
  societies(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id slug acronym name
    activities(year: $year, first: 10) { edges { node { __typename id title kind status createdAt startsOn
      metrics { kind channel value precision scope } } } } } } } }`;

describe("the compiled executor (graphql-jit)", () => {
  it("answers lists, pages, enums, DateTime and LocalDate exactly as graphql-js does", async () => {
    const { jit, again, graphqlJs, compiled } = await both(DASHBOARD, { year: 2020 });
    expect(jit.errors).toBeUndefined();
    expect(compiled).toBe(2);
    expect(jit.data.societies.edges).toHaveLength(3);
    expect(jit).toEqual(graphqlJs);
    expect(again).toEqual(graphqlJs);
  });

  it("answers node(id) through the Node interface and its fragments exactly as graphql-js does", async () => {
    const ids = await both(`{ societies(first: 1) { edges { node { id activities(first: 1) { edges { node { id } } } } } } }`);
    const society = ids.jit.data.societies.edges[0].node;
    const { jit, graphqlJs, compiled } = await both(
      `query($s: ID!, $a: ID!) { s: node(id: $s) { __typename id ... on Society { slug } }
        a: node(id: $a) { ... on Activity { title society { slug } } ...M } }
       fragment M on Activity { metrics { value } }`,
      { s: society.id, a: society.activities.edges[0].node.id },
    );
    expect(jit.errors).toBeUndefined();
    expect(jit.data.s.__typename).toBe("Society");
    expect(compiled).toBe(2);
    expect(jit).toEqual(graphqlJs);
  });

  it("gives graphql-js's errors, codes and paths for bad variables, bad arguments and failing resolvers", async () => {
    const cases: Array<[string, Record<string, unknown>?]> = [
      [DASHBOARD, { year: "2020" }],
      [DASHBOARD, { year: 1800 }],
      [`query($after: String) { societies(first: 2, after: $after) { edges { node { slug } } } }`, { after: "not-a-cursor" }],
      [`query($id: ID!) { node(id: $id) { id } }`, { id: "malformed" }],
      [`{ ok: societies(first: 1) { totalCount } bad: societies(first: -1) { totalCount } }`],
    ];
    for (const [query, variables] of cases) {
      const { jit, again, graphqlJs } = await both(query, variables);
      expect(graphqlJs.errors?.length, query).toBeGreaterThan(0);
      expect(jit, query).toEqual(graphqlJs);
      expect(again, query).toEqual(graphqlJs);
    }
  });

  it("is chosen with HUB_EXECUTOR, jit unless set, and refuses other values", () => {
    expect(loadConfig({}).executor).toBe("jit");
    expect(loadConfig({ HUB_EXECUTOR: "graphql-js" }).executor).toBe("graphql-js");
    expect(() => loadConfig({ HUB_EXECUTOR: "fast" })).toThrow(/HUB_EXECUTOR must be "jit" or "graphql-js"; got "fast"/);
  });
});
