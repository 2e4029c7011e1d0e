// The web site and the GraphQL IDE as the hub serves them: browsers navigating get pages, every other client keeps
// the API's answers (GraphQL over GET, JSON 404s).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { buildApp, type HubApp } from "../src/http/app.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRoot } from "../src/shared/project-root.js";
import { startTestHub, type TestHub } from "./support/hub.js";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("the web site", () => {
  let hub: TestHub;
  let base: string;
  // The same database served the way production serves it (NODE_ENV=production: no IDE).
  let production: HubApp;
  let productionServer: http.Server;
  let productionBase: string;
  beforeAll(async () => {
    hub = await startTestHub();
    base = await hub.url();
    production = await buildApp({ database: hub.database, config: { corsOrigins: "*", production: true }, logger: pino({ level: "silent" }) });
    productionServer = http.createServer(production.app);
    await new Promise<void>((resolve) => productionServer.listen(0, "127.0.0.1", resolve));
    productionBase = `http://127.0.0.1:${(productionServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (productionServer?.listening) await new Promise((r) => productionServer.close(r));
    await production?.stop();
    await hub?.close();
  });

  it("serves GraphiQL to a browser navigating to /graphql", async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toContain("GraphQL IDE");
  });

  it("still answers GraphQL queries over GET, from a browser too", async () => {
    for (const accept of [BROWSER_ACCEPT, "application/json", "*/*"]) {
      const response = await fetch(`${base}/graphql?query=${encodeURIComponent("{ viewer { role } }")}`, { headers: { accept } });
      expect(response.status, accept).toBe(200);
      expect(await response.json(), accept).toEqual({ data: { viewer: { role: "PUBLIC" } } });
    }
  });

  it("turns the IDE off in production, without a landing page from a CDN", async () => {
    const response = await fetch(`${productionBase}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.headers.get("content-type")).not.toMatch(/^text\/html/);
    expect(await response.text()).not.toMatch(/apollo|cdn/i);
  });

  it("serves the site's pages to browsers and keeps JSON 404s for other clients", async () => {
    for (const path of ["/", "/editions/2020", "/history", "/societies/esr", "/partner", "/staff"]) {
      const page = await fetch(`${base}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain('<div id="root">');
    }
    const unknown = await fetch(`${base}/no-such-page`, { headers: { accept: BROWSER_ACCEPT } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await unknown.text()).toContain('<div id="root">');
    const api = await fetch(`${base}/editions/2020`);
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await api.json()).toHaveProperty("error");
  });

  it("loads everything from the hub itself: no CDN, hashed assets cached for a year", async () => {
    for (const file of ["index.html", "graphiql.html"]) {
      const html = fs.readFileSync(fromRoot("web", "dist", file), "utf8");
      expect(html, file).not.toMatch(/(src|href)="(https?:)?\/\//);
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
      const response = await fetch(`${base}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("cache-control"), asset).toMatch(/immutable/);
      // Read to the end: a body left unread kept its connection busy, and closing the hub waited ~6 s for it.
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
  });
});
