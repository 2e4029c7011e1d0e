// The hub as an Apollo Federation v2 subgraph: `_service { sdl }` is the committed schema/subgraph.graphql, and
// `_entities` resolves references through the request's DataLoaders with the same visibility as every other read.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { buildApp } from "../src/http/app.js";
import { subgraphSdl } from "../src/federation/subgraph.js";
import { toGlobalId } from "../src/shared/global-id.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let own: { id: number; slug: string };
let other: { id: number; slug: string };
let edition: { id: number; year: number };
let approved: number[];
let pendingOfOther: number;
let ownKey: string;
let otherKey: string;

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Society { id slug acronym }
    ... on Edition { id year }
    ... on Activity { id title status society { slug } }
  }
}`;

const activityRef = (id: number) => ({ __typename: "Activity", id: toGlobalId("Activity", id) });

beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  own = await make.society({ slug: "fed-own", acronym: "OWN" });
  other = await make.society({ slug: "fed-other", acronym: "OTH" });
  edition = await make.edition(2031);
  approved = [];
  for (let i = 0; i < 25; i++) approved.push((await make.activity({ societyId: own.id, editionId: edition.id })).id);
  pendingOfOther = (await make.activity({ societyId: other.id, editionId: edition.id, status: "SUBMITTED", title: "Not yet" })).id;
  ownKey = (await make.apiKey("PARTNER", own.id)).secret;
  otherKey = (await make.apiKey("PARTNER", other.id)).secret;
});
afterAll(() => hub.close());

describe("the hub as a federation subgraph", () => {
  it("schema/subgraph.graphql matches the subgraph the code builds (run `npm run schema:print` after a change)", async () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, "../schema/subgraph.graphql"), "utf8");
    expect(committed).toBe(await subgraphSdl());
  });

  it("answers _service { sdl } with the committed subgraph SDL, keys included", async () => {
    const { data, errors } = await hub.gql(`{ _service { sdl } }`);
    expect(errors).toBeUndefined();
    expect(`${data._service.sdl}\n`).toBe(await subgraphSdl());
    expect(data._service.sdl).toContain('type Society implements Node\n  @key(fields: "id")\n  @key(fields: "slug")');
    expect(data._service.sdl).toContain('type Edition implements Node\n  @key(fields: "id")\n  @key(fields: "year")');
    expect(data._service.sdl).toContain('type Activity implements Node\n  @key(fields: "id")');
  });

  it("resolves societies by id and by slug, editions by id and by year, and activities by id", async () => {
    const { data, errors } = await hub.gql(ENTITIES, {
      representations: [
        { __typename: "Society", id: toGlobalId("Society", own.id) },
        { __typename: "Society", slug: "fed-other" },
        { __typename: "Edition", id: toGlobalId("Edition", edition.id) },
        { __typename: "Edition", year: 2031 },
        activityRef(approved[0]!),
      ],
    });
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([
      { __typename: "Society", id: toGlobalId("Society", own.id), slug: "fed-own", acronym: "OWN" },
      { __typename: "Society", id: toGlobalId("Society", other.id), slug: "fed-other", acronym: "OTH" },
      { __typename: "Edition", id: toGlobalId("Edition", edition.id), year: 2031 },
      { __typename: "Edition", id: toGlobalId("Edition", edition.id), year: 2031 },
      expect.objectContaining({ __typename: "Activity", id: toGlobalId("Activity", approved[0]!), status: "APPROVED" }),
    ]);
  });

  it("resolves 25 activity representations and their societies in one SQL statement each", async () => {
    const { data, errors, sql } = await hub.gql(ENTITIES, { representations: approved.map(activityRef) });
    expect(errors).toBeUndefined();
    expect(data._entities).toHaveLength(25);
    expect(data._entities.every((a: any) => a.society.slug === "fed-own")).toBe(true);
    expect(sql).toHaveLength(2); // activities by id, then their societies
  });

  it("answers null for references to nothing: an unknown id, an id of another type, an unknown slug or year", async () => {
    const { data, errors } = await hub.gql(ENTITIES, {
      representations: [
        activityRef(2_000_000_000),
        { __typename: "Activity", id: toGlobalId("Society", own.id) },
        { __typename: "Society", slug: "no-such-society" },
        { __typename: "Edition", year: 1999 },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([null, null, null, null]);
  });

  it("resolves another society's pending activity to null for the public and for a partner of a third society", async () => {
    const refs = { representations: [activityRef(pendingOfOther)] };
    const anonymous = await hub.post(ENTITIES, refs);
    expect(anonymous.body.data._entities).toEqual([null]);
    const ownPartner = await hub.post(ENTITIES, refs, ownKey);
    expect(ownPartner.body.errors).toBeUndefined();
    expect(ownPartner.body.data._entities).toEqual([null]);
  });

  it("resolves a pending activity for its own society's partner and for staff", async () => {
    const refs = { representations: [activityRef(pendingOfOther)] };
    const owner = await hub.post(ENTITIES, refs, otherKey);
    expect(owner.body.data._entities).toEqual([expect.objectContaining({ title: "Not yet", status: "SUBMITTED" })]);
    const staff = await hub.gql(ENTITIES, refs, { role: "STAFF", keyPrefix: "test" });
    expect(staff.data._entities).toEqual([expect.objectContaining({ title: "Not yet", status: "SUBMITTED" })]);
  });

  it("refuses more representations than HUB_FEDERATION_MAX_REPRESENTATIONS allows (1000 by default), before any SQL", async () => {
    const representations = Array.from({ length: 1001 }, (_, i) => ({ __typename: "Edition", year: 1000 + i }));
    const { data, errors, sql } = await hub.gql(ENTITIES, { representations });
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toBe("_entities accepts at most 1000 representations; got 1001");
    expect(sql).toHaveLength(0);
  });

  it("refuses a representation of a type that is not an entity here, or without a key", async () => {
    const notEntity = await hub.gql(ENTITIES, { representations: [{ __typename: "Metric", id: "x" }] });
    expect(notEntity.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(notEntity.errors?.[0]?.message).toContain("Society, Edition, Activity");
    const keyless = await hub.gql(ENTITIES, { representations: [{ __typename: "Society", name: "x" }] });
    expect(keyless.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(keyless.errors?.[0]?.message).toBe("a Society representation needs one of its keys: id, slug");
  });
});

describe("federation settings", () => {
  it("HUB_FEDERATION=false serves exactly schema/schema.graphql: no _service, no _entities", async () => {
    const plain = await buildApp({
      database: hub.database,
      config: { corsOrigins: "*", production: false, federation: { enabled: false, maxRepresentations: 1000 } },
      logger: pino({ level: "silent" }),
    });
    try {
      const run = async (query: string) => {
        const response = await plain.apollo.executeOperation({ query }, { contextValue: plain.context() });
        return response.body.kind === "single" ? response.body.singleResult : undefined;
      };
      expect((await run(`{ _service { sdl } }`))?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect((await run(`{ _entities(representations: []) { __typename } }`))?.errors?.[0]?.extensions?.code).toBe(
        "GRAPHQL_VALIDATION_FAILED",
      );
      expect((await run(`{ editions { year } }`))?.errors).toBeUndefined();
      const types = (await run(`{ __schema { types { name } } }`))?.data as { __schema: { types: { name: string }[] } };
      const names = types.__schema.types.map((t) => t.name);
      expect(names).toContain("Society");
      expect(names.filter((n) => n.startsWith("_") && !n.startsWith("__"))).toEqual([]);
    } finally {
      await plain.stop();
    }
  });

  it("reads the federation settings with defaults and refuses bad values", () => {
    expect(loadConfig({}).federation).toEqual({ enabled: true, maxRepresentations: 1000 });
    expect(loadConfig({ HUB_FEDERATION: "false", HUB_FEDERATION_MAX_REPRESENTATIONS: "50" }).federation).toEqual({
      enabled: false,
      maxRepresentations: 50,
    });
    expect(() => loadConfig({ HUB_FEDERATION: "no" })).toThrow('HUB_FEDERATION must be "true" or "false"; got "no"');
    expect(() => loadConfig({ HUB_FEDERATION_MAX_REPRESENTATIONS: "0" })).toThrow("HUB_FEDERATION_MAX_REPRESENTATIONS must be from 1 to 100000");
  });
});
