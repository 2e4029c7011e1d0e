// npm test: the type-check (TypeScript 7, the hub and the web site) and the suite (vitest) at the same time, failing
// when either fails. Arguments go to vitest (`npm test -- tests/http.test.ts --reporter=json`).
//
// One after the other they took ~10 s of type-check before the first test could start. Side by side, each type-check
// runs single-threaded (about the same time on 2 cores for half the CPU), beside vitest's set-up, which waits on a
// database and a build more than it computes (README, Tests). A type error stops vitest at once and is printed, as
// the type-check first did: no test result stands beside a type error.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsc = path.join(root, "node_modules", "typescript7", "bin", "tsc");
const checks = [
  ["the hub", [tsc, "--noEmit", "--singleThreaded"]],
  ["the web site", [tsc, "--noEmit", "--singleThreaded", "-p", "web"]],
];

function run(args, options) {
  const child = spawn(process.execPath, args, { cwd: root, ...options });
  const output = [];
  child.stdout?.on("data", (chunk) => output.push(chunk));
  child.stderr?.on("data", (chunk) => output.push(chunk));
  const exited = new Promise((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { child, exited, output: () => Buffer.concat(output).toString() };
}

const vitest = run([path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...process.argv.slice(2)], { stdio: "inherit" });
const typeChecks = checks.map(([name, args]) => ({ name, ...run(args, { stdio: ["ignore", "pipe", "pipe"] }) }));
// At a lower priority than the tests: the run is bound by CPU on the 2 cores it was measured on, and the set-up that
// every test waits for (the templates, the builds) ran at the pace of these two beside it. They take the cores
// whenever the tests leave one (README, Tests).
for (const check of typeChecks) lowerPriority(check.child.pid);

function lowerPriority(pid) {
  try {
    os.setPriority(pid, 10);
  } catch {
    // Not allowed here, or gone already: the same checks at the same priority.
  }
}

let typeErrors = false;
await Promise.all(
  typeChecks.map(async (check) => {
    const code = await check.exited;
    if (code === 0) return;
    typeErrors = true;
    vitest.child.kill("SIGTERM");
    process.stderr.write(`\nType-check of ${check.name} failed (exit ${code}):\n${check.output()}\n`);
  }),
);
const vitestCode = await vitest.exited;
if (typeErrors) {
  process.stderr.write("npm test failed: type errors (above); the tests were stopped.\n");
  process.exit(2);
}
process.stdout.write("Type-check: no errors (the hub and the web site).\n");
process.exit(vitestCode);
