// Logging never decides whether the hub lives. A real hub process (compiled once per run: tests/support/hub-build.ts; embedded database)
// whose parent reads its stdout through a pipe: when the parent stops reading, requests are still answered; when the
// parent sends SIGTERM and closes the pipe at once (as a supervisor or log shipper may), the hub still exits within
// its shutdown timeout and frees the data-directory lock. Before, such hubs lived on, retrying writes into the broken
// pipe for ever.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { fillWithMigratedDatabase } from "./support/db.js";
import { builtScript } from "./support/hub-build.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-hub-shutdown-"));
// Migrated already (a first start is tests/server.test.ts's): the hub only opens it.
beforeAll(() => fillWithMigratedDatabase(dataDir), 60_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it("answers while nobody reads its stdout, and exits on SIGTERM within the timeout when the pipe is closed", async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", HUB_DATA_DIR: dataDir, HUB_SEED_ON_EMPTY: "false", HUB_SHUTDOWN_TIMEOUT_MS: "4000" };
  // The load below comes from one address: the per-address rate limit is off, as for a benchmark.
  for (const name of Object.keys(env)) if (name === "DATABASE_URL" || name.startsWith("HUB_RATE") || name.startsWith("HUB_MAX")) delete env[name];
  env.HUB_RATE_LIMIT_ANONYMOUS = "0";
  // --liftoff-only as every hub the tests start (tests/support/hub-process.ts says why).
  const hub = spawn(process.execPath, ["--liftoff-only", builtScript(inject("hubBuild"), "src/main.ts")], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
    hub.on("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
  );
  try {
    let out = "";
    const port = await new Promise<number>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /IDoR Hub ready at http:\/\/localhost:(\d+)\//.exec(out);
        if (match) {
          hub.stdout!.off("data", onData);
          resolve(Number(match[1]));
        }
      };
      hub.stdout!.on("data", onData);
      void exited.then(() => reject(new Error(`the hub exited before it was ready: ${out}`)));
    });
    expect(fs.existsSync(path.join(dataDir, "hub.lock"))).toBe(true);

    // Nobody reads stdout any more: its pipe fills up with the request log, the hub must not wait for it.
    hub.stdout!.pause();
    const base = `http://127.0.0.1:${port}`;
    const longName = `Fill${"X".repeat(400)}`;
    const statuses: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 900; i += 30) {
      const batch = await Promise.all(
        Array.from({ length: 30 }, () =>
          fetch(`${base}/graphql`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-request-id": "r".repeat(100) },
            body: JSON.stringify({ query: `query ${longName} { __typename }` }),
          }).then((r) => r.status),
        ),
      );
      statuses.push(...batch);
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    console.info(`900 requests (~500 KB of log lines) with stdout unread: ${Math.round(performance.now() - started)} ms`);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // SIGTERM, then the parent goes away: both pipes closed at once.
    const signalled = performance.now();
    hub.kill("SIGTERM");
    hub.stdout!.destroy();
    hub.stderr!.destroy();
    const end = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    expect(end, "the hub was still running 15 s after SIGTERM").not.toBeNull();
    console.info(`exited ${Math.round(end!.at - signalled)} ms after SIGTERM with code ${end!.code}`);
    expect(end!.at - signalled).toBeLessThan(4_000 + 1_500);
    expect(end!.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "hub.lock"))).toBe(false);
  } finally {
    if (hub.exitCode === null && hub.signalCode === null) hub.kill("SIGKILL");
  }
}, 300_000); // ~15 s on a quiet machine (a fresh embedded database); 90–170 s seen at load 18–34 on 2 cores
