import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";
import { readResponse } from "./support/responses.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;
let base: string;

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
  base = await hub.url();
});
afterAll(() => hub.close());

/** What Apollo Client sends with every operation. */
const CLIENT_HEADERS = { "content-type": "application/json", accept: "application/graphql-response+json,application/json;q=0.9" };

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/graphql`, {
    method: "POST",
    headers: { ...CLIENT_HEADERS, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function get(params: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${base}/graphql?${new URLSearchParams(params)}`, { headers });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A V8 stack frame ("at fn (file:1:2)", "at file:///x.js:1:2"). */
const STACK_FRAME = /\bat [^\n"]*:\d+:\d+/;
/** SQL, driver and ORM wording that must never reach a client. */
const SQL_TEXT = /\b(select|insert|update|delete)\b[^"]*\b(from|into|set)\b|failed query|timestamptz|"activities"|\bsqlstate\b|\bpg_|postgres|pglite|drizzle/i;

const SOCIETY = `query Society($slug: String!) { society(slug: $slug) { slug acronym countryCode } }`;

describe("GraphQL over HTTP", () => {
  it("answers a POSTed JSON operation with 200 and { data }", async () => {
    await make.society({ slug: "ahr", acronym: "AHR", name: "Austrian Society", countryCode: "AT" });
    const response = await post({
      query: `${SOCIETY}\nquery Other { __typename }`,
      variables: { slug: "ahr" },
      operationName: "Society",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json/);
    expect(await response.json()).toEqual({ data: { society: { slug: "ahr", acronym: "AHR", countryCode: "AT" } } });
  });

  it("answers a plain POST with only content-type application/json too", async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("answers a query sent with GET and no special headers", async () => {
    await make.society({ slug: "bhr", acronym: "BHR", name: "Belgian Society", countryCode: "BE" });
    const response = await get({ query: SOCIETY, variables: JSON.stringify({ slug: "bhr" }), operationName: "Society" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { society: { slug: "bhr", acronym: "BHR", countryCode: "BE" } } });
  });

  it("refuses a mutation sent with GET as 405 with Allow: POST", async () => {
    const response = await get({ query: "mutation { __typename }" });
    const { status, json } = await readResponse(response);
    expect(status).toBe(405);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(response.headers.get("allow")).toMatch(/POST/);
    expect(json.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(json.errors[0].message).toMatch(/GET requests only support query operations/);
  });

  it("refuses methods other than GET and POST", async () => {
    const response = await fetch(`${base}/graphql`, { method: "PUT", headers: CLIENT_HEADERS, body: JSON.stringify({ query: "{ __typename }" }) });
    const { status, json } = await readResponse(response);
    expect(status).toBe(405);
    expect(json.errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("reports a syntax error as 400 GRAPHQL_PARSE_FAILED", async () => {
    const { status, json } = await readResponse(await post({ query: "{ societies(first: " }));
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(json.errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(json.errors[0].message).toMatch(/Syntax Error/);
  });

  it("reports an unknown field as 400 GRAPHQL_VALIDATION_FAILED", async () => {
    const { status, json } = await readResponse(await post({ query: "{ nope }" }));
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(json.errors[0].message).toMatch(/nope/);
  });

  it("reports a variable of the wrong type as 400 BAD_USER_INPUT", async () => {
    const query = "query($n: Int) { societies(first: $n) { totalCount } }";
    const { status, json } = await readResponse(await post({ query, variables: { n: "twenty" } }));
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(json.errors[0].message).toMatch(/\$n/);
  });

  it("refuses text with a NUL character, in a variable or in the query, as 400 BAD_USER_INPUT", async () => {
    const inVariable = await readResponse(await post({ query: "query($s: String) { societies(filter: { search: $s }) { totalCount } }", variables: { s: "a\u0000b" } }));
    const inLiteral = await readResponse(await post({ query: '{ society(slug: "x\\u0000") { slug } }' }));
    for (const { status, json } of [inVariable, inLiteral]) {
      expect(status).toBe(400);
      expect(json.errors[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(json.errors[0].message).toContain("NUL character");
    }
  });

  it("reports a resolver's BAD_USER_INPUT with its code and argument, and no stack trace", async () => {
    const { status, text, json } = await readResponse(await post({ query: "{ societies(first: 500) { totalCount } }" }));
    // Resolver errors keep HTTP 200 (GraphQL errors are in the body); only request errors change the status.
    expect(status).toBe(200);
    expect(json.data).toBeNull();
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", argument: "first" });
    expect(json.errors[0].path).toEqual(["societies"]);
    expect(text).not.toMatch(/stacktrace/i);
    expect(text).not.toMatch(STACK_FRAME);
  });

  it("answers a body that is not valid JSON with 400 and a JSON error, without a stack trace", async () => {
    const response = await post('{"query": "{ __typename }"');
    const { status, text, json } = await readResponse(response);
    expect(status).toBe(400);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.errors[0]).toEqual({ message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } });
    expect(text).not.toMatch(STACK_FRAME);
    expect(text).not.toMatch(/SyntaxError|stack/i);
  });

  it("accepts a body just under 1 MB and refuses one over 1 MB with 413", async () => {
    const underLimit = await readResponse(await post({ query: `{ __typename }${" ".repeat(1_000_000)}` }));
    expect(underLimit.status).toBe(200);
    expect(underLimit.json).toEqual({ data: { __typename: "Query" } });

    const response = await post({ query: `{ __typename }${" ".repeat(1_100_000)}` });
    const { status, text, json } = await readResponse(response);
    expect(status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.errors[0].message).toMatch(/too large/);
    expect(text).not.toMatch(STACK_FRAME);
  });

  it("never answers an error with SQL text or stack frames", async () => {
    // A well-formed event cursor whose instant PostgreSQL cannot hold: the query fails inside the database.
    const cursor = Buffer.from(JSON.stringify(["e", "+275760-09-13T00:00:00.000Z", 1])).toString("base64url");
    const requests: Array<[string, () => Promise<Response>]> = [
      ["database error (forged cursor)", () => post({ query: `query($after: String) { events(after: $after) { totalCount } }`, variables: { after: cursor } })],
      ["database error (year 0)", () => post({ query: `{ events(filter: { from: "0000-01-01T00:00:00Z" }) { totalCount } }` })],
      ["resolver error", () => post({ query: "{ societies(first: -1) { totalCount } }" })],
      ["bad cursor", () => post({ query: `{ events(after: "bm90LWEtY3Vyc29y") { totalCount } }` })],
      ["syntax error", () => post({ query: "{" })],
      ["validation error", () => post({ query: "{ societies { edges { node { password } } } }" })],
      ["variable error", () => post({ query: "query($f: EventFilter) { events(filter: $f) { totalCount } }", variables: { f: { from: "yesterday" } } })],
      ["invalid JSON", () => post("{")],
      ["JSON that is not an object", () => post('"query"')],
      ["batch", () => post("[]")],
      ["no query", () => post({})],
      ["text/plain body", () => post("{ __typename }", { "content-type": "text/plain" })],
      ["GET without query", () => get({})],
      ["GET with broken variables", () => get({ query: "{ __typename }", variables: "{" })],
    ];
    for (const [what, send] of requests) {
      const { status, text, json } = await readResponse(await send());
      expect(json?.errors?.length, `${what}: ${text}`).toBeGreaterThan(0);
      expect(text, what).not.toMatch(STACK_FRAME);
      expect(text, what).not.toMatch(SQL_TEXT);
      expect(text, what).not.toMatch(/stacktrace|node_modules|\.ts:\d+/i);
      if (what.startsWith("database error")) {
        // Masked as an internal error today; BAD_USER_INPUT would be better (see events.test.ts). Never the raw error.
        expect(status, what).toBe(200);
        expect(["INTERNAL_SERVER_ERROR", "BAD_USER_INPUT"], what).toContain(json.errors[0].extensions.code);
        expect(json.errors[0].message, what).not.toMatch(/out of range|displacement|invalid input syntax/i);
      } else {
        expect(json.errors[0].extensions.code, what).toMatch(/^(BAD_REQUEST|BAD_USER_INPUT|GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED)$/);
      }
    }
  });
});

describe("CORS", () => {
  it("answers a preflight from any origin by default, allowing the Authorization header", async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin: "https://partner.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization",
      },
    });
    expect(response.status).toBeGreaterThanOrEqual(200);
    expect(response.status).toBeLessThan(300);
    expect(["*", "https://partner.example"]).toContain(response.headers.get("access-control-allow-origin"));
    const allowHeaders = (response.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(/\s*,\s*/);
    expect(allowHeaders).toEqual(expect.arrayContaining(["content-type", "authorization"]));
    expect(allowHeaders).not.toContain("idempotency-key"); // the key travels in each submitted item, not as a header
    expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
  });

  it("lets a cross-origin POST read the response and its x-request-id", async () => {
    const response = await post({ query: "{ __typename }" }, { origin: "https://partner.example" });
    expect(response.status).toBe(200);
    expect(["*", "https://partner.example"]).toContain(response.headers.get("access-control-allow-origin"));
    expect((response.headers.get("access-control-expose-headers") ?? "").toLowerCase()).toContain("x-request-id");
  });

  describe("with a list of allowed origins", () => {
    let restricted: TestHub;
    let restrictedUrl: string;
    beforeAll(async () => {
      restricted = await startTestHub({ corsOrigins: ["https://allowed.example"] });
      restrictedUrl = await restricted.url();
    });
    afterAll(() => restricted?.close());

    const preflight = (origin: string) =>
      fetch(`${restrictedUrl}/graphql`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,authorization" },
      });
    const postFrom = (origin: string) =>
      fetch(`${restrictedUrl}/graphql`, { method: "POST", headers: { ...CLIENT_HEADERS, origin }, body: JSON.stringify({ query: "{ __typename }" }) });

    it("echoes an allowed origin, and says the answer varies by origin", async () => {
      const pre = await preflight("https://allowed.example");
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers.get("access-control-allow-origin")).toBe("https://allowed.example");
      expect((pre.headers.get("access-control-allow-headers") ?? "").toLowerCase()).toContain("authorization");
      const response = await postFrom("https://allowed.example");
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("https://allowed.example");
      expect((response.headers.get("vary") ?? "").toLowerCase()).toContain("origin");
    });

    it("does not allow another origin", async () => {
      for (const origin of ["https://evil.example", "https://allowed.example.evil.example", "http://allowed.example"]) {
        const pre = await preflight(origin);
        expect(pre.headers.get("access-control-allow-origin"), origin).toBeNull();
        const response = await postFrom(origin);
        expect(response.headers.get("access-control-allow-origin"), origin).toBeNull();
        expect((response.headers.get("vary") ?? "").toLowerCase(), origin).toContain("origin");
      }
    });
  });
});

describe("health, request ids and unknown paths", () => {
  it("answers GET /healthz with 200 { status: ok }", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers GET /readyz with 200 and status ready while the database answers", async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", database: hub.database.engine });
  });

  it("gives every response an x-request-id, echoing a valid incoming one and replacing an invalid one", async () => {
    const ids = new Set<string>();
    for (const path of ["/healthz", "/graphql?query=%7B__typename%7D", "/nope", "/editions/20x0/events.ics"]) {
      const id = (await fetch(`${base}${path}`)).headers.get("x-request-id");
      expect(id, path).toMatch(UUID);
      ids.add(id!);
    }
    expect(ids.size).toBe(4);

    const echoed = await post({ query: "{ __typename }" }, { "x-request-id": "client-trace.42_A-b" });
    expect(echoed.headers.get("x-request-id")).toBe("client-trace.42_A-b");
    for (const invalid of ["has spaces in it", "x".repeat(101), "semi;colon", "%C3%BCmlaut", "<script>"]) {
      const response = await fetch(`${base}/healthz`, { headers: { "x-request-id": invalid } });
      expect(response.headers.get("x-request-id"), invalid).toMatch(UUID);
    }
  });

  it("answers an unknown path with 404 JSON", async () => {
    for (const [method, path] of [["GET", "/nope"], ["POST", "/graphq"], ["GET", "/editions/2020"], ["GET", "/"]] as const) {
      const response = await fetch(`${base}${path}`, { method });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/json/);
      const body = (await response.json()) as { error?: string };
      expect(body.error, path).toMatch(/\/graphql/);
    }
  });
});
