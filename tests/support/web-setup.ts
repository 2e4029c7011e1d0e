// Builds the web site (web/dist) once per test run when it is missing or stale, before any test file serves it. The
// PGlite run's global set-up starts it beside the template database and the hub's build (./global-setup.ts); this
// set-up, which the pglite/postgres project runs, waits for it (or starts it, on PostgreSQL).
// @ts-expect-error: a plain .mjs script without type declarations.
import { ensureWebBuilt } from "../../web/scripts/ensure-built.mjs";

const WEB_BUILD = Symbol.for("idor-hub.tests.web-build");

export function startWebBuild(): Promise<void> {
  const shared = globalThis as { [WEB_BUILD]?: Promise<void> };
  shared[WEB_BUILD] ??= (ensureWebBuilt({ log: () => {} }) as Promise<boolean>).then(() => {});
  shared[WEB_BUILD].catch(() => {}); // awaited by setup() below
  return shared[WEB_BUILD];
}

export default async function setup() {
  await startWebBuild();
}
