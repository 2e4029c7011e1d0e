import { defineConfig } from "vitest/config";
import { SuiteSequencer } from "./tests/support/sequencer.js";

/**
 * Tests that do not depend on the engine behind DATABASE_URL (the schema, the entry points, the CLI and the data
 * directory lock on the embedded database, a migration tested on PGlite): they run in the PGlite run only, not again
 * when DATABASE_URL is set.
 * (They get the migrated embedded database too, for the hubs and CLI runs that need one but do not test a first start.)
 */
const ENGINE_FREE = [
  "tests/schema.test.ts",
  "tests/decorators.test.ts",
  "tests/entry-points.test.ts",
  "tests/cli.test.ts",
  "tests/data-dir-lock.test.ts",
  "tests/readme.test.ts",
  "tests/counting.property.test.ts",
  "tests/pacing.test.ts",
  "tests/shutdown.test.ts",
  "tests/server-config.test.ts",
  "tests/seed-cli.test.ts",
  "tests/migration-0005.test.ts",
];
const onPostgres = Boolean(process.env.DATABASE_URL?.trim());

export default defineConfig({
  resolve: {
    // vite would load graphql's .mjs while type-graphql and Apollo load its .js: two realms, one schema error.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    // type-graphql's decorators need the metadata API before any module declaring a GraphQL type loads.
    setupFiles: ["src/metadata.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The browser files first, then the longest first (tests/support/sequencer.ts).
    sequence: { sequencer: SuiteSequencer },
    // vitest's default is one worker per core less one: a single worker on the 2-core machines this runs on, and the
    // suite ran strictly one file after another while most files wait on a child process, Chromium or a server.
    // Two workers keep both cores busy (measured: README, Tests).
    maxWorkers: 2,
    // Every test file boots PGlite (PostgreSQL compiled to WebAssembly), and V8 compiled its hot functions a second
    // time with its optimising compiler in the background: ~3.1 s of CPU per boot, ~1.8 s with the baseline compiler
    // only. A test file runs too briefly for the optimised code to pay that back: six PGlite files took 67 s of CPU
    // instead of 90 s (README, Tests). Semantics are the same; only V8's code generation differs.
    execArgv: ["--liftoff-only"],
    projects: [
      {
        extends: true as const,
        test: {
          name: onPostgres ? "postgres" : "pglite",
          include: ["tests/**/*.test.ts"],
          exclude: onPostgres ? ENGINE_FREE : [],
          // A worker runs its files one after another in one process, so the app's modules and its schema load once
          // per worker instead of once per file (the same six files: 64 s of CPU instead of 90 s). The files share no
          // state: each makes its own database (tests/support/db.ts), no test mocks a module or changes process.env,
          // and no module keeps a cache without its database (STYLE). The engine-free files ran in a project of their
          // own with a process each; they start their processes and read their sources the same way in a shared
          // one, and one project lets the two workers take the longest files first from all of them
          // (tests/support/sequencer.ts) and keep their processes: a worker is reused only for a file of its project.
          isolate: false,
          // Migrates once per run; every test file clones the result (tests/support/db.ts).
          globalSetup: ["tests/support/global-setup.ts", "tests/support/web-setup.ts"],
        },
      },
    ],
  },
});
