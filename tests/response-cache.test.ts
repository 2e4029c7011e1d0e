import http from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { buildApp, type HubApp } from "../src/http/app.js";
import { RevisionReader } from "../src/db/revision.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;
let base: string;
let staffKey: string;

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
  base = await hub.url();
  staffKey = (await make.apiKey("STAFF")).secret;
});
afterAll(() => hub.close());

const SOCIETY = `query Society($slug: String!) { society(slug: $slug) { id slug name } }`;
const RENAME = `mutation($input: UpdateSocietyInput!) { updateSociety(input: $input) { userErrors { code } } }`;
const JSON_HEADERS = { "content-type": "application/json" };

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: "POST", headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });
const get = (url: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql?${new URLSearchParams(params)}`, { headers });

const json = (response: Response): Promise<any> => response.json();

async function rename(id: string, name: string) {
  const response = await post(base, { query: RENAME, variables: { input: { id, name } } }, { authorization: `Bearer ${staffKey}` });
  expect((await json(response)).data.updateSociety.userErrors).toEqual([]);
}

/** A second app on the same database, as another hub process would be. */
async function anotherApp(responseCacheEntries: number) {
  const httpServer = http.createServer();
  const other: HubApp = await buildApp({
    database: hub.database,
    config: { corsOrigins: "*", production: false, responseCacheEntries },
    logger: pino({ level: "silent" }),
    httpServer,
  });
  httpServer.on("request", other.app);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    close: async () => {
      await other.stop();
      await new Promise((r) => httpServer.close(r));
    },
  };
}

describe("public answers reused until the data changes", () => {
  it("answers a repeated public query with the same body and an ETag, and a conditional GET with 304", async () => {
    await make.society({ slug: "etag-a", name: "First name" });
    const params = { query: SOCIETY, variables: JSON.stringify({ slug: "etag-a" }) };
    const first = await get(base, params);
    const etag = first.headers.get("etag");
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^W\/"[0-9a-z]+-[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    const body = await first.text();

    const again = await get(base, params);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe(body);

    const conditional = await get(base, params, { "if-none-match": etag! });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe("");
  });

  it("shows a write to the very next read, with a new ETag, and stops answering 304 for the old one", async () => {
    const society = await make.society({ slug: "etag-b", name: "Before" });
    const params = { query: SOCIETY, variables: JSON.stringify({ slug: "etag-b" }) };
    const before = await get(base, params);
    const beforeBody = await json(before);
    expect(beforeBody.data.society.name).toBe("Before");

    await rename(beforeBody.data.society.id, "After");
    const conditional = await get(base, params, { "if-none-match": before.headers.get("etag")! });
    expect(conditional.status).toBe(200);
    expect((await json(conditional)).data.society.name).toBe("After");
    expect(conditional.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect(society.slug).toBe("etag-b");
  });

  it("shows a write made through one hub process to the next read on another (same database)", async () => {
    await make.society({ slug: "etag-c", name: "Replica before" });
    const { url: otherUrl, close } = await anotherApp(1_000);
    try {
      const query = { query: SOCIETY, variables: { slug: "etag-c" } };
      const onOther = await json(await post(otherUrl, query));
      expect(onOther.data.society.name).toBe("Replica before");
      await rename(onOther.data.society.id, "Replica after");
      expect((await json(await post(otherUrl, query))).data.society.name).toBe("Replica after");
    } finally {
      await close();
    }
  });

  it("never caches callers with credentials, mutations, or answers with errors", async () => {
    await make.society({ slug: "etag-d" });
    const withKey = await post(base, { query: SOCIETY, variables: { slug: "etag-d" } }, { authorization: `Bearer ${staffKey}` });
    expect(withKey.status).toBe(200);
    expect(withKey.headers.get("cache-control")).toBeNull();

    const mutation = await post(base, { query: RENAME, variables: { input: { id: "x", name: "y" } } });
    expect(mutation.headers.get("cache-control")).toBeNull();

    const failing = await post(base, { query: `{ societies(first: 500) { totalCount } }` });
    expect((await json(failing)).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(failing.headers.get("cache-control")).toBeNull();
  });

  it("keeps the answer's media type per Accept header", async () => {
    await make.society({ slug: "etag-e" });
    const query = { query: SOCIETY, variables: { slug: "etag-e" } };
    const plain = await post(base, query, { accept: "application/json" });
    const modern = await post(base, query, { accept: "application/graphql-response+json" });
    const modernAgain = await post(base, query, { accept: "application/graphql-response+json" });
    expect(plain.headers.get("content-type")).toMatch(/^application\/json/);
    expect(modern.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    expect(modernAgain.headers.get("content-type")).toBe(modern.headers.get("content-type"));
  });

  it("is off with HUB_RESPONSE_CACHE_ENTRIES=0: no public Cache-Control, no 304", async () => {
    await make.society({ slug: "etag-f" });
    const { url, close } = await anotherApp(0);
    try {
      const params = { query: SOCIETY, variables: JSON.stringify({ slug: "etag-f" }) };
      const first = await get(url, params);
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toBeNull();
      expect(loadConfig({ HUB_RESPONSE_CACHE_ENTRIES: "0" }).responseCacheEntries).toBe(0);
      expect(() => loadConfig({ HUB_RESPONSE_CACHE_ENTRIES: "-1" })).toThrow(/HUB_RESPONSE_CACHE_ENTRIES/);
    } finally {
      await close();
    }
  });
});

describe("the data revision, read once for requests that arrive together", () => {
  it("sends one read for many concurrent callers, and every caller still sees a write committed before it asked", async () => {
    const reader = new RevisionReader(hub.database.db);
    // The first caller starts a read; the 31 after it arrived too late for that one and share the next.
    const first = await Promise.all(Array.from({ length: 32 }, () => reader.current()));
    expect(reader.reads).toBe(2);
    expect(new Set(first).size).toBe(1);

    await make.society({ slug: "etag-g", name: "Before" });
    const { id } = (await json(await post(base, { query: SOCIETY, variables: { slug: "etag-g" } }))).data.society;
    const running = reader.current(); // may still be running when the write below commits
    await rename(id, "After");
    const afterWrite = await reader.current();
    expect(afterWrite).toBeGreaterThan(first[0]!);
    expect(reader.reads).toBe(4);
    expect(afterWrite).toBeGreaterThan(await running);
  });
});
