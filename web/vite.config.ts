// Builds the hub's web site (index.html: public pages, partner portal, staff console) and the GraphQL IDE
// (graphiql.html, served at /graphql to browsers) into web/dist, which src/web/site.ts serves. No CDN: everything the
// pages load comes from this build. The two are built separately (WEB_ENTRY=site, then WEB_ENTRY=ide, see
// web/scripts/ensure-built.mjs) so that no chunk is shared: the public pages never load a byte of GraphiQL.
// (An environment variable rather than Vite's mode: a custom mode would also change NODE_ENV for React.)
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig(() => {
  const ide = process.env.WEB_ENTRY === "ide";
  return {
    root: here("."),
    // Absolute paths: the site's pages live at nested URLs (/editions/2020) and all load /assets/...
    base: "/",
    logLevel: "warn",
    oxc: { jsx: { runtime: "automatic" } },
    build: {
      outDir: here("dist"),
      // The IDE is built second, into the same folder.
      emptyOutDir: !ide,
      sourcemap: false,
      // .vite/manifest.json: which chunks each page loads (tests/web-build.test.ts checks the JavaScript budget with it).
      manifest: ide ? ".vite/manifest-ide.json" : ".vite/manifest.json",
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        input: (ide ? { graphiql: here("graphiql.html") } : { site: here("index.html") }) as Record<string, string>,
        onwarn(warning, warn) {
          // GraphiQL's dependencies carry React Server Components' "use client" markers, meaningless in a browser bundle.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
          warn(warning);
        },
      },
    },
  };
});
