import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;
let esr: { id: number };
let dvta: { id: number };
const ids: Record<string, number> = {};

const STAFF: Viewer = { role: "STAFF", keyPrefix: "test-staff" };
const partnerOf = (societyId: number): Viewer => ({ role: "PARTNER", societyId, keyPrefix: "test-partner" });

const at = (minute: number) => new Date(Date.UTC(2020, 10, 9, 12, minute));

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
  esr = await make.society({ slug: "esr", acronym: "ESR", name: "European Society of Radiology" });
  dvta = await make.society({ slug: "dvta", acronym: "DVTA", name: "Dachverband", profession: "RADIOGRAPHY" });
  const e2019 = await make.edition(2019, "Sports imaging");
  const e2020 = await make.edition(2020, "All imaging professionals");
  const add = async (name: string, values: Parameters<typeof make.activity>[0]) => {
    ids[name] = (await make.activity(values)).id;
  };
  await add("report2020", { societyId: esr.id, editionId: e2020.id, kind: "CAMPAIGN_REPORT", title: "IDoR 2020 report", createdAt: at(1) });
  await add("connect2020", { societyId: esr.id, editionId: e2020.id, kind: "LECTURE_PACKAGE", title: "ESR Connect package", createdAt: at(2) });
  await add("poster2019", { societyId: esr.id, editionId: e2019.id, kind: "POSTER", title: "IDoR 2019 poster", createdAt: at(3) });
  await add("dvtaWebinar", { societyId: dvta.id, editionId: e2020.id, kind: "WEBINAR", title: "DVTA webinar", createdAt: at(4) });
  await add("dvtaPending", { societyId: dvta.id, editionId: e2020.id, kind: "WEBINAR", title: "DVTA pending", status: "SUBMITTED", createdAt: at(5) });
  await add("dvtaRejected", { societyId: dvta.id, editionId: e2020.id, kind: "QUIZ", title: "DVTA rejected", status: "REJECTED", createdAt: at(6) });
  await add("esrWithdrawn", { societyId: esr.id, editionId: e2020.id, kind: "BOOK", title: "ESR withdrawn", status: "WITHDRAWN", createdAt: at(7) });
  await make.metric({ activityId: ids.report2020!, kind: "MENTIONS", value: 2000, precision: "AT_LEAST", scope: "CAMPAIGN" });
  await make.metric({ activityId: ids.report2020!, kind: "IMPRESSIONS", value: 4_400_000, precision: "AT_LEAST", scope: "CAMPAIGN" });
  await make.metric({ activityId: ids.connect2020!, kind: "REGISTRATIONS", channel: "ONLINE_PLATFORM", value: 700, precision: "AT_LEAST" });
  await make.metric({ activityId: ids.connect2020!, kind: "REGISTRATIONS", channel: null, value: 700, precision: "AT_LEAST" });
  await make.metric({ activityId: ids.dvtaWebinar!, kind: "VIEWS", channel: "YOUTUBE", value: 9_007_199_254_740_991 });
  await make.metric({ activityId: ids.dvtaPending!, kind: "VIEWS", channel: "YOUTUBE", value: 12 });
});
afterAll(() => hub.close());

const LIST = `query($filter: ActivityFilter, $first: Int, $after: String) {
  activities(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title status society { slug } edition { year } } }
  }
}`;
const titles = (data: any) => data.activities.edges.map((e: any) => e.node.title);

describe("activities", () => {
  it("lists the approved activities newest first for a caller without credentials", async () => {
    const { data, errors } = await hub.gql(LIST);
    expect(errors).toBeUndefined();
    expect(titles(data)).toEqual(["DVTA webinar", "IDoR 2019 poster", "ESR Connect package", "IDoR 2020 report"]);
    expect(data.activities.totalCount).toBe(4);
    expect(data.activities.edges[0].node).toMatchObject({ status: "APPROVED", society: { slug: "dvta" }, edition: { year: 2020 } });
  });

  it("filters by year, society, kind, status and channel", async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ year: 2019 }, ["IDoR 2019 poster"]],
      [{ year: 2031 }, []],
      [{ societySlug: "dvta" }, ["DVTA webinar"]],
      [{ societySlug: "nobody" }, []],
      [{ kind: "LECTURE_PACKAGE" }, ["ESR Connect package"]],
      [{ channel: "ONLINE_PLATFORM" }, ["ESR Connect package"]],
      [{ channel: "YOUTUBE", societySlug: "dvta" }, ["DVTA webinar"]],
      [{ status: "SUBMITTED" }, []],
    ];
    for (const [filter, expected] of cases) {
      const { data, errors } = await hub.gql(LIST, { filter });
      expect(errors, JSON.stringify(filter)).toBeUndefined();
      expect(titles(data), JSON.stringify(filter)).toEqual(expected);
      expect(data.activities.totalCount, JSON.stringify(filter)).toBe(expected.length);
    }
  });

  it("shows a partner its own activities in every status and the others' only when approved", async () => {
    const { data } = await hub.gql(LIST, {}, partnerOf(dvta.id));
    expect(titles(data)).toEqual(["DVTA rejected", "DVTA pending", "DVTA webinar", "IDoR 2019 poster", "ESR Connect package", "IDoR 2020 report"]);
  });

  it("shows staff everything, and the status filter narrows it", async () => {
    const all = await hub.gql(LIST, {}, STAFF);
    expect(all.data.activities.totalCount).toBe(7);
    const submitted = await hub.gql(LIST, { filter: { status: "SUBMITTED" } }, STAFF);
    expect(titles(submitted.data)).toEqual(["DVTA pending"]);
  });

  it("applies the same visibility to a society's and an edition's activities", async () => {
    const query = `{ society(slug: "dvta") { activities { totalCount edges { node { title } } } }
      edition(year: 2020) { activities(kind: WEBINAR) { totalCount edges { node { title } } } } }`;
    const asPublic = await hub.gql(query);
    expect(asPublic.data.society.activities.edges.map((e: any) => e.node.title)).toEqual(["DVTA webinar"]);
    expect(asPublic.data.society.activities.totalCount).toBe(1);
    expect(asPublic.data.edition.activities.totalCount).toBe(1);
    const asOwner = await hub.gql(query, {}, partnerOf(dvta.id));
    expect(asOwner.data.society.activities.totalCount).toBe(3);
    expect(asOwner.data.edition.activities.edges.map((e: any) => e.node.title)).toEqual(["DVTA pending", "DVTA webinar"]);
  });

  it("filters a society's activities by year and kind", async () => {
    const { data } = await hub.gql(`{ society(slug: "esr") {
      y2020: activities(year: 2020) { edges { node { title } } }
      posters: activities(kind: POSTER) { edges { node { title } } } } }`);
    expect(data.society.y2020.edges.map((e: any) => e.node.title)).toEqual(["ESR Connect package", "IDoR 2020 report"]);
    expect(data.society.posters.edges.map((e: any) => e.node.title)).toEqual(["IDoR 2019 poster"]);
  });

  it("hides an unapproved activity and its metrics from node(id) for the public but not for its owner", async () => {
    const list = await hub.gql(`{ activities(filter: { status: SUBMITTED }) { edges { node { id metrics { id } } } } }`, {}, STAFF);
    const activity = list.data.activities.edges[0].node;
    const query = `query($a: ID!, $m: ID!) { a: node(id: $a) { id } m: node(id: $m) { id } }`;
    const vars = { a: activity.id, m: activity.metrics[0].id };
    expect((await hub.gql(query, vars)).data).toEqual({ a: null, m: null });
    expect((await hub.gql(query, vars, partnerOf(esr.id))).data).toEqual({ a: null, m: null });
    expect((await hub.gql(query, vars, partnerOf(dvta.id))).data).toEqual({ a: { id: vars.a }, m: { id: vars.m } });
  });

  it("returns metrics with all-channels first and values up to 2^53-1, and refetches them by ID", async () => {
    const { data } = await hub.gql(`{ activities(filter: { societySlug: "dvta" }) { edges { node { metrics { value } } } }
      esr: activities(filter: { kind: LECTURE_PACKAGE }) { edges { node { event metrics { id kind channel value precision scope activity { title } } } } } }`
      .replace("event metrics", "event { startsAt } metrics"));
    expect(data.activities.edges[0].node.metrics[0].value).toBe(9_007_199_254_740_991);
    const connect = data.esr.edges[0].node;
    expect(connect.event).toBeNull();
    expect(connect.metrics.map((m: any) => m.channel)).toEqual([null, "ONLINE_PLATFORM"]);
    expect(connect.metrics[0]).toMatchObject({ kind: "REGISTRATIONS", value: 700, precision: "AT_LEAST", scope: "OWN", activity: { title: "ESR Connect package" } });
    const again = await hub.gql(`query($id: ID!) { node(id: $id) { __typename ... on Metric { value } } }`, { id: connect.metrics[1].id });
    expect(again.data.node).toEqual({ __typename: "Metric", value: 700 });
  });

  it("pages newest first without repeating or skipping rows while new rows arrive", async () => {
    const page1 = await hub.gql(LIST, { first: 2 });
    expect(titles(page1.data)).toEqual(["DVTA webinar", "IDoR 2019 poster"]);
    await make.activity({ societyId: esr.id, editionId: (await make.edition(2021)).id, title: "Newer activity", createdAt: at(30) });
    const page2 = await hub.gql(LIST, { first: 2, after: page1.data.activities.pageInfo.endCursor });
    expect(titles(page2.data)).toEqual(["ESR Connect package", "IDoR 2020 report"]);
    expect(page2.data.activities.pageInfo.hasNextPage).toBe(false);
    const fresh = await hub.gql(LIST, { first: 1 });
    expect(titles(fresh.data)).toEqual(["Newer activity"]);
  });

  it("answers a malformed ID with BAD_USER_INPUT and an unknown one with null", async () => {
    const bad = await hub.gql(`{ node(id: "not an id") { id } }`);
    expect(bad.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const unknown = await hub.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: Buffer.from("Activity:999999").toString("base64url") });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.node).toBeNull();
  });

  it("refuses a cursor of another list", async () => {
    const societies = await hub.gql(`{ societies(first: 1) { pageInfo { endCursor } } }`);
    const { errors } = await hub.gql(LIST, { after: societies.data.societies.pageInfo.endCursor });
    expect(errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(errors![0]!.message).toMatch(/after is not a valid cursor/);
  });
});
