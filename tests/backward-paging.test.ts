// Backward paging on every connection (Relay's `last`/`before`): reading a list backward from its end, page by page,
// gives the same items as reading it forward, and pageInfo says where each page sits. One society, one edition and
// seven of everything, so that pages of two leave a short page at the far end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
const STAFF: Viewer = { role: "STAFF", keyPrefix: "test-staff" };

beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  const society = await make.society({ slug: "pager" });
  for (let i = 0; i < 6; i++) await make.society();
  const edition = await make.edition(2033);
  for (let i = 0; i < 7; i++) {
    const startsAt = new Date(Date.UTC(2033, 10, 8, 8 + i));
    await make.activity({
      societyId: society.id,
      editionId: edition.id,
      kind: "PUBLIC_LECTURE",
      startsOn: "2033-11-08",
      endsOn: "2033-11-08",
      eventStartsAt: startsAt,
      eventEndsAt: new Date(startsAt.getTime() + 3_600_000),
      eventTimeZone: "Europe/Vienna",
      eventOnline: false,
      eventVenue: "Vienna General Hospital",
      eventCity: "Vienna",
      eventCountryCode: "AT",
    });
  }
  // Seven keys issued through the API: seven keys and seven audit entries.
  for (let i = 0; i < 7; i++) {
    const issued = await hub.gql(`mutation($label: String!) { issueApiKey(input: { label: $label, role: STAFF }) { userErrors { code } } }`, { label: `key ${i}` }, STAFF);
    expect(issued.errors).toBeUndefined();
  }
});
afterAll(() => hub.close());

interface PageShape {
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string }>;
}

const PAGE_ARGS = "first: $first, after: $after, last: $last, before: $before";
const VARS = "$first: Int, $after: String, $last: Int, $before: String";
const SELECTION = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor }";

/** Each connection: the query that reads one page of it, and where the page is in the answer. */
const CONNECTIONS: Array<{ name: string; query: string; page: (data: any) => PageShape; viewer?: Viewer }> = [
  { name: "societies", query: `query(${VARS}) { societies(${PAGE_ARGS}) { ${SELECTION} } }`, page: (d) => d.societies },
  { name: "activities", query: `query(${VARS}) { activities(${PAGE_ARGS}) { ${SELECTION} } }`, page: (d) => d.activities },
  { name: "events", query: `query(${VARS}) { events(${PAGE_ARGS}) { ${SELECTION} } }`, page: (d) => d.events },
  {
    name: "a society's activities",
    query: `query(${VARS}) { society(slug: "pager") { activities(${PAGE_ARGS}) { ${SELECTION} } } }`,
    page: (d) => d.society.activities,
  },
  {
    name: "an edition's activities",
    query: `query(${VARS}) { edition(year: 2033) { activities(${PAGE_ARGS}) { ${SELECTION} } } }`,
    page: (d) => d.edition.activities,
  },
  { name: "apiKeys", query: `query(${VARS}) { apiKeys(${PAGE_ARGS}) { ${SELECTION} } }`, page: (d) => d.apiKeys, viewer: STAFF },
  { name: "auditLog", query: `query(${VARS}) { auditLog(${PAGE_ARGS}) { ${SELECTION} } }`, page: (d) => d.auditLog, viewer: STAFF },
];

describe.each(CONNECTIONS)("backward paging: $name", ({ query, page, viewer }) => {
  async function read(variables: Record<string, unknown>): Promise<PageShape> {
    const { data, errors } = await hub.gql(query, variables, viewer);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    return page(data);
  }
  const cursors = (p: PageShape) => p.edges.map((e) => e.cursor);

  it("reads the list from its end with last and before, page by page, in the list's order", async () => {
    const all = cursors(await read({ first: 100 }));
    expect(all.length).toBe(7);

    const pages: string[][] = [];
    let before: string | null = null;
    for (let n = 0; n < 10; n++) {
      const p = await read({ last: 2, before });
      pages.unshift(cursors(p));
      expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
      expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1]?.cursor ?? null);
      // The last page has nothing after it; every later page (read before a cursor) has.
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(pages.map((p) => p.length)).toEqual([1, 2, 2, 2]);
    expect(pages.flat()).toEqual(all);
  });

  it("combines the cursors: last before one, first before one, last after one", async () => {
    const all = cursors(await read({ first: 100 }));
    // last 2 of the items after the 2nd and before the 6th: the 4th and 5th.
    const window = await read({ after: all[1], before: all[5], last: 2 });
    expect(cursors(window)).toEqual(all.slice(3, 5));
    expect(window.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    // first 2 before the 4th: the 1st and 2nd, and more follow within the window.
    const head = await read({ before: all[3], first: 2 });
    expect(cursors(head)).toEqual(all.slice(0, 2));
    expect(head.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    // last 0: an empty page that still knows whether items come before its end.
    const none = await read({ last: 0 });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo).toMatchObject({ hasPreviousPage: true, startCursor: null, endCursor: null });
  });
});

describe("backward paging: wrong arguments", () => {
  it("refuses first and last together, a size out of range and a cursor that is not one, naming the argument", async () => {
    const q = `query(${VARS}) { societies(${PAGE_ARGS}) { edges { cursor } } }`;
    const both = await hub.gql(q, { first: 2, last: 2 });
    expect(both.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(both.errors?.[0]?.message).toContain("either first (with after) or last (with before), not both");
    const big = await hub.gql(q, { last: 101 });
    expect(big.errors?.[0]?.message).toContain("last must be a whole number from 0 to 100");
    const bad = await hub.gql(q, { last: 2, before: "not-a-cursor!" });
    expect(bad.errors?.[0]?.message).toContain("before is not a valid cursor for this list: pass the startCursor");
  });
});
