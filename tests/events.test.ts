import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/shared/global-id.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
});
afterAll(() => hub.close());

type ActivityInsert = Parameters<ReturnType<typeof factories>["activity"]>[0];

/**
 * An activity that is an event from `startsAt` to `endsAt` (UTC instants). On site in Vienna unless `extra` says
 * otherwise; startsOn/endsOn are the local dates (the tests use times at which the UTC and local dates agree).
 */
function event(
  societyId: number,
  editionId: number,
  startsAt: string,
  endsAt: string,
  extra: Partial<ActivityInsert> = {},
): Promise<{ id: number; title: string }> {
  return make.activity({
    societyId,
    editionId,
    kind: "PUBLIC_LECTURE",
    startsOn: startsAt.slice(0, 10),
    endsOn: endsAt.slice(0, 10),
    eventStartsAt: new Date(startsAt),
    eventEndsAt: new Date(endsAt),
    eventTimeZone: "Europe/Vienna",
    eventOnline: false,
    eventVenue: "Vienna General Hospital",
    eventCity: "Vienna",
    eventCountryCode: "AT",
    ...extra,
  });
}

/** Sets up one edition of `year` with a society to hang events on. */
async function editionWithSociety(year: number) {
  const society = await make.society();
  const edition = await make.edition(year);
  return { society, edition, event: (startsAt: string, endsAt: string, extra: Partial<ActivityInsert> = {}) => event(society.id, edition.id, startsAt, endsAt, extra) };
}

const EVENTS = `query($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        id title status startsOn endsOn
        event { startsAt endsAt timeZone venue city countryCode online joinUrl }
      }
    }
  }
}`;

async function events(variables: Record<string, unknown>) {
  const result = await hub.gql(EVENTS, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  // In process, DateTime values are Date objects; a client sees them as JSON strings.
  return JSON.parse(JSON.stringify(result.data.events)) as {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: Array<{ cursor: string; node: any }>;
  };
}

const titles = (connection: { edges: Array<{ node: { title: string } }> }) => connection.edges.map((e) => e.node.title);

async function errorCode(variables: Record<string, unknown>) {
  const { data, errors } = await hub.gql(EVENTS, variables);
  expect(data?.events ?? null).toBeNull();
  return { code: errors?.[0]?.extensions?.code, message: errors?.[0]?.message ?? "" };
}

describe("events", () => {
  it("lists only approved activities that are events, in time order (start, then id), with their time and place", async () => {
    const { society, edition, event } = await editionWithSociety(2031);
    // Made in an order different from the time order, so that the list cannot pass by following ids alone.
    const afternoon = await event("2031-11-08T14:00:00Z", "2031-11-08T16:00:00Z", { title: "Afternoon lecture" });
    const morning = await event("2031-11-08T09:00:00Z", "2031-11-08T10:30:00Z", {
      title: "Morning webinar",
      kind: "WEBINAR",
      eventTimeZone: "Asia/Tokyo",
      eventOnline: true,
      eventVenue: null,
      eventCity: null,
      eventCountryCode: null,
      eventJoinUrl: "https://webinar.example/idor-2031",
    });
    const sameTime = await event("2031-11-08T14:00:00Z", "2031-11-08T15:00:00Z", { title: "Afternoon open day", kind: "OPEN_DAY" });
    for (const status of ["SUBMITTED", "REJECTED", "WITHDRAWN"] as const) {
      await event("2031-11-08T08:00:00Z", "2031-11-08T09:00:00Z", { title: `${status} event`, status });
    }
    await make.activity({ societyId: society.id, editionId: edition.id, kind: "BOOK", title: "A book, not an event", startsOn: "2031-11-08" });

    const list = await events({ filter: { year: 2031 } });
    expect(titles(list)).toEqual(["Morning webinar", "Afternoon lecture", "Afternoon open day"]);
    expect(afternoon.id).toBeLessThan(sameTime.id);
    expect(list.totalCount).toBe(3);
    expect(list.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(list.edges.every((e) => e.node.status === "APPROVED")).toBe(true);

    expect(list.edges[0]!.node).toEqual({
      id: toGlobalId("Activity", morning.id),
      title: "Morning webinar",
      status: "APPROVED",
      startsOn: "2031-11-08",
      endsOn: "2031-11-08",
      event: {
        startsAt: "2031-11-08T09:00:00.000Z",
        endsAt: "2031-11-08T10:30:00.000Z",
        timeZone: "Asia/Tokyo",
        venue: null,
        city: null,
        countryCode: null,
        online: true,
        joinUrl: "https://webinar.example/idor-2031",
      },
    });
    expect(list.edges[1]!.node.event).toEqual({
      startsAt: "2031-11-08T14:00:00.000Z",
      endsAt: "2031-11-08T16:00:00.000Z",
      timeZone: "Europe/Vienna",
      venue: "Vienna General Hospital",
      city: "Vienna",
      countryCode: "AT",
      online: false,
      joinUrl: null,
    });
  });

  it("gives activities that are not events a null event", async () => {
    const { society, edition } = await editionWithSociety(2041);
    const book = await make.activity({ societyId: society.id, editionId: edition.id, kind: "BOOK", title: "A book" });
    const { data, errors } = await hub.gql(`query($id: ID!) { node(id: $id) { ... on Activity { title event { startsAt } } } }`, {
      id: toGlobalId("Activity", book.id),
    });
    expect(errors).toBeUndefined();
    expect(data.node).toEqual({ title: "A book", event: null });
  });

  it("filters by year", async () => {
    const a = await editionWithSociety(2033);
    const b = await editionWithSociety(2034);
    await a.event("2033-11-08T09:00:00Z", "2033-11-08T10:00:00Z", { title: "IDoR 2033 lecture" });
    await b.event("2034-11-08T09:00:00Z", "2034-11-08T10:00:00Z", { title: "IDoR 2034 lecture" });
    // An event belongs to its edition, whatever its date: a 2033 activity held in early 2034 is still IDoR 2033.
    await a.event("2034-01-15T09:00:00Z", "2034-01-15T10:00:00Z", { title: "IDoR 2033 follow-up" });

    expect(titles(await events({ filter: { year: 2033 } }))).toEqual(["IDoR 2033 lecture", "IDoR 2033 follow-up"]);
    expect(titles(await events({ filter: { year: 2034 } }))).toEqual(["IDoR 2034 lecture"]);
    const none = await events({ filter: { year: 2199 } });
    expect(none.edges).toEqual([]);
    expect(none.totalCount).toBe(0);
  });

  it("filters by country, taking the code in any case, and refuses a malformed code", async () => {
    const { event } = await editionWithSociety(2032);
    await event("2032-11-08T09:00:00Z", "2032-11-08T10:00:00Z", { title: "Berlin", eventCity: "Berlin", eventCountryCode: "DE" });
    await event("2032-11-08T10:00:00Z", "2032-11-08T11:00:00Z", { title: "Vienna" });
    await event("2032-11-08T11:00:00Z", "2032-11-08T12:00:00Z", { title: "Munich", eventCity: "Munich", eventCountryCode: "DE" });
    await event("2032-11-08T12:00:00Z", "2032-11-08T13:00:00Z", {
      title: "Online only",
      eventOnline: true,
      eventVenue: null,
      eventCity: null,
      eventCountryCode: null,
      eventJoinUrl: "https://online.example/",
    });

    for (const countryCode of ["DE", "de", "De"]) {
      const list = await events({ filter: { year: 2032, countryCode } });
      expect(titles(list), countryCode).toEqual(["Berlin", "Munich"]);
      expect(list.totalCount).toBe(2);
    }
    expect(titles(await events({ filter: { year: 2032, countryCode: "at" } }))).toEqual(["Vienna"]);
    expect(titles(await events({ filter: { year: 2032, countryCode: "FR" } }))).toEqual([]);
    for (const countryCode of ["DEU", "D", "", "1A"]) {
      expect((await errorCode({ filter: { year: 2032, countryCode } })).code, countryCode).toBe("BAD_USER_INPUT");
    }
  });

  it("filters online and on-site events", async () => {
    const { event } = await editionWithSociety(2035);
    const online = { eventOnline: true, eventJoinUrl: "https://join.example/" };
    await event("2035-11-08T09:00:00Z", "2035-11-08T10:00:00Z", { title: "On site" });
    await event("2035-11-08T10:00:00Z", "2035-11-08T11:00:00Z", { title: "Hybrid", ...online });
    await event("2035-11-08T11:00:00Z", "2035-11-08T12:00:00Z", {
      title: "Online",
      ...online,
      eventVenue: null,
      eventCity: null,
      eventCountryCode: null,
    });

    const onlineList = await events({ filter: { year: 2035, online: true } });
    expect(titles(onlineList)).toEqual(["Hybrid", "Online"]);
    expect(onlineList.totalCount).toBe(2);
    expect(onlineList.edges.every((e) => e.node.event.online === true)).toBe(true);
    expect(titles(await events({ filter: { year: 2035, online: false } }))).toEqual(["On site"]);
    expect(titles(await events({ filter: { year: 2035, online: null } }))).toEqual(["On site", "Hybrid", "Online"]);
    expect(titles(await events({ filter: { year: 2035, online: true, countryCode: "AT" } }))).toEqual(["Hybrid"]);
  });

  it("keeps an event in a from/to window when it has not ended before `from` and starts before `to`", async () => {
    const { event } = await editionWithSociety(2036);
    await event("2036-11-07T10:00:00Z", "2036-11-07T12:00:00Z", { title: "Eve" });
    await event("2036-11-08T09:00:00Z", "2036-11-08T11:00:00Z", { title: "Morning" });
    await event("2036-11-08T18:00:00Z", "2036-11-09T02:00:00Z", { title: "Night", endsOn: "2036-11-09" });
    await event("2036-11-10T09:00:00Z", "2036-11-10T10:00:00Z", { title: "Later" });
    const window = async (filter: Record<string, unknown>) => titles(await events({ filter: { year: 2036, ...filter } }));

    // Morning is still running at 10:00, so it is not over; Eve ended the day before.
    expect(await window({ from: "2036-11-08T10:00:00Z" })).toEqual(["Morning", "Night", "Later"]);
    // An event that ends exactly at `from` has not ended before it.
    expect(await window({ from: "2036-11-07T12:00:00Z" })).toEqual(["Eve", "Morning", "Night", "Later"]);
    expect(await window({ from: "2036-11-07T12:00:00.001Z" })).toEqual(["Morning", "Night", "Later"]);
    // An event that starts exactly at `to` does not start before it.
    expect(await window({ to: "2036-11-08T18:00:00Z" })).toEqual(["Eve", "Morning"]);
    expect(await window({ to: "2036-11-08T18:00:00.001Z" })).toEqual(["Eve", "Morning", "Night"]);
    expect(await window({ from: "2036-11-08T10:30:00Z", to: "2036-11-09T00:00:00Z" })).toEqual(["Morning", "Night"]);
    // Offsets are instants: 11:30+01:00 is 10:30Z.
    expect(await window({ from: "2036-11-08T11:30:00+01:00", to: "2036-11-09T01:00:00+01:00" })).toEqual(["Morning", "Night"]);
    // from = to asks what is on at that instant.
    expect(await window({ from: "2036-11-08T23:00:00Z", to: "2036-11-08T23:00:00Z" })).toEqual(["Night"]);
    const counted = await events({ filter: { year: 2036, from: "2036-11-08T10:00:00Z" } });
    expect(counted.totalCount).toBe(3);
  });

  it("refuses a window whose `from` is after its `to`", async () => {
    const { code, message } = await errorCode({ filter: { from: "2036-11-09T00:00:00Z", to: "2036-11-08T00:00:00Z" } });
    expect(code).toBe("BAD_USER_INPUT");
    expect(message).toMatch(/from must not be after .*to/);
    expect((await errorCode({ filter: { from: "not a date" } })).code).toBe("BAD_USER_INPUT");
  });

  it("pages with first and after in time order, ties broken by id, with the total count on every page", async () => {
    const { event } = await editionWithSociety(2037);
    // Three events at the same instant straddle the page boundary.
    await event("2037-11-08T12:00:00Z", "2037-11-08T13:00:00Z", { title: "E3" });
    await event("2037-11-08T12:00:00Z", "2037-11-08T13:00:00Z", { title: "E4" });
    await event("2037-11-08T08:00:00Z", "2037-11-08T09:00:00Z", { title: "E1" });
    await event("2037-11-08T12:00:00Z", "2037-11-08T12:30:00Z", { title: "E5" });
    await event("2037-11-08T10:00:00Z", "2037-11-08T11:00:00Z", { title: "E2" });
    await event("2037-11-09T08:00:00Z", "2037-11-09T09:00:00Z", { title: "E6" });
    const filter = { year: 2037 };

    const seen: string[] = [];
    let after: string | null = null;
    const pages: Array<Awaited<ReturnType<typeof events>>> = [];
    do {
      const page = await events({ filter, first: 2, after });
      pages.push(page);
      seen.push(...titles(page));
      expect(page.totalCount).toBe(6);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (page.edges.length) {
        expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]!.cursor);
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 10);
    expect(seen).toEqual(["E1", "E2", "E3", "E4", "E5", "E6"]);
    expect(pages.map(titles)).toEqual([["E1", "E2"], ["E3", "E4"], ["E5", "E6"]]);
    expect(pages[2]!.pageInfo.hasNextPage).toBe(false);

    // Any edge's cursor works as `after`, and a page may be empty yet still count.
    const fromEdge = await events({ filter, first: 10, after: pages[1]!.edges[0]!.cursor });
    expect(titles(fromEdge)).toEqual(["E4", "E5", "E6"]);
    const empty = await events({ filter, first: 0 });
    expect(empty.edges).toEqual([]);
    expect(empty.totalCount).toBe(6);
    expect(empty.pageInfo).toMatchObject({ hasNextPage: true, startCursor: null, endCursor: null });
    const afterLast = await events({ filter, after: pages[2]!.pageInfo.endCursor });
    expect(afterLast.edges).toEqual([]);
    expect(afterLast.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("refuses a page size over 100, a negative one and cursors that are not event cursors", async () => {
    const societies = await hub.gql(`{ societies(first: 1) { pageInfo { endCursor } } }`);
    const societyCursor = societies.data.societies.pageInfo.endCursor as string | null;
    const activityCursor = Buffer.from(JSON.stringify(["a", "2037-11-08T12:00:00.000Z", 1])).toString("base64url");
    const cases: Record<string, unknown>[] = [{ first: 101 }, { first: -1 }, { after: "bm90LWEtY3Vyc29y" }, { after: "%%%" }, { after: activityCursor }];
    if (societyCursor) cases.push({ after: societyCursor });
    for (const variables of cases) {
      expect((await errorCode(variables)).code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
    }
  });

  // A forged cursor must not reach the database with an instant PostgreSQL cannot hold.
  it("refuses a forged event cursor whose time the database cannot hold, as bad input", async () => {
    for (const at of ["+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "0000-06-01T00:00:00.000Z"]) {
      const cursor = Buffer.from(JSON.stringify(["e", at, 1])).toString("base64url");
      expect((await errorCode({ after: cursor })).code, at).toBe("BAD_USER_INPUT");
    }
  });

  // The DateTime scalar accepts instants in year 0000 UTC, which PostgreSQL rejects: from/to are range-checked first.
  it("refuses a from/to instant before year 1 as bad input", async () => {
    for (const filter of [{ from: "0000-01-01T00:00:00Z" }, { to: "0001-01-01T00:30:00+01:00" }]) {
      expect((await errorCode({ filter })).code, JSON.stringify(filter)).toBe("BAD_USER_INPUT");
    }
  });
});

describe("the iCalendar feed GET /editions/{year}/events.ics", () => {
  /** Physical lines of an iCalendar body (it must end with CRLF). */
  const physicalLines = (body: string) => body.replace(/\r\n$/, "").split("\r\n");
  /** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab continues the line. */
  const unfold = (body: string) => body.replace(/\r\n[ \t]/g, "").replace(/\r\n$/, "").split("\r\n");
  /** The VEVENT blocks, as maps from property name (parameters dropped) to value. */
  function vevents(body: string): Array<Map<string, string>> {
    const out: Array<Map<string, string>> = [];
    let current: Map<string, string> | null = null;
    for (const line of unfold(body)) {
      if (line === "BEGIN:VEVENT") current = new Map();
      else if (line === "END:VEVENT") {
        out.push(current!);
        current = null;
      } else if (current) {
        const colon = line.indexOf(":");
        current.set(line.slice(0, colon).split(";")[0]!, line.slice(colon + 1));
      }
    }
    return out;
  }

  it("serves the approved events of the edition as iCalendar, in UTC, escaped, folded, with CRLF line ends", async () => {
    const longTitle = `Röntgen's rays — ${"Radiologie für alle 🩻 ".repeat(5)}`.trim();
    const { society, edition, event } = await editionWithSociety(2038);
    const other = await make.edition(2039);
    const lecture = await event("2038-11-08T09:00:00Z", "2038-11-08T10:30:00Z", {
      title: "Lecture; radiology, today",
      description: "Doors open at 9:30.\nFree entry; all welcome",
    });
    const webinar = await event("2038-11-08T17:00:00Z", "2038-11-08T18:00:00Z", {
      title: longTitle,
      eventTimeZone: "America/New_York",
      eventOnline: true,
      eventVenue: null,
      eventCity: null,
      eventCountryCode: null,
      eventJoinUrl: "https://webinar.example/join?id=2038",
    });
    await event("2038-11-08T11:00:00Z", "2038-11-08T12:00:00Z", { title: "Submitted, not yet approved", status: "SUBMITTED" });
    await event("2038-11-08T12:00:00Z", "2038-11-08T13:00:00Z", { title: "Withdrawn", status: "WITHDRAWN" });
    await make.activity({ societyId: society.id, editionId: edition.id, kind: "POSTER", title: "A poster, not an event" });
    await event("2039-11-08T09:00:00Z", "2039-11-08T10:00:00Z", { title: "Next year", editionId: other.id });

    const response = await fetch(`${await hub.url()}/editions/2038/events.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar(;|$)/);
    const bytes = Buffer.from(await response.arrayBuffer());
    const body = bytes.toString("utf8");

    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(body.endsWith("END:VCALENDAR\r\n")).toBe(true); // RFC 5545 ends every content line, the last too

    // A well-kept parser (Mozilla's ical.js, as used by Thunderbird) reads the feed and finds the same events.
    const parsed = new ICAL.Component(ICAL.parse(body));
    const parsedEvents = parsed.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(parsedEvents.map((e) => e.summary)).toEqual(["Lecture; radiology, today", longTitle]);
    expect(parsedEvents[0]!.startDate.toJSDate().toISOString()).toBe("2038-11-08T09:00:00.000Z");
    expect(parsedEvents[0]!.location).toBe("Vienna General Hospital, Vienna, AT");
    // Every line break is CRLF; every physical line is at most 75 octets (RFC 5545 §3.1).
    expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const tooLong = physicalLines(body).filter((line) => Buffer.byteLength(line, "utf8") > 75);
    expect(tooLong).toEqual([]);
    // The long title needed folding, and folding kept every multi-byte character whole.
    expect(physicalLines(body).length).toBeGreaterThan(unfold(body).length);
    expect(body).not.toContain("\uFFFD");

    const logical = unfold(body);
    expect(logical).toContain("VERSION:2.0");
    expect(logical.some((line) => /^PRODID:.+/.test(line))).toBe(true);

    const items = vevents(body);
    expect(items).toHaveLength(2);
    const [first, second] = items as [Map<string, string>, Map<string, string>];
    expect(first.get("UID")).toContain(toGlobalId("Activity", lecture.id));
    expect(second.get("UID")).toContain(toGlobalId("Activity", webinar.id));
    expect(first.get("UID")).not.toBe(second.get("UID"));
    expect(first.get("DTSTART")).toBe("20381108T090000Z");
    expect(first.get("DTEND")).toBe("20381108T103000Z");
    expect(second.get("DTSTART")).toBe("20381108T170000Z");
    expect(second.get("DTEND")).toBe("20381108T180000Z");
    // TEXT values escape backslash, semicolon, comma and newline (RFC 5545 §3.3.11).
    expect(first.get("SUMMARY")).toBe("Lecture\\; radiology\\, today");
    expect(first.get("DESCRIPTION")).toBe("Doors open at 9:30.\\nFree entry\\; all welcome");
    expect(first.get("LOCATION")).toBe("Vienna General Hospital\\, Vienna\\, AT");
    expect(second.get("SUMMARY")).toBe(longTitle.replace(/[\\;,]/g, (c) => `\\${c}`));
    expect(body).not.toContain("Submitted, not yet approved");
    expect(body).not.toContain("Withdrawn");
    expect(body).not.toContain("A poster");
    expect(body).not.toContain("Next year");
  });

  it("serves an edition without approved events as an empty calendar", async () => {
    await make.edition(2042);
    const response = await fetch(`${await hub.url()}/editions/2042/events.ics`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(body).not.toContain("BEGIN:VEVENT");
  });

  it("answers 404 with a text message for a year without an edition", async () => {
    const response = await fetch(`${await hub.url()}/editions/2198/events.ics`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/2198/);
  });

  it("answers 400 for a malformed year", async () => {
    for (const year of ["20x0", "999", "20200", "-2020"]) {
      const response = await fetch(`${await hub.url()}/editions/${year}/events.ics`);
      expect(response.status, year).toBe(400);
      expect(response.headers.get("content-type"), year).toMatch(/^text\/plain/);
      expect(await response.text(), year).toMatch(/four digits/);
    }
  });
});
