// Builds the web site (web/dist) once per test run when it is missing or stale, before any test file serves it.
// @ts-expect-error: a plain .mjs script without type declarations.
import { ensureWebBuilt } from "../../web/scripts/ensure-built.mjs";

export default async function setup() {
  await ensureWebBuilt({ log: () => {} });
}
