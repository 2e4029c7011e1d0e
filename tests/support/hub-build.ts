// The hub's sources compiled once per test run, for the tests that spawn the hub as a process (server, server-config,
// shutdown, replicas). Through tsx every spawned hub compiled its ~150 modules again: a bad PORT cost 3.4 s of CPU
// under tsx against 1.7 s from compiled JavaScript, and the suite spawns a few dozen hubs. `npm run start:prod` runs
// the same kind of build. TypeScript 7 emits it without type-checking (`--noCheck`, ~3 s of CPU): `npm test`
// type-checks the same sources beside the run (scripts/test.mjs), and a type error there fails it anyway. The folder
// lies inside the repository (so that node_modules and the project root are found from it) and is named after the
// run, so that two runs at once (PGlite and PostgreSQL) do not write into each other's.
// It runs as a child process without blocking the global set-up, which meanwhile migrates the template database and
// builds the web site (tests/support/global-setup.ts).
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { fromRoot } from "../../src/shared/project-root.js";
import { removeFoldersOfEndedRuns } from "./processes.js";

export async function buildHubForTests(): Promise<{ dir: string; remove(): void }> {
  const dir = fromRoot(".tmp", `test-build-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  removeFoldersOfEndedRuns(fromRoot(".tmp"), /^test-build-(\d+)$/);
  const tsc = fromRoot("node_modules", "typescript7", "bin", "tsc");
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [tsc, "-p", fromRoot("tsconfig.build.json"), "--outDir", dir, "--noCheck", "--sourceMap", "false"],
    { cwd: fromRoot() },
  );
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `node <the compiled script>` for a script under src/, e.g. "src/main.ts". */
export function builtScript(buildDir: string, script: string): string {
  if (!script.startsWith("src/") || !script.endsWith(".ts")) throw new Error(`not a source script: ${script}`);
  return path.join(buildDir, script.replace(/\.ts$/, ".js"));
}
