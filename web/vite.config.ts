// Builds the hub's web site (index.html: public pages, partner portal, staff console) and the GraphQL IDE
// (graphiql.html, served at /graphql to browsers) into web/dist, which src/web/site.ts serves. No CDN: everything the
// pages load comes from this build.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  // Absolute paths: the site's pages live at nested URLs (/editions/2020) and all load /assets/...
  base: "/",
  logLevel: "warn",
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    sourcemap: false,
    // .vite/manifest.json: which chunks each page loads (tests/web-build.test.ts checks the JavaScript budget with it).
    manifest: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { site: here("index.html"), graphiql: here("graphiql.html") },
      onwarn(warning, warn) {
        // GraphiQL's dependencies carry React Server Components' "use client" markers, meaningless in a browser bundle.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
});
