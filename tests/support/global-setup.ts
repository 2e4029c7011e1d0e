// Migrates once per test run, then every test file clones the result: PGlite cold start with migrations costs seconds
// and most of a gigabyte, a clone costs little; on PostgreSQL `CREATE DATABASE ... TEMPLATE` is a file copy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { wrapPglite } from "../../src/db/pglite.js";
import { migrateDatabase, migratePostgresUrl } from "../../src/db/migrate.js";
import { DATABASE_URL, urlForDatabase } from "./env.js";
import { buildHubForTests } from "./hub-build.js";
import { startWebBuild } from "./web-setup.js";

export default async function setup(project: TestProject) {
  // One build per run, shared by both projects like the dump below (the first project to ask makes it). The build,
  // the template database and the web site (tests/support/web-setup.ts) are made at the same time: the build is a
  // child process, the web build runs mostly in Vite's native threads, the template in this one.
  const builds = globalThis as { [HUB_BUILD]?: ReturnType<typeof buildHubForTests> };
  const firstBuild = builds[HUB_BUILD] === undefined;
  builds[HUB_BUILD] ??= buildHubForTests();
  builds[HUB_BUILD].catch(() => {}); // awaited below, after the database: not an unhandled rejection meanwhile
  startWebBuild();
  const teardown = await setupDatabase(project);
  const build = await builds[HUB_BUILD];
  project.provide("hubBuild", build.dir);
  return async () => {
    await teardown?.();
    if (firstBuild) build.remove();
  };
}

const HUB_BUILD = Symbol.for("idor-hub.tests.hub-build");

async function setupDatabase(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (DATABASE_URL) {
    const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
    const template = `hub_test_template_${process.pid}`;
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    await migratePostgresUrl(urlForDatabase(DATABASE_URL, template));
    project.provide("migratedTemplate", template);
    return async () => {
      // Drop the databases the test files made (they drop their own; this catches crashed workers).
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`hub_test_${process.pid}_%`} or datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  }
  // Both projects of the PGlite run (engine-free and pglite) use the dump: the first to ask makes it, in this process.
  const shared = globalThis as { [PGLITE_DUMP]?: Promise<string> };
  const first = shared[PGLITE_DUMP] === undefined;
  shared[PGLITE_DUMP] ??= migratedPgliteDump();
  project.provide("migratedTemplate", await shared[PGLITE_DUMP]);
  if (!first) return;
  return async () => fs.rmSync(path.dirname(await shared[PGLITE_DUMP]!), { recursive: true, force: true });
}

const PGLITE_DUMP = Symbol.for("idor-hub.tests.migrated-pglite-dump");

async function migratedPgliteDump(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-hub-test-"));
  const pg = await PGlite.create();
  await migrateDatabase(wrapPglite(pg));
  const dump = await pg.dumpDataDir("none");
  const file = path.join(dir, "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  return file;
}
