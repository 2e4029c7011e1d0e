// Rate limits, load shedding and what error logs may hold, through real HTTP on in-process hubs. On PostgreSQL the
// rate-limit counters live in the database (shared by replicas); on PGlite in memory: the same tests hold on both.
import http from "node:http";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

const QUERY = JSON.stringify({ query: "{ editions { year } }" });

/** POSTs a small query "from" `address` (the hubs here trust X-Forwarded-For from loopback). */
async function call(base: string, address: string, key?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: QUERY,
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: { code: string } }> };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), code: body.errors?.[0]?.extensions.code, body };
}

describe("rate limits", () => {
  let hub: TestHub;
  let base: string;
  let partner: { secret: string };
  let other: { secret: string };

  beforeAll(async () => {
    hub = await startTestHub({
      reliability: {
        rateLimitWindowS: 60,
        rateLimitAnonymous: 5,
        rateLimitKeyed: 8,
        rateLimitAuthFailures: 10,
        rateLimitAuthBlockS: 900, // long enough that Retry-After still exceeds 60 s after a slow run of 2,000 requests
        trustProxy: ["loopback"],
      },
    });
    const make = factories(hub.database);
    const society = await make.society();
    partner = await make.apiKey("PARTNER", society.id);
    other = await make.apiKey("PARTNER", society.id);
    base = await hub.url();
  });
  afterAll(() => hub.close());

  it("answers an anonymous address's requests beyond its budget with 429 RATE_LIMITED and Retry-After", async () => {
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await call(base, "203.0.113.1"));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const refused of answers.slice(5)) {
      expect(refused.status).toBe(429);
      expect(refused.code).toBe("RATE_LIMITED");
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    }
    // Another address has its own budget.
    expect((await call(base, "203.0.113.2")).status).toBe(200);
  });

  it("counts a key's requests per key, whatever address they come from", async () => {
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await call(base, `198.51.100.${i}`, partner.secret)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429, 429]);
    // The other key of the same society is untouched, and so is the anonymous budget of those addresses.
    expect((await call(base, "198.51.100.1", other.secret)).status).toBe(200);
    expect((await call(base, "198.51.100.1")).status).toBe(200);
  });

  it("blocks key guessing: 2,000 made-up keys get 401 ten times, then 429 — and the address's real key too", async () => {
    const made = (i: number) => `idor_Zz${String(i).padStart(6, "0")}_${"x".repeat(43)}`;
    const statuses: number[] = [];
    const t0 = Date.now();
    // 20 callers at a time, as fast as the hub answers.
    for (let i = 0; i < 2_000; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, (_, j) => call(base, "192.0.2.66", made(i + j))));
      statuses.push(...batch.map((b) => b.status));
    }
    const elapsedMs = Date.now() - t0;
    const unauthenticated = statuses.filter((s) => s === 401).length;
    expect(unauthenticated).toBeGreaterThanOrEqual(10);
    expect(unauthenticated).toBeLessThanOrEqual(30); // concurrent requests may pass the check together, never many
    expect(statuses.filter((s) => s === 429).length).toBe(2_000 - unauthenticated);
    expect(statuses.slice(100).every((s) => s === 429)).toBe(true);
    const blocked = await call(base, "192.0.2.66", other.secret);
    expect(blocked.status).toBe(429);
    expect(blocked.code).toBe("RATE_LIMITED");
    expect(Number(blocked.retryAfter)).toBeGreaterThan(60);
    // Other addresses, keyed or not, are not affected.
    expect((await call(base, "192.0.2.67", other.secret)).status).toBe(200);
    console.info(`2,000 made-up keys in ${elapsedMs} ms: ${unauthenticated} x 401, ${2_000 - unauthenticated} x 429`);
  }, 120_000); // ~3 s on a quiet machine; 2,000 loopback requests take ~25 s on a 2-core machine at load 15

  it("applies the anonymous limit to the calendar feed and the report download, never to /healthz and /readyz", async () => {
    const address = "203.0.113.9";
    const get = (path: string) => fetch(`${base}${path}`, { headers: { "x-forwarded-for": address } });
    for (let i = 0; i < 5; i++) await get("/editions/2020/events.ics");
    expect((await get("/editions/2020/events.ics")).status).toBe(429);
    expect((await get("/reports/2020.csv")).status).toBe(429);
    for (let i = 0; i < 20; i++) {
      expect((await get("/healthz")).status).toBe(200);
      expect((await get("/readyz")).status).toBe(200);
    }
  });
});

describe("forwarded addresses", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ reliability: { rateLimitAnonymous: 3 } }); // HUB_TRUST_PROXY's default: trust no proxy
  });
  afterAll(() => hub.close());

  it("are ignored unless a proxy is trusted, so a made-up X-Forwarded-For does not escape the limit", async () => {
    const base = await hub.url();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(base, `10.0.0.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

/** Starts a POST whose body never arrives: the request holds its place in the hub until `finish` is called. */
function slowRequest(base: string) {
  const url = new URL(`${base}/graphql`);
  const req = http.request({ host: url.hostname, port: url.port, path: "/graphql", method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(QUERY) } });
  const answer = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode!));
    });
    req.on("error", reject);
  });
  req.flushHeaders();
  req.write(QUERY.slice(0, 5));
  return { answer, finish: () => req.end(QUERY.slice(5)) };
}

describe("load shedding", () => {
  let hub: TestHub;
  let base: string;
  beforeAll(async () => {
    hub = await startTestHub({ reliability: { maxConcurrentRequests: 2, maxQueuedRequests: 1, maxQueueWaitMs: 10_000 } });
    base = await hub.url();
  });
  afterAll(() => hub.close());

  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(cond()).toBe(true);
  };

  it("refuses a request beyond the queue at once with 503 OVERLOADED and Retry-After, while /healthz answers", async () => {
    const held = [slowRequest(base), slowRequest(base)];
    await until(() => hub.app.load().active === 2);
    const queued = slowRequest(base);
    queued.finish(); // complete, but it has to wait for a place
    await until(() => hub.app.load().queued === 1);

    const t0 = Date.now();
    const refused = await call(base, "127.0.0.1");
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(refused.status).toBe(503);
    expect(refused.code).toBe("OVERLOADED");
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/editions/2020/events.ics`)).status).toBe(503);

    // Places free up: the waiting request is served, then new ones are again.
    held[0]!.finish();
    expect(await held[0]!.answer).toBe(200);
    expect(await queued.answer).toBe(200);
    held[1]!.finish();
    expect(await held[1]!.answer).toBe(200);
    await until(() => hub.app.load().active === 0);
    expect((await call(base, "127.0.0.1")).status).toBe(200);
  });

  it("refuses a request that waited longer than HUB_MAX_QUEUE_WAIT_MS", async () => {
    const short = await startTestHub({ reliability: { maxConcurrentRequests: 1, maxQueuedRequests: 5, maxQueueWaitMs: 300 } });
    try {
      const shortBase = await short.url();
      const held = slowRequest(shortBase);
      await until(() => short.app.load().active === 1);
      const t0 = Date.now();
      const refused = await call(shortBase, "127.0.0.1");
      const waited = Date.now() - t0;
      expect(refused.code).toBe("OVERLOADED");
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(3_000);
      held.finish();
      expect(await held.answer).toBe(200);
    } finally {
      await short.close();
    }
  }, 120_000); // starts a hub of its own: a second or two on a quiet machine, far more under load
});

describe("error logs", () => {
  it("hold neither SQL parameters nor quoted input, and carry the request id of the request that failed", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const hub = await startTestHub({}, logger);
    try {
      // A real driver error whose message and parameters hold the secret text.
      const secret = "idor_SECRET99_submitted-text-with-a-password";
      const error = await hub.database.db.execute(sql`select ${secret}::int as n`).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      logger.error({ err: error }, "unexpected error");
      // An error inside a request: its line carries the request id, although the code that logs it never saw the id.
      const database = hub.database;
      await database.close(); // every query fails from here on
      const response = await fetch(`${await hub.url()}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "trace-me-42" },
        body: QUERY,
      });
      expect([200, 503]).toContain(response.status);
      const logged = lines.join("");
      expect(logged).toContain("unexpected error");
      expect(logged).not.toContain("SECRET99");
      expect(logged).not.toContain("submitted-text");
      const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50 && l.requestId !== undefined);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((l) => l.requestId === "trace-me-42")).toBe(true);
      expect(lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50).length).toBe(errors.length + 1); // + the first
      hub.database.close = async () => {};
    } finally {
      await hub.close();
    }
  });
});
