// Migrates once per test run, then every test file clones the result: PGlite cold start with migrations costs seconds
// and most of a gigabyte, a clone costs little (tests/support/pglite-templates.ts); on PostgreSQL
// `CREATE DATABASE ... TEMPLATE` is a file copy.
import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migratePostgresUrl } from "../../src/db/migrate.js";
import { fromRoot } from "../../src/shared/project-root.js";
import { DATABASE_URL, urlForDatabase } from "./env.js";
import { buildHubForTests } from "./hub-build.js";
import { removeFoldersOfEndedRuns } from "./processes.js";
import { TEMPLATE_CACHE, TEMPLATE_MARKERS, templatesKey } from "./pglite-templates.js";
import { startWebBuild } from "./web-setup.js";

export default async function setup(project: TestProject) {
  // One build per run, shared by both projects like the templates below (the first project to ask makes it). The
  // build, the template databases and the web site (tests/support/web-setup.ts) are made at the same time: the build
  // and the templates in child processes, the web site in this one. The set-up waits for the build and the web site;
  // the templates, which take longest, are awaited by the tests that use them.
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
  // Both projects of the PGlite run (engine-free and pglite) use the templates: the first to ask finds them kept from
  // an earlier run, or starts making them. They are made while the workers start and load the test files; the tests
  // wait for them (tests/support/db.ts).
  const shared = globalThis as { [PGLITE_TEMPLATES]?: ReturnType<typeof pgliteTemplates> };
  const first = shared[PGLITE_TEMPLATES] === undefined;
  shared[PGLITE_TEMPLATES] ??= pgliteTemplates();
  const templates = shared[PGLITE_TEMPLATES];
  project.provide("migratedTemplate", "");
  project.provide("pgliteTemplates", templates.folder);
  return first ? templates.done : undefined;
}

const PGLITE_TEMPLATES = Symbol.for("idor-hub.tests.pglite-templates");

/**
 * The run's PGlite templates: the ones an earlier run kept for the same inputs (tests/support/pglite-templates.ts,
 * `templatesKey`), or new ones, kept for the next runs when they were made (`done`, the teardown).
 */
function pgliteTemplates(): { folder: string; done: () => Promise<void> } {
  const kept = path.join(TEMPLATE_CACHE, `pglite-templates-${templatesKey()}`);
  if (fs.existsSync(path.join(kept, TEMPLATE_MARKERS.ready))) return { folder: kept, done: async () => {} };
  removeFoldersOfEndedRuns(TEMPLATE_CACHE, /^making-(\d+)-/);
  const making = startPgliteTemplates();
  return {
    folder: making.folder,
    done: async () => {
      making.child.kill(); // no-op once it has exited
      await making.exited;
      keepForNextRuns(making.folder, kept);
    },
  };
}

/** Renames the made templates into place (one set kept: those of other inputs go), or removes them when unfinished. */
function keepForNextRuns(folder: string, kept: string): void {
  if (fs.existsSync(path.join(folder, TEMPLATE_MARKERS.ready)) && !fs.existsSync(kept)) {
    try {
      for (const name of fs.readdirSync(TEMPLATE_CACHE)) {
        if (name.startsWith("pglite-templates-")) fs.rmSync(path.join(TEMPLATE_CACHE, name), { recursive: true, force: true });
      }
      fs.renameSync(folder, kept);
      return;
    } catch {
      // another run kept its set at the same moment: this one goes
    }
  }
  fs.rmSync(folder, { recursive: true, force: true });
}

/**
 * Starts tests/support/pglite-templates.ts in a process of its own, making its files in a new folder (beside where
 * they are kept, so that keeping them is a rename). It marks the folder ready when it is done; when it fails, this
 * marks it failed with its error output, which the waiting tests report.
 */
function startPgliteTemplates() {
  fs.mkdirSync(TEMPLATE_CACHE, { recursive: true });
  const folder = fs.mkdtempSync(path.join(TEMPLATE_CACHE, `making-${process.pid}-`));
  const script = fileURLToPath(new URL("./pglite-templates.ts", import.meta.url));
  let exit: () => void;
  const exited = new Promise<void>((resolve) => (exit = resolve));
  const child = execFile(process.execPath, ["--liftoff-only", "--import", "tsx", script, folder], { cwd: fromRoot() }, (err, _stdout, stderr) => {
    const made = fs.existsSync(path.join(folder, TEMPLATE_MARKERS.ready));
    if (err || !made) {
      const why = err ? stderr || String(err) : `the script ended without making them (${script})`;
      fs.writeFileSync(path.join(folder, TEMPLATE_MARKERS.failed), `making the PGlite test templates failed: ${why}`);
    }
    exit();
  });
  return { folder, child, exited };
}
