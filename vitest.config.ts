import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // vite would load graphql's .mjs while type-graphql and Apollo load its .js: two realms, one schema error.
    alias: { graphql: "graphql/index.js" },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts", "tests/support/web-setup.ts"],
    // type-graphql's decorators need the metadata API before any module declaring a GraphQL type loads.
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
