// Builds the web site with Vite when web/dist is missing or older than its sources (npm start, the test setup), or
// always with --force (npm run web:build). A fresh build takes a few seconds; an up-to-date one costs a directory walk.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const web = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const root = path.dirname(web);
const stamp = path.join(web, "dist", ".built");

function newest(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

/** The newest change among the inputs of the build. */
function sourcesChangedAt() {
  const inputs = ["src", "index.html", "graphiql.html", "vite.config.ts"].map((p) => path.join(web, p));
  return Math.max(...inputs.map(newest), newest(path.join(root, "package-lock.json")));
}

export async function ensureWebBuilt({ force = false, log = console.error } = {}) {
  const builtAt = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (!force && builtAt >= sourcesChangedAt()) return false;
  let vite;
  try {
    vite = await import("vite");
  } catch {
    // An install without devDependencies: serve what was built, if anything.
    if (builtAt) return false;
    throw new Error("web/dist is missing and Vite is not installed: run `npm ci` (with devDependencies), then `npm run web:build`.");
  }
  const started = Date.now();
  log("web: building the site with Vite (web/dist)…");
  // The site first (it empties web/dist), then the IDE beside it: two builds, so they share no chunk.
  // A production build whoever calls: under vitest NODE_ENV is "test", which would bundle React's development build
  // (about 60 KB gzip more) and break the JavaScript budget the tests check.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    for (const entry of ["site", "ide"]) {
      process.env.WEB_ENTRY = entry;
      await vite.build({ configFile: path.join(web, "vite.config.ts"), logLevel: "warn", mode: "production" });
    }
  } finally {
    delete process.env.WEB_ENTRY;
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  fs.writeFileSync(stamp, new Date().toISOString() + "\n");
  log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await ensureWebBuilt({ force: process.argv.includes("--force") });
  } catch (err) {
    console.error(String(err?.message ?? err));
    process.exit(1);
  }
}
