#!/usr/bin/env node
// Starts the hub's command line (src/cli/hub.ts). A built install (`npm run build`) runs the compiled JavaScript in
// dist/, which starts in a fraction of a second; a clone without a build, or one whose sources changed since the build,
// compiles the TypeScript on the fly with tsx (a few seconds). Either way the same code runs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import v8 from "node:v8";

// A command on the embedded database boots PGlite (PostgreSQL compiled to WebAssembly) for a few statements. V8 also
// compiles PGlite's hot functions again with its optimising compiler in the background, which a short command never
// pays back: a bare boot took 2.5 s of CPU with it and 1.6 s without (README, "Command line"). Set before any
// WebAssembly is compiled; the hub's server (src/main.ts), which runs for long, keeps V8's default.
v8.setFlagsFromString("--liftoff-only");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const built = path.join(root, "dist", "src", "cli", "hub.js");

/** The newest modification time of the files below `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function builtIsCurrent() {
  try {
    return fs.statSync(built).mtimeMs >= newest(path.join(root, "src"));
  } catch {
    return false;
  }
}

let cli;
if (builtIsCurrent()) {
  cli = await import(pathToFileURL(built).href);
} else {
  const { tsImport } = await import("tsx/esm/api");
  cli = await tsImport(pathToFileURL(path.join(root, "src", "cli", "hub.ts")).href, import.meta.url);
}
await cli.run();
