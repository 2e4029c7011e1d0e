// Migrates once per test run, then every test file clones the result: PGlite cold start with migrations costs seconds
// and most of a gigabyte, a clone costs little (tests/support/pglite-templates.ts); on PostgreSQL
// `CREATE DATABASE ... TEMPLATE` is a file copy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migratePostgresUrl } from "../../src/db/migrate.js";
import { fromRoot } from "../../src/shared/project-root.js";
import { DATABASE_URL, urlForDatabase } from "./env.js";
import { buildHubForTests } from "./hub-build.js";
import { TEMPLATE_FILES } from "./pglite-templates.js";
import { startWebBuild } from "./web-setup.js";

export default async function setup(project: TestProject) {
  // One build per run, shared by both projects like the templates below (the first project to ask makes it). The
  // build, the template databases and the web site (tests/support/web-setup.ts) are made at the same time: the build
  // and the templates in child processes, the web site in this one.
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
  // Both projects of the PGlite run (engine-free and pglite) use the templates: the first to ask makes them.
  const shared = globalThis as { [PGLITE_TEMPLATES]?: Promise<string> };
  const first = shared[PGLITE_TEMPLATES] === undefined;
  shared[PGLITE_TEMPLATES] ??= makePgliteTemplates();
  const folder = await shared[PGLITE_TEMPLATES];
  project.provide("migratedTemplate", path.join(folder, TEMPLATE_FILES.migrated));
  project.provide("initdbTemplate", path.join(folder, TEMPLATE_FILES.initdb));
  project.provide("migratedDataDir", path.join(folder, TEMPLATE_FILES.migratedDataDir));
  if (!first) return;
  return async () => fs.rmSync(folder, { recursive: true, force: true });
}

const PGLITE_TEMPLATES = Symbol.for("idor-hub.tests.pglite-templates");

/** The folder of tests/support/pglite-templates.ts's files, which it makes in a process of its own. */
async function makePgliteTemplates(): Promise<string> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "idor-hub-test-"));
  const script = fileURLToPath(new URL("./pglite-templates.ts", import.meta.url));
  try {
    await promisify(execFile)(process.execPath, ["--liftoff-only", "--import", "tsx", script, folder], { cwd: fromRoot() });
  } catch (err) {
    fs.rmSync(folder, { recursive: true, force: true });
    const { stderr } = err as { stderr?: string };
    throw new Error(`making the PGlite test templates failed: ${stderr || String(err)}`);
  }
  return folder;
}
