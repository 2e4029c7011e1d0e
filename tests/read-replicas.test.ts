// Read replicas on real servers: a private primary and a streaming replica made with pg_basebackup -R. The public
// reads from the replica, keyed callers and mutations use the primary. With the replica's replay paused (so that it
// is visibly behind) the public does not yet see a new approved activity while a partner reads its own submission at
// once. Runs whenever PostgreSQL's binaries are installed, whatever DATABASE_URL says.
import http from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "../src/db/client.js";
import { migratePostgresUrl } from "../src/db/migrate.js";
import { openReadReplicas, type ReadReplicas } from "../src/db/replicas.js";
import { buildApp, type HubApp } from "../src/http/app.js";
import { loadConfig } from "../src/config.js";
import { factories } from "./support/factories.js";
import { PG_BIN, startCluster, startReplica, type Cluster } from "./support/pg-cluster.js";

let primaryCluster: Cluster;
let replicaCluster: Cluster;
let primaryUrl: string;
let replicaUrl: string;
let primary: Database;
let replicas: ReadReplicas;
let app: HubApp;
let server: http.Server;
let base: string;
let replicaAdmin: postgres.Sql;
let primaryAdmin: postgres.Sql;
let partnerKey: string;
let staffKey: string;
let make: ReturnType<typeof factories>;
let societyId: number;
let editionId: number;

async function gql(query: string, variables?: Record<string, unknown>, key?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function replicaCaughtUp() {
  const [{ lsn }] = await primaryAdmin<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
  for (let i = 0; i < 200; i++) {
    const [{ done }] = await replicaAdmin<{ done: boolean }[]>`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as done`;
    if (done) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the replica did not catch up within 10 s");
}

const titlesOf = (data: any) => data.activities.edges.map((e: any) => e.node.title) as string[];
const ACTIVITIES = `{ activities(first: 100, filter: { year: 2025 }) { edges { node { title status } } } }`;

describe.skipIf(!PG_BIN)("read replicas (a primary and a pg_basebackup streaming replica)", () => {
  beforeAll(async () => {
    primaryCluster = await startCluster();
    replicaCluster = await startReplica(primaryCluster);
    primaryUrl = primaryCluster.url;
    replicaUrl = replicaCluster.url;
    primaryAdmin = postgres(primaryUrl, { max: 1, onnotice: () => {} });
    replicaAdmin = postgres(replicaUrl, { max: 1, onnotice: () => {} });

    await migratePostgresUrl(primaryUrl);
    primary = openPostgres(primaryUrl, 4);
    make = factories(primary);
    societyId = (await make.society({ slug: "replica-society" })).id;
    editionId = (await make.edition(2025)).id;
    await make.activity({ societyId, editionId, title: "Approved before" });
    partnerKey = (await make.apiKey("PARTNER", societyId)).secret;
    staffKey = (await make.apiKey("STAFF")).secret;

    const logger = pino({ level: "silent" });
    replicas = await openReadReplicas([replicaUrl], 2, logger);
    server = http.createServer();
    app = await buildApp({ database: primary, replicas, config: { corsOrigins: "*", production: false }, logger, httpServer: server });
    server.on("request", app.app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await replicaCaughtUp();
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    if (server?.listening) await new Promise((r) => server.close(r));
    await replicas?.close();
    await primary?.close();
    await replicaAdmin?.end({ timeout: 1 });
    await primaryAdmin?.end({ timeout: 1 });
    await replicaCluster?.destroy();
    await primaryCluster?.destroy();
  }, 60_000);

  it("streams the primary's rows to the replica", async () => {
    expect(await replicas.probe()).toBe(1);
    const [{ standby }] = await replicaAdmin<{ standby: boolean }[]>`select pg_is_in_recovery() as standby`;
    expect(standby).toBe(true);
    expect(titlesOf((await gql(ACTIVITIES)).data)).toEqual(["Approved before"]);
  });

  it("serves the public's reads from the replica and keyed callers' reads from the primary", async () => {
    await replicaAdmin`select pg_wal_replay_pause()`;
    try {
      await make.activity({ societyId, editionId, title: "Approved while the replica is paused" });
      // The replica has not replayed the insert: the public, reading there, does not see it yet ...
      expect(titlesOf((await gql(ACTIVITIES)).data)).toEqual(["Approved before"]);
      // ... staff, reading on the primary, do.
      const staff = await gql(ACTIVITIES, {}, staffKey);
      expect(titlesOf(staff.data)).toEqual(["Approved while the replica is paused", "Approved before"]);
      // The replica's connections carry their own application name.
      const [{ n }] = await replicaAdmin<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity where application_name = 'idor-hub-replica'`;
      expect(n).toBeGreaterThan(0);
    } finally {
      await replicaAdmin`select pg_wal_replay_resume()`;
    }
    await replicaCaughtUp();
    expect(titlesOf((await gql(ACTIVITIES)).data)).toContain("Approved while the replica is paused");
  });

  it("lets a partner read its own submission at once, however far behind the replica is", async () => {
    await replicaAdmin`select pg_wal_replay_pause()`;
    try {
      const submitted = await gql(
        `mutation($input: SubmitActivityInput!) { submitActivity(input: $input) { activity { id status } userErrors { code message } } }`,
        { input: { idempotencyKey: "replica-1", year: 2025, kind: "WEBINAR", title: "Just submitted" } },
        partnerKey,
      );
      expect(submitted.errors).toBeUndefined();
      expect(submitted.data.submitActivity.userErrors).toEqual([]);
      const id = submitted.data.submitActivity.activity.id;
      const mine = await gql(`query($id: ID!) { node(id: $id) { ... on Activity { title status } } }`, { id }, partnerKey);
      expect(mine.data.node).toEqual({ title: "Just submitted", status: "SUBMITTED" });
      const list = await gql(`{ activities(first: 100, filter: { year: 2025, status: SUBMITTED }) { edges { node { title } } } }`, {}, partnerKey);
      expect(titlesOf(list.data)).toEqual(["Just submitted"]);
    } finally {
      await replicaAdmin`select pg_wal_replay_resume()`;
    }
  });

  it("checks the summary's revision on the primary: the public's summary counts an approval at once", async () => {
    const before = await gql(`{ summary(year: 2025) { activityCount revision } }`);
    expect(before.errors).toBeUndefined();
    await replicaAdmin`select pg_wal_replay_pause()`;
    try {
      await make.activity({ societyId, editionId, title: "Approved for the summary" });
      const after = await gql(`{ summary(year: 2025) { activityCount revision } }`);
      expect(after.data.summary.activityCount).toBe(before.data.summary.activityCount + 1);
      expect(after.data.summary.revision).toBeGreaterThan(before.data.summary.revision);
    } finally {
      await replicaAdmin`select pg_wal_replay_resume()`;
    }
  });

  it("takes a replica that stops answering out of rotation: the public then reads from the primary", async () => {
    await replicaCluster.stop();
    expect(await replicas.probe()).toBe(0);
    await make.activity({ societyId, editionId, title: "Approved after the replica stopped" });
    const { data, errors } = await gql(ACTIVITIES);
    expect(errors).toBeUndefined();
    expect(titlesOf(data)).toContain("Approved after the replica stopped");
  });
});

describe("the read replica setting", () => {
  it("lists replica URLs, needs DATABASE_URL, and never echoes a URL", () => {
    const primaryUrl = "postgres://hub:secret@db-primary:5432/idor";
    expect(loadConfig({}).readReplicaUrls).toEqual([]);
    expect(
      loadConfig({ DATABASE_URL: primaryUrl, HUB_READ_REPLICA_URLS: "postgres://hub:s@db-r1/idor, postgres://hub:s@db-r2/idor" }).readReplicaUrls,
    ).toEqual(["postgres://hub:s@db-r1/idor", "postgres://hub:s@db-r2/idor"]);
    expect(() => loadConfig({ HUB_READ_REPLICA_URLS: "postgres://hub:s@db-r1/idor" })).toThrow("HUB_READ_REPLICA_URLS needs DATABASE_URL");
    expect(() => loadConfig({ DATABASE_URL: primaryUrl, HUB_READ_REPLICA_URLS: "mysql://hub:topsecret@x/y" })).toThrow(
      /HUB_READ_REPLICA_URLS entry 1 is not a postgres:\/\/ URL$/,
    );
  });
});
