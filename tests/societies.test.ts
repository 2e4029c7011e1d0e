import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
  await make.society({ slug: "esr", acronym: "ESR", name: "European Society of Radiology", kind: "FOUNDING_PARTNER", countryCode: "AT" });
  await make.society({ slug: "drg", acronym: "DRG", name: "Deutsche Röntgengesellschaft", countryCode: "DE" });
  await make.society({ slug: "dvta", acronym: "DVTA", name: "Dachverband", countryCode: "DE", profession: "RADIOGRAPHY" });
  await make.society({ slug: "isrrt", acronym: "ISRRT", name: "International Society of Radiographers", kind: "INTERNATIONAL", countryCode: null });
  await make.society({ slug: "sfr", acronym: "SFR", name: "Société française de radiologie", countryCode: "FR" });
});
afterAll(() => hub.close());

const PAGE = `query($filter: SocietyFilter, $first: Int, $after: String) {
  societies(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id slug acronym kind countryCode } }
  }
}`;

describe("societies", () => {
  it("lists societies ordered by slug with a total count", async () => {
    const { data, errors } = await hub.gql(PAGE);
    expect(errors).toBeUndefined();
    expect(data.societies.edges.map((e: any) => e.node.slug)).toEqual(["drg", "dvta", "esr", "isrrt", "sfr"]);
    expect(data.societies.totalCount).toBe(5);
    expect(data.societies.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it("pages with first and after, and a cursor stays valid while rows are added", async () => {
    const first = await hub.gql(PAGE, { first: 2 });
    expect(first.data.societies.edges.map((e: any) => e.node.slug)).toEqual(["drg", "dvta"]);
    expect(first.data.societies.pageInfo.hasNextPage).toBe(true);
    await make.society({ slug: "acr", acronym: "ACR", name: "American College of Radiology", countryCode: "US" });
    await make.society({ slug: "efrs", acronym: "EFRS", name: "European Federation", countryCode: null, kind: "INTERNATIONAL" });
    const second = await hub.gql(PAGE, { first: 2, after: first.data.societies.pageInfo.endCursor });
    expect(second.data.societies.edges.map((e: any) => e.node.slug)).toEqual(["efrs", "esr"]);
    expect(second.data.societies.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("filters by kind, country and search text", async () => {
    const byKind = await hub.gql(PAGE, { filter: { kind: "FOUNDING_PARTNER" } });
    expect(byKind.data.societies.edges.map((e: any) => e.node.slug)).toEqual(["esr"]);
    const byCountry = await hub.gql(PAGE, { filter: { countryCode: "de" } });
    expect(byCountry.data.societies.edges.map((e: any) => e.node.slug)).toEqual(["drg", "dvta"]);
    expect(byCountry.data.societies.totalCount).toBe(2);
    const bySearch = await hub.gql(PAGE, { filter: { search: "radiolog" } });
    expect(bySearch.data.societies.edges.map((e: any) => e.node.slug)).toEqual(["acr", "esr", "sfr"]);
    const literal = await hub.gql(PAGE, { filter: { search: "%" } });
    expect(literal.data.societies.edges).toEqual([]);
  });

  it("finds a society by slug and refetches it by its global ID", async () => {
    const { data } = await hub.gql(`{ society(slug: "esr") { id name } missing: society(slug: "nope") { id } }`);
    expect(data.society.name).toBe("European Society of Radiology");
    expect(data.missing).toBeNull();
    const again = await hub.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Society { slug } } }`, { id: data.society.id });
    expect(again.data.node).toEqual({ __typename: "Society", id: data.society.id, slug: "esr" });
  });

  it("refuses a page of more than 100 with a clear error", async () => {
    const { errors, data } = await hub.gql(PAGE, { first: 101 });
    expect(data).toBeNull();
    expect(errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(errors![0]!.message).toMatch(/first must be a whole number from 0 to 100; got 101/);
  });

  it("refuses a negative page size, a forged cursor and a malformed country code", async () => {
    for (const variables of [{ first: -1 }, { after: "bm90LWEtY3Vyc29y" }, { after: "%%%" }, { filter: { countryCode: "DEU" } }]) {
      const { errors } = await hub.gql(PAGE, variables);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
    }
  });
});
