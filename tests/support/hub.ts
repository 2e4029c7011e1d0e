// A hub built the way src/main.ts builds it, on a fresh test database, with helpers to call it through GraphQL:
// in-process (`gql`, counting SQL statements) or over real HTTP on a loopback port (`http`).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import type { Database, SqlStats } from "../../src/db/client.js";
import { buildApp, type HubApp } from "../../src/http/app.js";
import type { Config } from "../../src/config.js";
import type { Viewer } from "../../src/context.js";
import { openTestDatabase } from "./db.js";

export interface GqlResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  /** SQL statements the operation ran, with their parameters. */
  sql: NonNullable<SqlStats["log"]>;
}

export interface TestHub {
  database: Database;
  app: HubApp;
  gql<T = any>(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<GqlResult<T>>;
  /** Base URL of the hub listening on 127.0.0.1 (started on first use). */
  url(): Promise<string>;
  /** POSTs a GraphQL operation over real HTTP, with an API key when given. */
  post<T = any>(query: string, variables?: Record<string, unknown>, key?: string): Promise<{ status: number; body: GqlResult<T> }>;
  close(): Promise<void>;
}

export async function startTestHub(config: Partial<Pick<Config, "corsOrigins" | "production">> = {}): Promise<TestHub> {
  const database = await openTestDatabase();
  const httpServer = http.createServer();
  const app = await buildApp({
    database,
    config: { corsOrigins: "*", production: false, ...config },
    logger: pino({ level: "silent" }),
    httpServer,
  });
  httpServer.on("request", app.app);
  let listening: Promise<string> | undefined;
  const url = () => {
    listening ??= new Promise((resolve) => {
      httpServer.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`));
    });
    return listening;
  };
  return {
    database,
    app,
    async gql(query, variables, viewer) {
      const stats: SqlStats = { statements: 0, log: [] };
      const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.context(stats, viewer) });
      if (response.body.kind !== "single") throw new Error("unexpected incremental response");
      const { data, errors } = response.body.singleResult;
      return { data: data as any, errors: errors as GqlResult["errors"], sql: stats.log! };
    },
    async post(query, variables, key) {
      const response = await fetch(`${await url()}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GqlResult };
    },
    url,
    async close() {
      await app.stop();
      if (httpServer.listening) await new Promise((r) => httpServer.close(r));
      await database.close();
    },
  };
}
