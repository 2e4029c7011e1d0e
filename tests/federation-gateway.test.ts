// The supergraph end to end, on loopback: the hub, the example partner subgraph (examples/course-catalogue) and the
// gateway, composed from supergraph.config.json. One query spans both graphs; the caller's API key reaches the hub
// (a partner sees its own pending activity through the gateway, the public does not) and never the partner subgraph.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseCatalogueSchema } from "../examples/course-catalogue/server.js";
import { startGateway, type RunningGateway } from "../src/federation/gateway.js";
import { composeSupergraph, loadSupergraphConfig, SupergraphError } from "../src/federation/supergraph.js";
import { fromRoot } from "../src/shared/project-root.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let catalogue: ApolloServer;
let gateway: RunningGateway;
let drgKey: string;
/** The Authorization header of every request the partner subgraph received. */
const seenByCatalogue: Array<string | undefined> = [];

async function viaGateway(query: string, key?: string) {
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  const drg = await make.society({ slug: "drg", acronym: "DRG", name: "Deutsche Röntgengesellschaft" });
  await make.society({ slug: "dvta", acronym: "DVTA" });
  const e2020 = await make.edition(2020, "All imaging professionals and their role in fighting COVID-19");
  await make.edition(2021, "Interventional radiology");
  await make.activity({ societyId: drg.id, editionId: e2020.id, title: "Röntgen-Tag 2020", status: "APPROVED" });
  await make.activity({ societyId: drg.id, editionId: e2020.id, title: "Still under review", status: "SUBMITTED" });
  drgKey = (await make.apiKey("PARTNER", drg.id)).secret;

  catalogue = new ApolloServer({
    schema: courseCatalogueSchema(),
    plugins: [ApolloServerPluginInlineTraceDisabled(), { requestDidStart: async ({ request }) => void seenByCatalogue.push(request.http?.headers.get("authorization")) }],
  });
  const { url: catalogueUrl } = await startStandaloneServer(catalogue, { listen: { port: 0, host: "127.0.0.1" } });

  // The committed config, pointed at the loopback servers of this test.
  const config = loadSupergraphConfig(fromRoot("supergraph.config.json"));
  const hubUrl = `${await hub.url()}/graphql`;
  const subgraphs = config.subgraphs.map((s) => ({ ...s, url: s.hub ? hubUrl : catalogueUrl }));
  gateway = await startGateway({ supergraphSdl: composeSupergraph(subgraphs), subgraphs, port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await gateway?.stop();
  await catalogue?.stop();
  await hub?.close();
});

const COURSES_WITH_HUB_DATA = `{
  courses(societySlug: "drg") {
    title
    edition { year theme }
    society { acronym activities { edges { node { title status } } } }
  }
}`;

describe("the supergraph through the gateway", () => {
  it("answers one query across the course catalogue and the hub", async () => {
    const { data, errors } = await viaGateway(COURSES_WITH_HUB_DATA);
    expect(errors).toBeUndefined();
    expect(data.courses.map((c: any) => [c.title, c.edition?.year ?? null])).toEqual([
      ["Bildgebung bei COVID-19", 2020],
      ["Interventionelle Radiologie für Einsteiger", 2021],
      ["Befundkommunikation mit Patientinnen und Patienten", null],
    ]);
    expect(data.courses[0].edition.theme).toBe("All imaging professionals and their role in fighting COVID-19");
    expect(data.courses[0].society.acronym).toBe("DRG");
  });

  it("extends the hub's society with the partner's courses", async () => {
    const { data, errors } = await viaGateway(`{ society(slug: "dvta") { acronym courses { title credits } } }`);
    expect(errors).toBeUndefined();
    expect(data.society).toEqual({ acronym: "DVTA", courses: [{ title: "Strahlenschutz im Alltag der MTR", credits: 2 }] });
  });

  it("shows the public only approved activities", async () => {
    const { data } = await viaGateway(COURSES_WITH_HUB_DATA);
    const titles = data.courses[0].society.activities.edges.map((e: any) => e.node.title);
    expect(titles).toEqual(["Röntgen-Tag 2020"]);
  });

  it("forwards a partner's key to the hub: the partner sees its own pending activity", async () => {
    const { data, errors } = await viaGateway(COURSES_WITH_HUB_DATA, drgKey);
    expect(errors).toBeUndefined();
    const nodes = data.courses[0].society.activities.edges.map((e: any) => e.node);
    expect(nodes).toEqual(
      expect.arrayContaining([
        { title: "Röntgen-Tag 2020", status: "APPROVED" },
        { title: "Still under review", status: "SUBMITTED" },
      ]),
    );
  });

  it("never sends the key to the partner subgraph", async () => {
    seenByCatalogue.length = 0;
    await viaGateway(COURSES_WITH_HUB_DATA, drgKey);
    expect(seenByCatalogue.length).toBeGreaterThan(0);
    expect(seenByCatalogue.every((header) => header === undefined || header === null)).toBe(true);
  });

  it("passes the hub's refusal of a revoked or unknown key on to the caller", async () => {
    const { data, errors } = await viaGateway(`{ viewer { role } }`, "idor_AAAAAAAA_" + "A".repeat(43));
    expect(data?.viewer ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("composition", () => {
  it("composes the committed hub subgraph SDL with every subgraph of supergraph.config.json", () => {
    const config = loadSupergraphConfig(fromRoot("supergraph.config.json"));
    expect(config.subgraphs.map((s) => [s.name, s.hub])).toEqual([["hub", true], ["courses", false]]);
    expect(composeSupergraph(config.subgraphs)).toContain("join__Graph");
  });

  it("fails with composition's own errors when a subgraph clashes with the hub", () => {
    const config = loadSupergraphConfig(fromRoot("supergraph.config.json"));
    const clash = { name: "clash", url: "http://127.0.0.1:1/graphql", hub: false, sdl: `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Society @key(fields: "slug") { slug: String! name: Int }
      type Query { other: Int }` };
    expect(() => composeSupergraph([...config.subgraphs, clash])).toThrow(SupergraphError);
    expect(() => composeSupergraph([...config.subgraphs, clash])).toThrow(/\[INVALID_FIELD_SHARING\]|\[FIELD_TYPE_MISMATCH\]/);
  });
});
